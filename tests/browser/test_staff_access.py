"""A new admissions staff member signs in as they would on their laptop: password, 2FA enrolment, inquiries,
and an idle sign-out; five wrong passwords lock the account and a superuser sees the lock in the audit view."""

import base64
import re
import time

import pytest
from django.test import Client
from django_otp.oath import totp
from playwright.sync_api import expect

from contact.models import Inquiry
from staff.middleware import StaffSessionTimeoutMiddleware
from staff.models import AuditEvent
from tests.support import axe
from tests.support.browser import DESKTOP_WIDTH, PHONE_WIDTH
from tests.support.builders import make_staff, restore_admissions_group, staff_login
from tests.support.inquiries import make_inquiry

pytestmark = pytest.mark.browser


def assert_accessible(page):
    violations = axe.violations(page)
    assert violations == [], f"{page.url}\n{axe.readable(violations)}"


PASSWORD = "a-long-test-password"  # make_staff's


def sign_in_with_password(page, username, password=PASSWORD):
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()


def test_a_new_admissions_member_enrols_sees_inquiries_and_is_signed_out_when_idle(site_url, open_page, monkeypatch):
    restore_admissions_group()
    make_staff("robin-admissions", group="Admissions")
    inquiry = make_inquiry()
    page = open_page(PHONE_WIDTH)
    page.goto(f"{site_url}/admin/contact/inquiry/")
    expect(page.get_by_label("Username")).to_be_visible()
    assert_accessible(page)
    sign_in_with_password(page, "robin-admissions")

    expect(page.get_by_role("heading", level=1, name="Set up two-factor sign-in")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Password").fill(PASSWORD)  # asked again before a setup key is shown
    page.get_by_role("button", name="Continue").click()
    expect(page.locator("#totp-secret")).to_be_visible()
    assert_accessible(page)
    # The test "scans" the QR code by reading the setup key shown beside it, as a person could type it.
    secret = page.locator("#totp-secret").inner_text().replace(" ", "")
    code_box = page.get_by_label("One-time code")
    assert code_box.get_attribute("autocomplete") == "one-time-code"
    code_box.fill("000000")
    page.get_by_role("button", name="Turn on two-factor sign-in").click()
    expect(page.get_by_role("alert")).to_contain_text("Please correct the error below")
    expect(page.get_by_text("That code didn’t match")).to_be_visible()
    assert_accessible(page)
    time.sleep(1.1)  # django-otp slows guessing: after a wrong code the next is checked only a second later
    page.get_by_label("One-time code").fill(f"{totp(base64.b32decode(secret)):06d}")
    page.get_by_role("button", name="Turn on two-factor sign-in").click()

    expect(page.get_by_role("heading", level=1, name="Save your backup codes")).to_be_visible()
    assert page.locator(".two-factor-backup-codes li").count() == 10
    assert_accessible(page)
    page.get_by_role("link", name="I’ve saved them — continue").click()

    expect(page.get_by_role("link", name=f"#{inquiry.pk}")).to_be_visible()
    page.get_by_role("link", name=f"#{inquiry.pk}").click()
    expect(page.get_by_text("Jordan Quill")).to_be_visible()

    # The live server runs in this process, so this applies at once.
    monkeypatch.setattr(StaffSessionTimeoutMiddleware, "IDLE_SECONDS", 1)
    time.sleep(2.1)
    page.reload()
    expect(page.get_by_text("You were signed out after a while without activity")).to_be_visible()
    expect(page.get_by_label("Username")).to_be_visible()
    assert Inquiry.objects.count() == 1
    assert AuditEvent.objects.filter(action="logout", username="robin-admissions", detail__startswith="idle").exists()


def test_a_returning_member_signs_in_with_a_code_from_their_app(site_url, open_page):
    restore_admissions_group()
    member = make_staff("casey-admissions", group="Admissions")
    device = staff_login(Client(), member)  # enrolled earlier
    page = open_page(DESKTOP_WIDTH)
    page.goto(f"{site_url}/admin/")
    sign_in_with_password(page, "casey-admissions")
    expect(page.get_by_role("heading", level=1, name="Enter your one-time code")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("One-time code").fill(f"{totp(device.bin_key):06d}")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("rowheader", name="Inquiries").get_by_role("link")).to_be_visible()


def test_a_right_code_sent_during_the_pause_after_a_wrong_one_gets_a_countdown_then_works(
    site_url, open_page, settings
):
    settings.OTP_TOTP_THROTTLE_FACTOR = 3  # a pause of 3 s after the first wrong code, long enough to watch
    restore_admissions_group()
    member = make_staff("casey-admissions", group="Admissions")
    device = staff_login(Client(), member)
    page = open_page(PHONE_WIDTH)
    page.goto(f"{site_url}/admin/")
    sign_in_with_password(page, "casey-admissions")
    page.get_by_label("One-time code").fill("000000")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_text("That code didn’t work")).to_be_visible()

    page.get_by_label("One-time code").fill(f"{totp(device.bin_key):06d}")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_text(re.compile(r"Wait [1-3] seconds? and try again"))).to_be_visible()
    expect(page.get_by_role("timer")).to_contain_text("You can try again in")
    assert_accessible(page)
    expect(page.get_by_role("status")).to_have_text("You can try again now.")
    page.get_by_label("One-time code").fill(f"{totp(device.bin_key):06d}")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("rowheader", name="Inquiries").get_by_role("link")).to_be_visible()


def test_five_wrong_passwords_lock_the_account_and_the_lock_shows_in_the_audit_view(site_url, open_page):
    restore_admissions_group()
    make_staff("casey-admissions", group="Admissions")
    page = open_page(DESKTOP_WIDTH)
    page.goto(f"{site_url}/admin/")
    for attempt in range(1, 6):
        sign_in_with_password(page, "casey-admissions", password=f"wrong-guess-{attempt}")
    expect(page.get_by_role("heading", level=1, name="Sign-in is paused for a while")).to_be_visible()
    expect(page.get_by_text("signing in to it from here is paused for 30 minutes")).to_be_visible()
    assert_accessible(page)

    # A superuser, already signed in elsewhere, reviews the trail.
    boss = Client()
    staff_login(boss, make_staff("root-admin", superuser=True))
    reviewer = open_page(DESKTOP_WIDTH)
    reviewer.context.add_cookies([{"name": "sessionid", "value": boss.cookies["sessionid"].value, "url": site_url}])
    reviewer.goto(f"{site_url}/admin/staff/auditevent/")
    reviewer.get_by_role("link", name="Locked out").click()
    rows = reviewer.locator("#result_list tbody tr")
    expect(rows.first).to_contain_text("casey-admissions")
    expect(rows.first).to_contain_text("Locked out")


def test_staff_find_inquiries_by_email_and_no_address_the_browser_requests_holds_it(site_url, open_page):
    restore_admissions_group()
    member = make_staff("casey-admissions", group="Admissions")
    wanted = make_inquiry()
    make_inquiry(name="Alex Other", email="alex@example.com", phone="(530) 555-0199")
    signed_in = Client()
    staff_login(signed_in, member)
    page = open_page(DESKTOP_WIDTH)
    page.context.add_cookies([{"name": "sessionid", "value": signed_in.cookies["sessionid"].value, "url": site_url}])
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{site_url}/admin/contact/inquiry/")
    page.get_by_role("textbox", name="Search").fill("Jordan.Quill@example.com")
    page.get_by_role("button", name="Search").click()
    expect(page.locator("#result_list tbody tr")).to_have_count(1)
    expect(page.get_by_role("link", name=f"#{wanted.pk}", exact=True)).to_be_visible()
    # The search box only: django.contrib.admin's filter links beside it are too close together (target-size).
    violations = axe.violations(page, within="#changelist-search")
    assert violations == [], axe.readable(violations)
    assert page.url.endswith(f"?q=%23{wanted.pk}")
    assert not [url for url in requested if "quill" in url.lower() or "%40" in url or "@" in url]
