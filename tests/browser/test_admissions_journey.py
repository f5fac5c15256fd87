"""One inquiry from a Friday evening to Monday's call, tried in a real browser with the clock frozen: the promise
on the thank-you page, the admin home, the escalation email once the promise runs out, "I'm taking this", the
first contact stamped by the first status change, and the weekly report counting it."""

import datetime
import zoneinfo

import pytest
import time_machine
from django.test import Client
from playwright.sync_api import expect

from center.models import SiteSettings, Weekday
from contact import spam
from contact.models import Inquiry
from contact.notifications import send_escalations
from tests.support.browser import DESKTOP_WIDTH, PHONE_WIDTH
from tests.support.builders import make_staff, restore_admissions_group, staff_login
from tests.support.inquiries import fill_the_form
from tests.support.smtp import smtp_mailers, smtp_server

pytestmark = pytest.mark.browser

SACRAMENTO = zoneinfo.ZoneInfo("America/Los_Angeles")
FRIDAY_EVENING = datetime.datetime(2026, 12, 4, 21, 15, tzinfo=SACRAMENTO)
MONDAY_AFTER_TEN = datetime.datetime(2026, 12, 7, 10, 1, tzinfo=SACRAMENTO)


@pytest.fixture
def admissions_open_weekdays(settings, monkeypatch):
    """Opening hours Monday to Friday 8 a.m. to 6 p.m., a 2-hour reply time, and a coordinator with an email."""
    monkeypatch.setattr(spam, "TIME_TRAP_MIN_SECONDS", 0)  # the time-trap has tests of its own
    settings.SITE_URL = ""
    site = SiteSettings.load()
    site.response_target_hours = 2
    site.save()
    site.opening_hours.create(first_day=Weekday.MONDAY, last_day=Weekday.FRIDAY, opens="08:00", closes="18:00")
    restore_admissions_group()
    coordinator = make_staff("casey", group="Admissions")
    coordinator.email = "casey@restoration-test.org"
    coordinator.save()
    return coordinator


def signed_in(page, site_url, user):
    client = Client()
    staff_login(client, user)
    page.context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": site_url}])


def test_a_friday_evening_inquiry_is_promised_monday_escalated_once_taken_and_counted(
    site_url, open_page, admissions_open_weekdays, settings
):
    coordinator = admissions_open_weekdays
    visitor = open_page(PHONE_WIDTH)
    with smtp_server() as (port, smtp), time_machine.travel(FRIDAY_EVENING, tick=True) as clock:
        settings.MAILERS = smtp_mailers(port)
        visitor.goto(site_url + "/contact/")
        expect(visitor.get_by_text("our admissions team will reply by 10 a.m. Monday")).to_be_visible()
        fill_the_form(visitor)
        visitor.get_by_role("button", name="Send my message").click()
        # One promise, in the part of the day they chose: Monday's reply time falls in the morning, so the evening's.
        expect(visitor.locator(".reply-promise")).to_have_text("We’ll text you Monday evening, by 6 p.m.")
        assert "p.m.." not in visitor.locator("main").inner_text()
        expect(visitor.locator(".crisis-note")).to_contain_text("call or text 988")
        inquiry = Inquiry.objects.get()

        staff = open_page(DESKTOP_WIDTH)
        signed_in(staff, site_url, coordinator)
        staff.goto(site_url + "/admin/")
        expect(staff.get_by_role("link", name="1 new")).to_be_visible()

        clock.move_to(MONDAY_AFTER_TEN)
        assert send_escalations() == 1
        assert send_escalations() == 0, "once, not on every pass of the worker"
        [(recipients, email)] = smtp.messages
        assert recipients == ["casey@restoration-test.org"]
        body = email.get_content()
        assert f"/admin/contact/inquiry/{inquiry.pk}/change/" in body
        for personal in ("Robin", "Alder", "robin.alder", "555 0148", "5550148", "brother"):
            assert personal not in body and personal not in email["Subject"]

        signed_in(staff, site_url, coordinator)  # Friday's session ended after its idle limit
        staff.goto(f"{site_url}/admin/contact/inquiry/{inquiry.pk}/change/")
        staff.get_by_role("button", name="I’m taking this").click()
        expect(staff.get_by_text(f"Inquiry #{inquiry.pk} is yours now.")).to_be_visible()
        # The page's scripts (the admin's jsi18n) are still being served: this test shares SQLite's one in-memory
        # connection with the live server, so a query from here meanwhile made the server's fail ("API misuse").
        staff.wait_for_load_state()
        inquiry.refresh_from_db()
        assert inquiry.assigned_to == coordinator and inquiry.first_contact_at is None

        clock.move_to(MONDAY_AFTER_TEN + datetime.timedelta(minutes=14))
        staff.get_by_label("Status").select_option("contacted")
        staff.get_by_role("button", name="Save", exact=True).click()
        staff.wait_for_load_state()
        inquiry.refresh_from_db()
        assert inquiry.status == Inquiry.Status.CONTACTED
        assert abs(inquiry.first_contact_at - (MONDAY_AFTER_TEN + datetime.timedelta(minutes=14))) < datetime.timedelta(
            minutes=1
        )

        staff.goto(site_url + "/admin/reports/admissions/")
        week = staff.get_by_role("row", name="Nov 30")
        expect(week).to_contain_text("1")
        expect(week).to_contain_text("0 %")  # reached at 10:15 Monday: after the 10 a.m. promise
