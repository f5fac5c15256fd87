"""axe-core finds no WCAG 2.2 A/AA problem on any kind of page, on a phone and on a desktop."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import DESKTOP_WIDTH, PHONE_WIDTH
from tests.builders import PROGRAM_URL, SEED_ARTICLE_SLUG

pytestmark = pytest.mark.browser

AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
    "resultTypes": ["violations"],  # passes are summarised, which keeps each run quick
}
PAGES = {
    "home": "/",
    "article list": "/articles/",
    "article": f"/articles/{SEED_ARTICLE_SLUG}/",
    "topic": "/topics/intensive-outpatient-program/",
    "author": "/authors/editorial-team/",
    "program": PROGRAM_URL,
    "about": "/about/",
    "privacy": "/privacy/",
    "accessibility": "/accessibility/",
    "confidentiality": "/confidentiality/",
    "contact": "/contact/",
    "contact thank-you": "/contact/thanks/",
    "search with results": "/search/?q=job",
    "search without results": "/search/?q=xylophonequartz",
    "search with a misspelling": "/search/?q=outpatinet",
    "search, empty": "/search/",
    "not found": "/no-such-page/",
}

_axe = Axe()


def readable(violations):
    lines = [f"{len(violations)} accessibility violation(s):"]
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']} — {violation['helpUrl']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    at {', '.join(map(str, node['target']))}: {node['failureSummary'].splitlines()[-1]}")
            lines.append(f"       {node['html'][:160]}")
    return "\n".join(lines)


@pytest.mark.parametrize("width", [PHONE_WIDTH, DESKTOP_WIDTH], ids=["phone", "desktop"])
@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_axe_finds_no_violations(site_url, open_page, path, width):
    page = open_page(width)
    response = page.goto(site_url + path)
    assert response.status == (404 if path == "/no-such-page/" else 200)
    results = _axe.run(page, options=AXE_OPTIONS)
    violations = results.response["violations"]
    assert violations == [], readable(violations)


def test_axe_would_report_a_violation(site_url, open_page):
    """Control: on a page with a known fault, the same call reports it, so an empty list means something."""
    page = open_page()
    page.goto(site_url + "/about/")
    page.evaluate("document.documentElement.removeAttribute('lang')")
    results = _axe.run(page, options=AXE_OPTIONS)
    assert "html-has-lang" in [v["id"] for v in results.response["violations"]]
