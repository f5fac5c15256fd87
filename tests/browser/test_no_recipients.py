"""The first superuser of a site just installed signs in, reads in red that no one is told about inquiries, and
takes the new-inquiry email in one click; the page passes axe at both widths."""

import pytest
from django.test import Client
from django_otp.oath import totp
from playwright.sync_api import expect

from contact.notifications import notification_recipients
from tests.support import axe
from tests.support.browser import DESKTOP_WIDTH, PHONE_WIDTH
from tests.support.builders import make_staff, staff_login

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width", [DESKTOP_WIDTH, PHONE_WIDTH])
def test_the_first_superuser_is_told_in_red_and_takes_the_inquiry_email(site_url, open_page, settings, width):
    settings.CONTACT_NOTIFY_EMAILS = []
    owner = make_staff("owner", superuser=True)
    owner.email = "owner@restoration-test.org"
    owner.save()
    device = staff_login(Client(), owner)
    page = open_page(width)
    page.goto(f"{site_url}/admin/")
    page.get_by_label("Username").fill("owner")
    page.get_by_label("Password").fill("a-long-test-password")
    page.get_by_role("button", name="Log in").click()
    page.get_by_label("One-time code").fill(f"{totp(device.bin_key):06d}")
    page.get_by_role("button", name="Sign in").click()

    warning = page.get_by_role("region", name="No one is told about new inquiries")
    expect(warning).to_be_visible()
    heading_colour = warning.get_by_role("heading").evaluate("h => getComputedStyle(h).color")
    assert heading_colour == "rgb(186, 33, 33)", "the admin's error red"
    violations = axe.violations(page)
    assert violations == [], f"{page.url}\n{axe.readable(violations)}"

    button = warning.get_by_role("button", name="Email new inquiries to me (owner@restoration-test.org)")
    assert button.bounding_box()["height"] >= 44
    button.click()
    expect(page.get_by_text("New inquiries are now emailed to owner@restoration-test.org.")).to_be_visible()
    expect(page.get_by_role("region", name="No one is told about new inquiries")).to_have_count(0)
    assert notification_recipients() == ["owner@restoration-test.org"]
