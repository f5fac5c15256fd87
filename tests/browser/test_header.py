"""The header and the call bar on a phone: compact, usable without JavaScript, a call one tap away mid-article,
never hiding what has keyboard focus and never shifting the page; on a desktop, the menu stands open."""

import pytest
from playwright.sync_api import expect

from center.models import SiteSettings
from tests.support import axe
from tests.support.browser import DESKTOP_WIDTH, PHONE_WIDTH
from tests.support.seed import SEED_ARTICLE_URL

pytestmark = pytest.mark.browser

PHONE_HEIGHT = 844  # an iPhone 12 to 15 held upright, in CSS pixels
MAX_TOP_OF_PAGE_PX = 160  # crisis banner and header together, at 390 px
MENU = ["Programs", "Insurance and cost", "For families", "Articles", "About", "Contact"]
MAX_TABS = 120

BOX = "(el) => { const r = el.getBoundingClientRect(); return {top: r.top, bottom: r.bottom, height: r.height}; }"

# Where the focused element and its focus ring are, once Chromium has scrolled it into view (smoothly: Bootstrap
# asks for it), and whether it belongs to the call bar.
FOCUSED = """async () => {
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  for (let still = 0, last = NaN, frames = 0; still < 3 && frames < 120; frames += 1) {
    await frame();
    still = window.scrollY === last ? still + 1 : 0;
    last = window.scrollY;
  }
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  if (!el.dataset.walk) el.dataset.walk = document.querySelectorAll("[data-walk]").length + 1;
  const r = el.getBoundingClientRect();
  const style = getComputedStyle(el);
  const ring = parseFloat(style.outlineWidth) + parseFloat(style.outlineOffset);  // the ring is drawn outside
  return {key: el.dataset.walk, label: (el.innerText || el.value || el.tagName).trim().slice(0, 40),
          top: r.top - ring, bottom: r.bottom + ring, inBar: !!el.closest(".call-bar")};
}"""

# The page's layout shifts since navigation (CLS counts those not caused by the visitor's own input).
LAYOUT_SHIFT = """() => new Promise((resolve) => {
  new PerformanceObserver((list) => {
    resolve(list.getEntries().filter((e) => !e.hadRecentInput).reduce((sum, e) => sum + e.value, 0));
  }).observe({type: "layout-shift", buffered: true});
  setTimeout(() => resolve(0), 500);  // no entry at all: nothing shifted
})"""


def open_phone(open_page, **options):
    return open_page(PHONE_WIDTH, PHONE_HEIGHT, **options)


def menu_links(page):
    return page.get_by_role("navigation", name="Main").get_by_role("link")


def test_on_a_phone_the_header_is_compact_and_the_article_starts_in_the_first_screen(site_url, open_page):
    page = open_phone(open_page)
    page.goto(site_url + SEED_ARTICLE_URL)
    header = page.locator(".site-header").evaluate(BOX)
    bar = page.locator(".call-bar").evaluate(BOX)
    first_paragraph = page.locator(".prose p").first.evaluate(BOX)
    assert header["bottom"] <= MAX_TOP_OF_PAGE_PX, f"crisis banner and header end at {header['bottom']} px"
    assert first_paragraph["top"] < bar["top"] - 40, "two lines of the article show above the call bar"


def test_the_menu_and_the_search_box_open_without_javascript(site_url, open_page):
    page = open_phone(open_page, java_script_enabled=False)
    page.goto(site_url + SEED_ARTICLE_URL)
    expect(menu_links(page).first).to_be_hidden()

    page.locator(".header-menu summary").click()
    expect(menu_links(page)).to_have_text(MENU)
    for link in menu_links(page).all():
        expect(link).to_be_visible()
    expect(menu_links(page).filter(has_text="Articles")).to_have_attribute("aria-current", "page")

    page.locator(".header-search summary").click()
    expect(menu_links(page).first).to_be_hidden()  # one panel at a time
    box = page.get_by_label("Search the site")
    box.fill("job")
    box.press("Enter")
    page.wait_for_url("**/search/?q=job")


def test_the_menu_opens_from_the_keyboard_and_tab_then_reaches_its_links(site_url, open_page):
    page = open_phone(open_page)
    page.goto(site_url + "/")
    toggle = page.locator(".header-menu summary")
    toggle.focus()
    page.keyboard.press("Enter")
    expect(page.locator(".header-menu")).to_have_attribute("open", "")
    page.keyboard.press("Tab")
    expect(menu_links(page).first).to_be_focused()


@pytest.mark.parametrize("panel", ["menu", "search"])
def test_axe_finds_nothing_wrong_with_an_open_panel(site_url, open_page, panel):
    page = open_phone(open_page)
    page.goto(site_url + SEED_ARTICLE_URL)
    page.locator(f".header-{panel} summary").click()
    found = axe.violations(page)
    assert found == [], axe.readable(found)


def test_opening_search_on_a_phone_puts_the_cursor_in_the_box(site_url, open_page):
    page = open_phone(open_page)
    page.goto(site_url + "/")
    page.locator(".header-search summary").click()
    expect(page.get_by_role("combobox", name="Search the site")).to_be_focused()


def test_the_call_bar_stays_in_view_mid_article_and_dials_the_center(site_url, open_page):
    page = open_phone(open_page)
    page.goto(site_url + SEED_ARTICLE_URL)
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight / 2)")
    bar = page.get_by_role("complementary", name="Call or message us")
    site = SiteSettings.load()
    call = bar.get_by_role("link", name=f"Call {site.phone}")
    expect(call).to_be_in_viewport()
    assert call.get_attribute("href") == site.phone_href
    assert call.get_attribute("href").startswith("tel:")
    assert bar.get_by_role("link", name="Message us").get_attribute("href") == "/contact/"
    assert bar.evaluate(BOX)["bottom"] == PHONE_HEIGHT, "fixed to the foot of the screen"
    assert bar.evaluate(BOX)["height"] >= 44 + 2 * 4


def tab_walk(page):
    """Every element Tab reaches, in order, where it sits once focused; stops when focus comes round again."""
    seen, walk = set(), []
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused is None or focused["key"] in seen:
            return walk
        seen.add(focused["key"])
        walk.append(focused)
    pytest.fail(f"more than {MAX_TABS} Tab presses and focus has not come round to the start")


def hidden_behind_the_bar(page):
    """The focused elements outside the bar that the bar covers, even only their focus ring's lower edge."""
    bar = page.locator(".call-bar").evaluate(BOX)
    walk = tab_walk(page)
    assert any(f["inBar"] for f in walk), "the walk reaches the call bar's own links too"
    covered = [f for f in walk if f["bottom"] > bar["top"] and not f["inBar"]]
    return [f"{f['label']!r} at {f['top']:.0f}-{f['bottom']:.0f} px" for f in covered]


@pytest.mark.parametrize("path", ["/", SEED_ARTICLE_URL], ids=["home", "article"])
def test_the_call_bar_never_covers_the_focused_element(site_url, open_page, path):
    page = open_phone(open_page)
    page.goto(site_url + path)
    assert hidden_behind_the_bar(page) == []


@pytest.mark.parametrize("width", [PHONE_WIDTH, DESKTOP_WIDTH], ids=["phone", "desktop"])
@pytest.mark.parametrize("path", ["/", SEED_ARTICLE_URL], ids=["home", "article"])
def test_nothing_shifts_while_the_page_loads(site_url, open_page, width, path):
    page = open_page(width, PHONE_HEIGHT)
    page.goto(site_url + path, wait_until="load")
    assert page.evaluate(LAYOUT_SHIFT) == 0


def test_on_a_desktop_the_menu_stands_open_and_there_is_no_call_bar(site_url, open_page):
    page = open_page(DESKTOP_WIDTH)
    page.goto(site_url + "/")
    expect(menu_links(page)).to_have_text(MENU)
    for link in menu_links(page).all():
        expect(link).to_be_visible()
    menu_links(page).last.focus()
    expect(menu_links(page).last).to_be_focused()  # shown, and reachable: not merely drawn
    expect(page.get_by_role("combobox", name="Search the site")).to_be_visible()
    expect(page.locator(".header-toggle").first).to_be_hidden()
    expect(page.locator(".call-bar")).to_be_hidden()
    phone = SiteSettings.load().phone
    expect(page.get_by_role("banner").get_by_role("link", name=f"Call {phone}").get_by_text(phone)).to_be_visible()


def test_printing_leaves_the_call_bar_out(site_url, open_page):
    page = open_phone(open_page)
    page.goto(site_url + SEED_ARTICLE_URL)
    page.emulate_media(media="print")
    expect(page.locator(".call-bar")).to_be_hidden()
