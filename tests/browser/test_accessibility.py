"""axe-core finds no WCAG 2.2 A/AA problem on any kind of page, on a phone and on a desktop."""

import datetime

import pytest

from center.models import Notice, Payer
from pages.models import Program
from tests.support import axe
from tests.support.browser import DESKTOP_WIDTH, PHONE_WIDTH
from tests.support.builders import fill_program_facts, fill_site_settings, make_payer, make_team_member, portrait_file
from tests.support.page_types import SPANISH_PAGES
from tests.support.seed import PROGRAM_URL, SEED_ARTICLE_SLUG

pytestmark = pytest.mark.browser

PAGES = {
    "home": "/",
    "article list": "/articles/",
    "article": f"/articles/{SEED_ARTICLE_SLUG}/",
    "topic": "/topics/intensive-outpatient-program/",
    "author": "/authors/editorial-team/",
    "program": PROGRAM_URL,
    "our team, no one on it yet": "/team/",
    "client rights, text not yet entered": "/client-rights/",
    "notice of privacy practices, text not yet entered": "/notice-of-privacy-practices/",
    "confidentiality of records, text not yet entered": "/confidentiality-of-records/",
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
    "language assistance": "/language-assistance/",
    "self-check": "/self-check/",
    **{f"Spanish {name.removeprefix('es-')}": path for name, path in SPANISH_PAGES},
}
NOT_FOUND = {"/no-such-page/", *(path for name, path in SPANISH_PAGES if name == "es-not-found")}


@pytest.mark.parametrize("width", [PHONE_WIDTH, DESKTOP_WIDTH], ids=["phone", "desktop"])
@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_axe_finds_no_violations(site_url, open_page, path, width):
    page = open_page(width)
    response = page.goto(site_url + path)
    assert response.status == (404 if path in NOT_FOUND else 200)
    found = axe.violations(page)
    assert found == [], axe.readable(found)


@pytest.mark.parametrize("width", [PHONE_WIDTH, DESKTOP_WIDTH], ids=["phone", "desktop"])
def test_axe_finds_no_violations_on_a_program_with_every_fact_and_its_schedule(site_url, open_page, width):
    """The seeded program shows placeholders; this one has the facts list and the schedule table filled."""
    fill_program_facts(Program.objects.get(language="en", slug=Program.MAIN_SLUG))
    page = open_page(width)
    page.goto(site_url + PROGRAM_URL)
    assert page.locator("table caption").inner_text() == "Weekly group sessions"
    found = axe.violations(page)
    assert found == [], axe.readable(found)


@pytest.mark.parametrize("width", [PHONE_WIDTH, DESKTOP_WIDTH], ids=["phone", "desktop"])
def test_axe_finds_no_violations_on_a_notice_with_its_versions_and_a_team_with_a_photo(site_url, open_page, width):
    """The seed has no notice text and no team: their filled-in markup (version list, photos) is checked here."""
    for year in (2025, 2026):
        body = f"## Your rights\n\nThe {year} text.\n\n- One right.\n- Another right.\n"
        Notice.objects.create(kind=Notice.Kind.CLIENT_RIGHTS, effective_on=datetime.date(year, 1, 1), body=body)
    make_team_member(photo=portrait_file())
    make_team_member(name="Ben Okafor", slug="ben-okafor", credentials="MD", role="Medical director")
    page = open_page(width)
    for path in ("/client-rights/", "/client-rights/?version=2025-01-01", "/team/", "/authors/ana-ruiz/"):
        assert page.goto(site_url + path).status == 200
        found = axe.violations(page)
        assert found == [], f"{path}: {axe.readable(found)}"


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
