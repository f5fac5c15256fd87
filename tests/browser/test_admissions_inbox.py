"""Admissions staff work from the admin's home page and the inbox at a desk (1280 px, sidebar open) and on a phone."""

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
    """A tab signed in as an admissions member, with a Friday-night inquiry now overdue and a fresh one."""
    restore_admissions_group()
    member = make_staff("casey-admissions", group="Admissions")
    site = SiteSettings.load()
    site.response_target_hours = 2
    site.save()
    site.opening_hours.create(first_day=Weekday.MONDAY, last_day=Weekday.FRIDAY, opens="08:00", closes="18:00")
    make_inquiry(created_at=timezone.now() - datetime.timedelta(days=4), assigned_to=member)
    make_inquiry(name="Sam Reyes", inquiry_for="loved_one", preferred_contact="text", best_time="evening")
    make_inquiry(status="review", spam_reason="sent 1.2 s after the form was shown")
    client = Client()
    staff_login(client, member)
    page = open_page(width)
    page.context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": site_url}])
    return page


def assert_accessible(page):
    violations = axe.violations(page)
    assert violations == [], f"{page.url}\n{axe.readable(violations)}"


@pytest.mark.parametrize("width", [DESKTOP_WIDTH, PHONE_WIDTH])
def test_the_home_page_leads_to_the_overdue_inquiries_and_the_inbox_reads_at_any_width(site_url, open_page, width):
    page = signed_in_page(open_page, site_url, width)
    page.goto(f"{site_url}/admin/")
    expect(page.get_by_role("heading", level=2, name="Inquiries waiting")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="1 overdue").click()
    rows = page.locator("#result_list tbody tr")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("Overdue")
    assert_accessible(page)
    page.goto(f"{site_url}/admin/contact/inquiry/")
    expect(rows).to_have_count(3)
    assert_accessible(page)
    if width == DESKTOP_WIDTH:
        first = rows.first.bounding_box()
        assert first["y"] + first["height"] <= 900, "the first inquiry is in the first screen, below the filters"
    page.get_by_text("By language").click()  # a filter opens over the list
    assert_accessible(page)
    # Every column fits beside the sidebar at a desk; on a phone the rows are read one under the other.
    table, results = page.locator("#result_list").bounding_box(), page.locator("#changelist .results").bounding_box()
    assert table["width"] <= results["width"] + 1, "no column scrolls out of sight"


@pytest.mark.parametrize("width", [DESKTOP_WIDTH, PHONE_WIDTH])
def test_an_inquiry_page_with_notes_and_insurance_details_reads_at_any_width(site_url, open_page, width):
    page = signed_in_page(open_page, site_url, width)
    inquiry = make_inquiry(name="Robin Alder", insurance_check=True, insurance_payer="Quokka Health")
    inquiry.notes.create(text="Left a message at 9 a.m.")
    page.goto(f"{site_url}/admin/contact/inquiry/{inquiry.pk}/change/")
    call = page.get_by_role("link", name="Call (916) 555-0142")
    box = call.bounding_box()
    assert box["y"] + box["height"] <= 844, "tap to call in the first screen, even of a phone's (390 × 844)"
    expect(page.get_by_role("button", name="I’m taking this")).to_be_visible()
    expect(page.get_by_text("Left a message at 9 a.m.")).to_be_visible()
    expect(call).to_have_attribute("href", "tel:+19165550142")
    assert_accessible(page)
    width_of_page = page.evaluate("document.documentElement.scrollWidth")
    assert width_of_page <= width + 1, "nothing on the page needs sideways scrolling"
