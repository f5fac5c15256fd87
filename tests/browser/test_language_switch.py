"""The language link in the header at 390 px and at 1280 px: a tap target of its own that crowds nothing, leading
to the same page in the other language; and the Spanish home, frame and crisis banner as a phone shows them."""

import pytest
from playwright.sync_api import expect

from tests.support import axe
from tests.support.browser import DESKTOP_WIDTH, PHONE_WIDTH

pytestmark = pytest.mark.browser

MAX_TOP_OF_PAGE_PX = 160  # crisis banner and header together at 390 px, as for English (test_header.py)
HEADER_PARTS = [".brand-name", ".language-switch", ".btn-call", ".header-search summary", ".header-menu summary"]
BOX = "(el) => { const r = el.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; }"
# Whether an element's text runs out of its own box (a word too long for it), horizontally.
OVERFLOWS = "(el) => el.scrollWidth > el.clientWidth + 1"


def overlapping(boxes):
    """The pairs of header parts whose boxes overlap."""
    names = list(boxes)
    return [
        (a, b)
        for i, a in enumerate(names)
        for b in names[i + 1 :]
        if boxes[a][0] < boxes[b][2]
        and boxes[b][0] < boxes[a][2]
        and boxes[a][1] < boxes[b][3]
        and boxes[b][1] < boxes[a][3]
    ]


@pytest.mark.parametrize("width", [PHONE_WIDTH, DESKTOP_WIDTH])
@pytest.mark.parametrize(("path", "name", "other"), [("/", "Español", "/es/"), ("/es/", "English", "/")])
def test_the_language_link_is_a_44_px_target_that_crowds_nothing(site_url, open_page, width, path, name, other):
    page = open_page(width)
    page.goto(site_url + path)
    switch = page.get_by_role("link", name=name, exact=True)
    expect(switch).to_be_visible()
    box = switch.bounding_box()
    assert box["width"] >= 44 and box["height"] >= 44, box
    parts = {selector: page.locator(selector).first.evaluate(BOX) for selector in HEADER_PARTS}
    if width == DESKTOP_WIDTH:  # the toggles are gone: the search box and menu stand open
        parts = {selector: box for selector, box in parts.items() if "summary" not in selector}
    assert overlapping(parts) == []
    assert not page.locator(".brand-name").evaluate(OVERFLOWS), "the center's name runs out of its room"
    switch.click()
    expect(page).to_have_url(site_url + other)


def test_on_a_phone_the_spanish_banner_and_header_leave_the_page_in_the_first_screen(site_url, open_page):
    page = open_page(PHONE_WIDTH, 844)
    page.goto(site_url + "/es/")
    expect(page.locator(".crisis-banner")).to_contain_text("marque 2 para español")
    expect(page.locator(".crisis-banner")).to_contain_text("AYUDA")
    header_bottom = page.locator(".site-header").evaluate(BOX)[3]
    assert header_bottom <= MAX_TOP_OF_PAGE_PX, f"crisis banner and header end at {header_bottom} px"


@pytest.mark.parametrize("width", [PHONE_WIDTH, DESKTOP_WIDTH])
def test_axe_finds_nothing_wrong_with_the_spanish_home(site_url, open_page, width):
    page = open_page(width)
    page.goto(site_url + "/es/")
    found = axe.violations(page)
    assert found == [], axe.readable(found)
