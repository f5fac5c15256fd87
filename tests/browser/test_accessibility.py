"""axe-core finds no WCAG 2.2 A/AA problem on any kind of page, on a phone and on a desktop."""

import pytest

from pages.models import Payer
from tests.support import axe
from tests.support.browser import DESKTOP_WIDTH, PHONE_WIDTH
from tests.support.builders import fill_site_settings, make_payer
from tests.support.seed import PROGRAM_URL, SEED_ARTICLE_SLUG

pytestmark = pytest.mark.browser

PAGES = {
    "home": "/",
    "article list": "/articles/",
    "article": f"/articles/{SEED_ARTICLE_SLUG}/",
    "topic": "/topics/intensive-outpatient-program/",
    "author": "/authors/editorial-team/",
    "program": PROGRAM_URL,
    "about": "/about/",
    "insurance and cost": "/insurance-and-cost/",
    "families": "/families/",
    "privacy": "/privacy/",
    "accessibility": "/accessibility/",
    "confidentiality": "/confidentiality/",
    "contact": "/contact/",
    "contact thank-you": "/contact/thanks/",
    "search with results": "/search/?q=job",
    "search without results": "/search/?q=xylophonequartz",
    "search with a misspelling": "/search/?q=outpatinet",
    "search as typed, with Did you mean": "/search/?q=outpatinet&exact=1",
    "search about someone else, nothing found": "/search/?q=my+brother+xylophonequartz",
    "search, empty": "/search/",
    "not found": "/no-such-page/",
}


@pytest.mark.parametrize("width", [PHONE_WIDTH, DESKTOP_WIDTH], ids=["phone", "desktop"])
@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_axe_finds_no_violations(site_url, open_page, path, width):
    page = open_page(width)
    response = page.goto(site_url + path)
    assert response.status == (404 if path == "/no-such-page/" else 200)
    found = axe.violations(page)
    assert found == [], axe.readable(found)


@pytest.mark.parametrize("width", [PHONE_WIDTH, DESKTOP_WIDTH], ids=["phone", "desktop"])
def test_axe_finds_no_violations_with_the_center_facts_entered(site_url, open_page, width):
    """The payer table, a "please call to confirm" and staff's own Markdown pass as the placeholders do."""
    make_payer(name="Quokka Health", plan_types="PPO, EPO")
    make_payer(name="Aardvark Assurance", network_status=Payer.Network.SINGLE_CASE, days_since_verified=120)
    fill_site_settings(self_pay_information="## Payment plans\n\nAsk us.", family_services="- A family group\n")
    page = open_page(width)
    for path in ("/insurance-and-cost/", "/families/"):
        page.goto(site_url + path)
        found = axe.violations(page)
        assert found == [], f"{path}: {axe.readable(found)}"


def test_axe_would_report_a_violation(site_url, open_page):
    """Control: on a page with a known fault, the same call reports it, so an empty list means something."""
    page = open_page()
    page.goto(site_url + "/about/")
    page.evaluate("document.documentElement.removeAttribute('lang')")
    assert "html-has-lang" in [violation["id"] for violation in axe.violations(page)]
