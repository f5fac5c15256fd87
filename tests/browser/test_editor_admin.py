"""An editor, in a real browser, at 1280 and 390 px: the admin home asks only what they may change, publishing
without a medical reviewer asks first, the checks warn without blocking, the schedule takes "6:00 PM", a wrong time
is named at the top with a link to its field, and the article list fits the screen; axe finds nothing on any page."""

import re

import pytest
from django.test import Client
from django_otp.oath import totp
from playwright.sync_api import expect

from pages.models import Article, Program
from tests.support import axe
from tests.support.browser import DESKTOP_WIDTH, PHONE_WIDTH
from tests.support.builders import make_editor, staff_login

pytestmark = pytest.mark.browser

BODY = (
    "## Evenings\n\nYou can call us any time.\n\n#### Groups\n\nAn intensive outpatient program combines individual "
    "counseling and group therapy. Participants can keep working while they receive structured clinical support.\n\n"
    "To ask us, [click here](/contact/).\n"
)


def assert_no_violations(page):
    violations = axe.violations(page)
    assert violations == [], f"{page.url}\n{axe.readable(violations)}"


def sign_in_as_editor(page, site_url):
    device = staff_login(Client(), make_editor("pat.editor"))
    page.goto(f"{site_url}/admin/")
    page.get_by_label("Username").fill("pat.editor")
    page.get_by_label("Password").fill("a-long-test-password-1")
    page.get_by_role("button", name="Log in").click()
    page.get_by_label("One-time code").fill(f"{totp(device.bin_key):06d}")
    page.get_by_role("button", name="Sign in").click()


@pytest.mark.parametrize("width", [DESKTOP_WIDTH, PHONE_WIDTH])
def test_an_editor_is_asked_only_what_they_may_change_and_warned_without_being_blocked(site_url, open_page, width):
    page = open_page(width)
    sign_in_as_editor(page, site_url)
    readiness = page.get_by_role("region", name=re.compile("Before the site goes live"))
    expect(readiness).to_contain_text("ask an administrator")
    expect(readiness).not_to_contain_text("Site settings:")
    assert_no_violations(page)

    # Publishing the seed article, which has no medical reviewer, asks first and names what is missing.
    article = Article.objects.get(language="en")
    page.goto(f"{site_url}/admin/pages/article/{article.pk}/change/")
    page.get_by_label("Body:", exact=True).fill(BODY)
    page.get_by_role("button", name="Save", exact=True).click()
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("would be published without a medical reviewer")
    assert_no_violations(page)
    summary.get_by_role("link", name="Publish without a medical review").click()
    expect(page.get_by_label("Publish without a medical review")).to_be_focused()
    page.get_by_label("Publish without a medical review").check()
    page.get_by_role("button", name="Save", exact=True).click()

    # Saved, with a warning for the skipped heading, the vague link and the hard paragraph.
    messages = page.locator(".messagelist")
    expect(messages).to_contain_text("was changed successfully")
    expect(messages.locator(".warning")).to_have_count(3)
    assert Article.objects.get(pk=article.pk).body.startswith("## Evenings")
    assert_no_violations(page)
    if width == DESKTOP_WIDTH:
        # The list fits the screen, every column in sight, and no title wraps over more than three lines.
        assert page.evaluate("document.documentElement.scrollWidth") <= DESKTOP_WIDTH
        preview = page.locator("#result_list td.field-preview_link").first.bounding_box()
        assert preview["x"] + preview["width"] <= DESKTOP_WIDTH
        lines = page.locator("#result_list th.field-title a").evaluate_all(
            "links => links.map(a => a.getClientRects().length)"
        )
        assert max(lines) <= 3, lines


@pytest.mark.parametrize("width", [DESKTOP_WIDTH, PHONE_WIDTH])
def test_the_schedule_takes_6_pm_as_people_write_it_and_names_a_wrong_time_at_the_top(site_url, open_page, width):
    page = open_page(width)
    sign_in_as_editor(page, site_url)
    program = Program.objects.get(language="en", slug=Program.MAIN_SLUG)
    page.goto(f"{site_url}/admin/pages/program/{program.pk}/change/")
    page.locator("#id_sessions-0-name_en").fill("Evening group")
    page.locator("#id_sessions-0-first_day").select_option(label="Monday")
    page.locator("#id_sessions-0-opens").fill("6:00 PM")
    page.locator("#id_sessions-0-closes").fill("half past nine")
    page.get_by_role("button", name="Save", exact=True).click()

    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Weekly schedule, row 1, until: Enter a time of day")
    assert_no_violations(page)
    summary.get_by_role("link", name="Weekly schedule, row 1, until").click()
    expect(page.locator("#id_sessions-0-closes")).to_be_focused()
    page.locator("#id_sessions-0-closes").fill("9 pm")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    [session] = program.sessions.all()
    assert (session.days_label, session.times_label) == ("Monday", "6 p.m.–9 p.m.")
