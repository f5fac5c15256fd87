"""The footer with every center fact filled in, in a real browser: axe finds nothing, and its links are tappable."""

import pytest

from center.models import SiteSettings, Weekday
from tests.support import axe
from tests.support.browser import DESKTOP_WIDTH, PHONE_WIDTH
from tests.support.builders import make_accreditation, make_license

pytestmark = pytest.mark.browser

CERTIFIED = "Certified by the State Department of Health Care Services."


@pytest.fixture
def filled_footer(site_url):
    """Opening hours with a note, a certification and an accreditation in force (the seed has none of them)."""
    site = SiteSettings.load()
    site.hours_note = "Closed on public holidays."
    site.save()
    site.opening_hours.create(first_day=Weekday.MONDAY, last_day=Weekday.FRIDAY, opens="08:00", closes="18:00")
    site.opening_hours.create(first_day=Weekday.SATURDAY, last_day=Weekday.SATURDAY, opens="09:30", closes="13:00")
    make_license(number="EXAMPLE-190001")
    make_accreditation(scope="Behavioral Health Care and Human Services (example)")
    return site_url


@pytest.mark.parametrize("width", [PHONE_WIDTH, DESKTOP_WIDTH], ids=["phone", "desktop"])
def test_the_filled_footer_has_no_accessibility_violation_and_every_link_is_a_full_tap_target(
    filled_footer, open_page, width
):
    page = open_page(width)
    page.goto(filled_footer + "/about/")
    found = axe.violations(page, within="footer")
    assert found == [], axe.readable(found)
    statement = page.locator("footer").get_by_role("link", name=CERTIFIED)
    assert statement.get_attribute("rel") == "noopener noreferrer"
    short = [
        link.inner_text()
        for link in page.locator("footer li a, footer .footer-licensing a").all()
        if link.bounding_box()["height"] < 44
    ]
    assert short == []
