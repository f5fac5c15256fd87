"""The admin's home page starts with the work: inquiries new, overdue and to review, each a link to that list."""

import datetime
import zoneinfo

import pytest
import time_machine
from django.contrib.auth.models import Permission

from center.models import SiteSettings, Weekday
from tests.support.builders import make_staff, staff_login
from tests.support.htmlpage import parse_html
from tests.support.inquiries import LIST_URL, make_inquiry

pytestmark = pytest.mark.django_db

SACRAMENTO = zoneinfo.ZoneInfo("America/Los_Angeles")
FRIDAY_EVENING = datetime.datetime(2026, 12, 4, 21, 15, tzinfo=SACRAMENTO)
MONDAY_11 = datetime.datetime(2026, 12, 7, 11, 0, tzinfo=SACRAMENTO)


def promise_two_business_hours():
    site = SiteSettings.load()
    site.response_target_hours = 2
    site.save()
    site.opening_hours.create(first_day=Weekday.MONDAY, last_day=Weekday.FRIDAY, opens="08:00", closes="18:00")


def home(client):
    return parse_html(client.get("/admin/").content)


def pile_links(page):
    return {
        " ".join(a.text.split()): a.attrs["href"]
        for a in page.captured
        if a.tag == "a" and "?" in a.attrs.get("href", "")
    }


def test_admissions_staff_see_new_overdue_and_to_review_counts_linking_to_those_lists(client, admissions):
    promise_two_business_hours()
    make_inquiry(created_at=FRIDAY_EVENING)
    make_inquiry(created_at=MONDAY_11 - datetime.timedelta(minutes=5))
    make_inquiry(created_at=FRIDAY_EVENING, status="review")
    make_inquiry(status="contacted", first_contact_at=MONDAY_11)
    with time_machine.travel(MONDAY_11, tick=False):
        staff_login(client, admissions)
        page = home(client)
        links = pile_links(page)
        assert links["2 new"] == f"{LIST_URL}?status__exact=new"
        assert links["2 overdue"] == f"{LIST_URL}?reply=overdue"
        assert links["1 to review"] == f"{LIST_URL}?status__exact=review"
        assert "no first contact within 2 business hours" in page.text
        assert len(client.get(links["2 overdue"]).context["cl"].result_list) == 2
        assert links["Assigned to me"] == f"{LIST_URL}?assigned=me"
    text = page.text
    assert text.index("Inquiries waiting") < text.index("Before the site goes live"), "the work comes first"


def test_without_a_response_target_the_home_page_says_why_nothing_is_overdue(client, admissions):
    make_inquiry(created_at=FRIDAY_EVENING)
    staff_login(client, admissions)
    page = home(client)
    assert "0 overdue" in pile_links(page)
    assert "none can be: set the response target and opening hours in the site settings" in page.text


def test_the_admin_carries_the_centers_name_and_lists_inquiries_first(client, admissions, superuser):
    site = SiteSettings.load()
    site.name = "Harbor Light Recovery"
    site.save()
    staff_login(client, superuser)
    page = home(client)
    assert page.title == "Staff home | Harbor Light Recovery staff"
    assert "Harbor Light Recovery — staff" in page.text
    assert "Django administration" not in page.text
    sections = page.texts("caption")
    assert sections[0].startswith("Inquiries"), sections


def test_editors_see_no_inquiry_counts(client):
    editor = make_staff(
        "pat-editor",
        permissions=[("pages", p.codename) for p in Permission.objects.filter(content_type__app_label="pages")],
    )
    make_inquiry()
    staff_login(client, editor)
    page = home(client)
    assert "Inquiries waiting" not in page.text
    assert not any(href.startswith(LIST_URL) for _, _, href in page.urls())
