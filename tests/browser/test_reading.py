"""A visitor in a real browser: styles load, an article can be read, and the keyboard works."""

import re

import pytest
from playwright.sync_api import expect

from tests.support.browser import DESKTOP_WIDTH, PHONE_WIDTH
from tests.support.seed import SEED_ARTICLE_SLUG, SEED_ARTICLE_TITLE

pytestmark = pytest.mark.browser

HOME_HEADING = "Recovery that fits around your work and your life"


@pytest.mark.parametrize("width", [PHONE_WIDTH, DESKTOP_WIDTH], ids=["phone", "desktop"])
def test_a_visitor_reads_the_latest_article_and_comes_back(site_url, open_page, width):
    page = open_page(width)
    page.goto(site_url + "/")
    expect(page.get_by_role("heading", level=1)).to_have_text(HOME_HEADING)

    page.get_by_role("link", name=SEED_ARTICLE_TITLE).click()
    expect(page).to_have_url(f"{site_url}/articles/{SEED_ARTICLE_SLUG}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(SEED_ARTICLE_TITLE)

    page.go_back()
    expect(page).to_have_url(site_url + "/")
    expect(page.get_by_role("heading", level=1)).to_have_text(HOME_HEADING)


def test_the_stylesheets_load_and_apply(site_url, open_page):
    page = open_page()
    failed = []
    page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    page.goto(site_url + "/")
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    skip_link_position = page.evaluate("getComputedStyle(document.querySelector('.skip-link')).position")
    assert background == "rgb(250, 247, 242)"  # --rr-paper from static/css/site.css
    assert skip_link_position == "absolute"
    assert failed == []


# Each of the site's stylesheets read by Chromium's own parser: the style rules that ended up inside another style
# rule. Our CSS nests none, so any such rule sits after a brace left unclosed and no longer applies where it should.
SWALLOWED_RULES = """async (paths) => {
    const swallowed = [];
    const walk = (path, rules, inside) => {
        for (const rule of rules) {
            if (rule instanceof CSSStyleRule && inside) swallowed.push(`${path}: ${rule.selectorText} in ${inside}`);
            if (rule.cssRules) walk(path, rule.cssRules, rule instanceof CSSStyleRule ? rule.selectorText : inside);
        }
    };
    for (const path of paths) {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(await (await fetch(path)).text());
        walk(path, sheet.cssRules, null);
    }
    return swallowed;
}"""


def test_every_rule_of_the_stylesheets_applies_on_its_own(site_url, open_page):
    """A rule left unclosed silently swallows every rule after it: the public pages' and the staff pages' styles."""
    page = open_page()
    page.goto(site_url + "/")
    stylesheets = ["/static/css/site.css", "/static/css/staff.css", "/static/css/staff-inquiry.css"]
    assert page.evaluate(SWALLOWED_RULES, stylesheets) == []


def test_no_page_breaks_the_content_security_policy(site_url, open_page):
    page = open_page()
    problems = []
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    for path in ("/", f"/articles/{SEED_ARTICLE_SLUG}/", "/contact/", "/search/?q=job"):
        page.goto(site_url + path)
    assert problems == []


def test_the_first_tab_reaches_the_skip_link_and_enter_moves_to_the_main_content(site_url, open_page):
    page = open_page(PHONE_WIDTH)
    page.goto(site_url + "/")
    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="Skip to main content")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page.locator("main#main")).to_be_focused()
    expect(page).to_have_url(re.compile(r"#main$"))
