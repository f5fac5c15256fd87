"""An editor, in a real browser, changes an article twice, compares the two versions, restores the first, and a
visitor sees and finds the restored text on the next request; the Spanish translation is then behind its original.

The history, compare and change pages are checked with axe at both widths, and photographed for docs/screenshots/.
"""

import re
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from pages.models import Article
from tests.support import axe
from tests.support.browser import DESKTOP_WIDTH, PHONE_WIDTH
from tests.support.builders import make_editor, make_team_member

pytestmark = pytest.mark.browser

SLUG = "balancing-work-and-recovery-with-an-intensive-outpatient-program"
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


@pytest.fixture
def editor(site_url):
    """An editor as staff set one up (the live server's database was emptied, so the group is made again)."""
    # Rows a migration made are gone; migrating back to remake them would also undo the seed's translations.
    editors, _ = Group.objects.get_or_create(name="Editors")
    editors.permissions.set(Permission.objects.filter(content_type__app_label="pages"))
    reviewer = make_team_member(name="Dana Cole", slug="dana-cole", credentials="LCSW")
    Article.objects.filter(language="en").update(reviewer=reviewer, last_reviewed_at=timezone.localdate())
    user = make_editor("maria")
    user.first_name, user.last_name = "María", "López"
    user.save()
    TOTPDevice.objects.create(user=user, name="Editor's phone", confirmed=True)
    return user


def sign_in(page, user):
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill("a-long-test-password-1")
    page.get_by_role("button", name="Log in").click()
    page.get_by_label("One-time code").fill(f"{totp(TOTPDevice.objects.get(user=user).bin_key):06d}")
    page.get_by_role("button", name="Sign in").click()


def change_body(page, change):
    body = page.get_by_label("Body:", exact=True)
    body.fill(change(body.input_value()))
    page.get_by_role("button", name="Save and continue editing").click()
    expect(page.locator(".messagelist")).to_contain_text("successfully")


def check_and_photograph(page, name):
    """axe at 1280 and 390 px, and a screenshot at each width into docs/screenshots/."""
    for width in (DESKTOP_WIDTH, PHONE_WIDTH):
        page.set_viewport_size({"width": width, "height": 900})
        violations = axe.violations(page)
        assert violations == [], f"{name} at {width} px: {axe.readable(violations)}"
        page.screenshot(path=SCREENSHOTS / f"{name}-{width}.png", full_page=True)
    page.set_viewport_size({"width": DESKTOP_WIDTH, "height": 900})


def test_an_editor_compares_two_changes_restores_the_first_and_visitors_see_it(site_url, open_page, editor):
    article = Article.objects.get(language="en", slug=SLUG)
    page, visitor = open_page(DESKTOP_WIDTH), open_page(PHONE_WIDTH)
    page.goto(f"{site_url}/admin/pages/article/{article.pk}/change/")
    sign_in(page, editor)

    change_body(page, lambda body: body + "\n\nMany people here mention the marigold garden.\n")
    change_body(page, lambda body: body.replace("marigold garden", "sunflower courtyard"))
    check_and_photograph(page, "admin-article-change")

    page.get_by_role("link", name="History").click()
    rows = page.locator(".revision-table tbody tr")
    for row in range(2):
        expect(rows.nth(row).locator("td").first).to_have_text("María López")
    check_and_photograph(page, "admin-history")

    page.get_by_role("button", name="Compare the chosen versions").click()
    expect(page.locator("del", has_text="marigold")).to_be_visible()
    expect(page.locator("ins", has_text="sunflower")).to_be_visible()
    check_and_photograph(page, "admin-history-compare")

    page.get_by_role("link", name=re.compile("^Restore the version of")).click()
    expect(page.locator("del", has_text="sunflower")).to_be_visible()  # what restoring takes away
    check_and_photograph(page, "admin-history-restore")
    page.get_by_role("button", name="Restore this version").click()
    expect(page.locator(".messagelist")).to_contain_text("Restored the version of")

    visitor.goto(site_url + article.get_absolute_url())
    expect(visitor.get_by_text("Many people here mention the marigold garden.")).to_be_visible()
    expect(visitor.get_by_text("sunflower courtyard")).to_have_count(0)
    visitor.goto(f"{site_url}/search/?q=marigold")
    expect(visitor.get_by_role("link", name=article.title)).to_be_visible()

    page.get_by_role("link", name="History").click()
    expect(rows.first.locator("td").first).to_have_text("María López")
    expect(rows.first.locator("td").nth(1)).to_contain_text("Restored the version of")

    page.goto(site_url + "/admin/")
    behind = page.get_by_role("link", name=re.compile("is behind its original"))
    expect(behind).to_be_visible()
    behind.click()
    expect(page.locator("ins", has_text="marigold")).to_be_visible()
