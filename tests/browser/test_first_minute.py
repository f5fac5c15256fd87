"""A family's first minute, tried as a new visitor would: from the home page, what they look for first is at most
two taps away, on a phone and on a desktop, and the call button is in reach in the middle of an article."""

import pytest

from tests.support.browser import DESKTOP_WIDTH, PHONE_WIDTH
from tests.support.builders import fill_center_facts
from tests.support.seed import SEED_ARTICLE_URL

pytestmark = pytest.mark.browser

PHONE_HEIGHT = 844
STATEMENT = "Certified by the State Department of Health Care Services."
MAX_TAPS = 2

IN_VIEW = """(el) => { const r = el.getBoundingClientRect();
  return r.bottom > 0 && r.top < window.innerHeight && r.right > 0 && r.left < window.innerWidth; }"""


class Visitor:
    """A visitor who counts every tap from the home page."""

    def __init__(self, page, site_url):
        self.page, self.site_url, self.taps = page, site_url, 0

    def start(self):
        self.page.goto(self.site_url + "/")
        self.taps = 0

    def tap(self, locator):
        locator.first.click()
        self.taps += 1

    def tap_menu(self, name):
        """Open the menu when it is folded away (on a phone), then follow one of its links."""
        menu = self.page.locator(".header-menu summary")
        if menu.is_visible():
            self.tap(menu)
        self.tap(self.page.get_by_role("navigation", name="Main").get_by_role("link", name=name, exact=True))

    def sees(self, locator, seconds=3):
        """Whether ``locator`` comes into view within a few seconds (a jump to an anchor may scroll smoothly)."""
        self.page.wait_for_load_state()
        for _ in range(seconds * 10):
            if locator.first.evaluate(IN_VIEW):
                return True
            self.page.wait_for_timeout(100)
        return False


@pytest.fixture(params=[PHONE_WIDTH, DESKTOP_WIDTH], ids=["phone", "desktop"])
def visitor(request, site_url, open_page):
    fill_center_facts()
    return Visitor(open_page(request.param, PHONE_HEIGHT), site_url)


def test_insurance_and_cost_is_two_taps_away_by_the_menu_and_one_from_the_home_page(visitor):
    visitor.start()
    visitor.tap_menu("Insurance and cost")
    assert visitor.page.locator("h1").inner_text() == "Insurance and cost"
    assert visitor.taps <= MAX_TAPS
    visitor.start()
    visitor.tap(visitor.page.get_by_role("main").get_by_role("link", name="Insurance and cost"))
    assert visitor.page.locator("h1").inner_text() == "Insurance and cost"
    assert visitor.taps == 1


@pytest.mark.parametrize(
    ("link", "target"), [("Session days and times", "#schedule"), ("What happens on your first day", "#first-day")]
)
def test_the_schedule_and_the_first_day_are_one_tap_from_the_home_page(visitor, link, target):
    visitor.start()
    visitor.tap(visitor.page.get_by_role("link", name=link))
    assert visitor.taps == 1
    assert visitor.sees(visitor.page.locator(target))
    if target == "#schedule":
        assert visitor.sees(visitor.page.locator("table").get_by_text("Morning group"))
    else:
        assert visitor.sees(visitor.page.get_by_text("You meet your counselor."))


def test_the_license_statement_is_on_the_home_page_itself_and_links_to_the_state_lookup(visitor):
    visitor.start()
    statement = visitor.page.get_by_role("link", name=STATEMENT, exact=True)
    statement.scroll_into_view_if_needed()
    assert visitor.sees(statement)
    assert statement.get_attribute("href") == "https://dhcs-lookup.example.org/facility?number=190001AP"
    assert visitor.taps == 0


def test_the_families_page_is_two_taps_away_and_its_form_is_set_for_a_loved_one(visitor):
    visitor.start()
    visitor.tap_menu("For families")
    assert visitor.page.locator("h1").inner_text() == "For families"
    assert visitor.taps <= MAX_TAPS
    visitor.tap(visitor.page.get_by_role("main").get_by_role("link", name="Send a message about a loved one"))
    assert visitor.page.get_by_role("radio", name="A loved one").is_checked()


def test_the_call_button_is_in_reach_in_the_middle_of_an_article(site_url, open_page):
    page = open_page(PHONE_WIDTH, PHONE_HEIGHT)
    page.goto(site_url + SEED_ARTICLE_URL)
    page.evaluate("window.scrollTo(0, document.body.scrollHeight / 2)")
    call = page.locator(".call-bar").get_by_role("link", name="Call")
    assert call.evaluate(IN_VIEW)
    assert call.get_attribute("href").startswith("tel:")
