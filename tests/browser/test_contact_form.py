"""A person reaches out from a phone: the form is filled and sent, staff are emailed, and the keyboard suffices."""

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django_otp.oath import totp
from playwright.sync_api import expect

from contact import spam
from contact.models import Inquiry
from tests.support import axe
from tests.support.browser import DESKTOP_WIDTH, PHONE_WIDTH
from tests.support.builders import make_staff, restore_admissions_group, staff_login
from tests.support.inquiries import fill_the_form
from tests.support.seed import SEED_ARTICLE_SLUG
from tests.support.smtp import smtp_mailers, smtp_server

pytestmark = pytest.mark.browser

THANKS_HEADING = "Thank you — your message reached us"


@pytest.fixture
def contact_settings(settings, monkeypatch):
    """Send the staff email right after the inquiry is saved; the time-trap is tested in tests/contact/."""
    monkeypatch.setattr(spam, "TIME_TRAP_MIN_SECONDS", 0)
    settings.CONTACT_NOTIFY_ON_SUBMIT = True
    settings.CONTACT_NOTIFY_EMAILS = ["admissions@example.org"]
    settings.SITE_URL = ""
    return settings


@pytest.fixture
def inbox(contact_settings):
    with smtp_server() as (port, inbox):
        contact_settings.MAILERS = smtp_mailers(port)
        yield inbox


def test_from_an_article_on_a_phone_a_visitor_sends_the_form_and_staff_are_told(site_url, open_page, inbox, db):
    page = open_page(PHONE_WIDTH)
    page.goto(f"{site_url}/articles/{SEED_ARTICLE_SLUG}/")
    page.locator(".header-menu summary").click()  # on a phone the main menu is behind the header's Menu button
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Contact").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Contact us")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE_WIDTH, "no sideways scrolling"

    fill_the_form(page)
    page.get_by_role("button", name="Send my message").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(THANKS_HEADING)
    inquiry = Inquiry.objects.get()
    assert (inquiry.name, inquiry.phone, inquiry.preferred_contact) == ("Robin Alder", "(916) 555-0148", "text")
    assert inquiry.source_page == f"/articles/{SEED_ARTICLE_SLUG}/"
    assert inquiry.status == Inquiry.Status.NEW

    # The staff email went through a real SMTP server, and says nothing about Robin.
    [(recipients, message)] = inbox.messages
    assert recipients == ["admissions@example.org"]
    assert message["Subject"] == f"New inquiry #{inquiry.pk}"
    text = message.as_string()
    # Whole numbers, not fragments: the live server's port or a Message-ID may hold "555" by chance.
    for detail in ("Robin", "Alder", "robin.alder", "555-0148", "5550148", "brother"):
        assert detail not in text
    admin_link = f"{site_url}/admin/contact/inquiry/{inquiry.pk}/change/"
    assert admin_link in message.get_content()
    inquiry.refresh_from_db()
    assert inquiry.notified_at is not None

    # Admissions staff follow the link from the email and find the inquiry.
    restore_admissions_group()
    device = staff_login(Client(), make_staff("casey-admissions", group="Admissions"))  # enrolled in 2FA
    staff = open_page(DESKTOP_WIDTH)
    staff.goto(admin_link)
    staff.get_by_label("Username").fill("casey-admissions")
    staff.get_by_label("Password").fill("a-long-test-password")
    staff.get_by_role("button", name="Log in").click()
    staff.get_by_label("One-time code").fill(f"{totp(device.bin_key):06d}")
    staff.get_by_role("button", name="Sign in").click()
    expect(staff.get_by_role("heading", level=2, name=f"Inquiry #{inquiry.pk}")).to_be_visible()
    expect(staff.get_by_text("Asking for my brother.")).to_be_visible()
    assert User.objects.get(username="casey-admissions").auditevent_set.filter(action="viewed").exists()


def tab_to(page, selector, limit=60):
    """Press Tab until the element matching ``selector`` has focus; fail if it never does."""
    for _ in range(limit):
        if page.evaluate(f"document.activeElement.matches({selector!r})"):
            return
        page.keyboard.press("Tab")
    pytest.fail(f"Tab never reached {selector}")


def test_the_form_can_be_sent_with_the_keyboard_alone(site_url, open_page, contact_settings):
    page = open_page(PHONE_WIDTH)
    page.goto(site_url + "/contact/")
    tab_to(page, "#id_name")
    page.keyboard.type("Robin Alder")
    page.keyboard.press("Tab")
    page.keyboard.type("robin.alder@example.com")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")  # leave the phone empty
    expect(page.locator("#id_preferred_contact_0")).to_be_focused()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")  # arrow keys move through a radio group: Phone → Text → Email
    expect(page.locator("#id_preferred_contact_2")).to_be_checked()
    tab_to(page, "[name=inquiry_for]")
    page.keyboard.press("Space")
    tab_to(page, "#id_consent")
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Send my message")).to_be_focused()  # the honeypot is skipped
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(THANKS_HEADING)
    inquiry = Inquiry.objects.get()
    assert (inquiry.email, inquiry.preferred_contact, inquiry.inquiry_for) == (
        "robin.alder@example.com",
        "email",
        "myself",
    )


def test_errors_take_focus_and_each_one_leads_to_its_field(site_url, open_page, contact_settings):
    page = open_page(PHONE_WIDTH)
    page.goto(site_url + "/contact/")
    tab_to(page, ".contact-form button[type=submit]")
    page.keyboard.press("Enter")
    summary = page.locator("#error-summary")
    expect(summary).to_be_focused()
    expect(summary.get_by_role("link")).to_have_count(5)
    page.keyboard.press("Tab")
    expect(summary.get_by_role("link", name="Please tell us your name, or a first name.")).to_be_focused()
    page.keyboard.press("Enter")
    name = page.get_by_label("Your name")
    expect(name).to_be_focused()
    expect(name).to_have_attribute("aria-invalid", "true")
    expect(name).to_have_accessible_description("A first name is fine. Please tell us your name, or a first name.")


@pytest.mark.parametrize("width", [PHONE_WIDTH, DESKTOP_WIDTH], ids=["phone", "desktop"])
def test_axe_finds_no_violations_on_the_form_with_errors_or_the_thank_you_page(
    site_url, open_page, contact_settings, width
):
    page = open_page(width)
    page.goto(site_url + "/contact/")
    assert (violations := axe.violations(page)) == [], axe.readable(violations)
    page.get_by_label("Email address").fill("not-an-email")
    page.get_by_role("button", name="Send my message").click()
    expect(page.locator("#error-summary")).to_be_focused()
    assert (violations := axe.violations(page)) == [], axe.readable(violations)
    fill_the_form(page)
    page.get_by_role("button", name="Send my message").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(THANKS_HEADING)
    assert (violations := axe.violations(page)) == [], axe.readable(violations)


def test_axe_finds_no_violations_on_the_too_many_messages_page(site_url, open_page, contact_settings):
    contact_settings.CONTACT_RATE_LIMIT = 0
    page = open_page(PHONE_WIDTH)
    page.goto(site_url + "/contact/")
    fill_the_form(page)
    page.get_by_role("button", name="Send my message").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("We’ve received several messages from you")
    assert (violations := axe.violations(page)) == [], axe.readable(violations)


def test_a_form_sent_twice_says_so_and_can_be_sent_again(site_url, open_page, contact_settings):
    page = open_page(PHONE_WIDTH)
    page.goto(site_url + "/contact/")
    fill_the_form(page)
    # The same page sent a moment earlier, as a double click or a flaky connection's retry would.
    page.evaluate(
        """async () => {
            const form = document.querySelector("form.contact-form");
            await fetch(form.action, {method: "POST", body: new URLSearchParams(new FormData(form))});
        }"""
    )
    page.get_by_role("button", name="Send my message").click()
    summary = page.locator("#error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("This form was already sent")
    assert (violations := axe.violations(page)) == [], axe.readable(violations)
    assert Inquiry.objects.count() == 1
    page.get_by_role("button", name="Send my message").click()  # everything is still filled in
    expect(page.get_by_role("heading", level=1)).to_have_text(THANKS_HEADING)
    assert Inquiry.objects.count() == 2


def test_the_insurance_details_appear_when_the_insurance_check_is_ticked(site_url, open_page, contact_settings):
    page = open_page(PHONE_WIDTH)
    page.goto(site_url + "/contact/")
    details = page.locator("#insurance-details")
    expect(details).to_be_hidden()
    page.get_by_label("I’d like my insurance checked").check()
    expect(details).to_be_visible()
    expect(page.get_by_label("Member ID")).to_be_editable()
    page.get_by_label("I’d like my insurance checked").uncheck()
    expect(details).to_be_hidden()
