"""The admissions coordinator opens the weekly report from the admin home, on a laptop and on a phone."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone
from playwright.sync_api import expect

from center.models import SiteSettings, Weekday
from tests.support import axe
from tests.support.browser import DESKTOP_WIDTH, PHONE_WIDTH
from tests.support.builders import make_staff, restore_admissions_group, staff_login
from tests.support.inquiries import make_inquiry

pytestmark = pytest.mark.browser


def signed_in_page(open_page, site_url, width):
    """A tab of an Admissions member, signed in with their second factor."""
    restore_admissions_group()
    member = Client()
    staff_login(member, make_staff("casey-admissions", group="Admissions"))
    page = open_page(width)
    page.context.add_cookies([{"name": "sessionid", "value": member.cookies["sessionid"].value, "url": site_url}])
    return page


@pytest.mark.parametrize("width", [DESKTOP_WIDTH, PHONE_WIDTH])
def test_the_report_opens_from_the_home_page_and_passes_axe(site_url, open_page, width):
    site = SiteSettings.load()
    site.response_target_hours = 2
    site.save()
    site.opening_hours.create(first_day=Weekday.MONDAY, last_day=Weekday.FRIDAY, opens="08:00", closes="18:00")
    now = timezone.now()
    for weeks_ago, waited in [(0, None), (1, 1), (1, 30), (2, 2), (4, 3), (4, None), (7, 1)]:
        received = now - datetime.timedelta(weeks=weeks_ago, hours=1)
        reached = received + datetime.timedelta(hours=waited) if waited else None
        make_inquiry(created_at=received, first_contact_at=reached, source_page=f"/articles/{weeks_ago % 3}/")
    page = signed_in_page(open_page, site_url, width)
    page.goto(f"{site_url}/admin/")
    page.get_by_role("link", name="Admissions report").click()
    expect(page.get_by_role("heading", level=1, name="Admissions report")).to_be_visible()
    expect(page.get_by_role("img", name="Inquiries received per week")).to_be_visible()
    expect(page.get_by_role("table", name="Waits for a first contact, per week")).to_be_visible()
    expect(page.get_by_role("row", name="All 12 weeks")).to_contain_text("7")
    violations = axe.violations(page)
    assert violations == [], f"{page.url}\n{axe.readable(violations)}"
