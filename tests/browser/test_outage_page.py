"""The database-outage page, in a real browser on a phone and a desktop: no WCAG problem, and the phone numbers work."""

import pytest

from center.models import SiteSettings
from tests.support import axe
from tests.support.browser import DESKTOP_WIDTH, PHONE_WIDTH
from tests.support.servers import server_with_a_movable_database

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with server_with_a_movable_database(tmp_path_factory.mktemp("outage")) as server:
        yield server


@pytest.mark.parametrize("width", [PHONE_WIDTH, DESKTOP_WIDTH], ids=["phone", "desktop"])
def test_the_outage_page_is_accessible_and_offers_the_phone_and_crisis_lines(server, open_page, width):
    page = open_page(width)
    assert page.goto(server.url + "/articles/").status == 200  # the app process now holds the site settings
    with server.database_unreachable():
        response = page.goto(server.url + "/articles/")
        assert response.status == 503
        assert page.get_by_role("heading", level=1).inner_text() == "Our website is having a short technical problem"
        assert page.locator("main").get_by_role("link", name=f"Call {SiteSettings().phone}").is_visible()
        assert page.locator('main a[href="tel:988"]').is_visible()
        violations = axe.violations(page)
    assert violations == [], axe.readable(violations)
