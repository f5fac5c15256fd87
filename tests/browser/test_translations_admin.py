"""An administrator writes the Spanish of a text beside its English, and the Spanish pages show it."""

import pytest
from django.test import Client
from playwright.sync_api import expect

from center.models import SiteSettings
from tests.support import axe
from tests.support.browser import DESKTOP_WIDTH, PHONE_WIDTH
from tests.support.builders import make_staff, staff_login
from tests.support.seed import ROOT

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width", [DESKTOP_WIDTH, PHONE_WIDTH])
def test_the_spanish_note_on_the_hours_is_written_beside_the_english_and_shown_on_spanish_pages(
    site_url, open_page, width
):
    site = SiteSettings.load()
    site.hours_note = "Closed on public holidays."
    site.save()
    lead = Client()
    staff_login(lead, make_staff("lead", superuser=True))
    page = open_page(width)
    page.context.add_cookies([{"name": "sessionid", "value": lead.cookies["sessionid"].value, "url": site_url}])
    page.goto(f"{site_url}/admin/center/sitesettings/1/change/")

    english = page.get_by_label("Note on the hours (English)")
    spanish = page.get_by_label("Note on the hours (Spanish)")
    expect(english).to_have_value("Closed on public holidays.")
    if width == DESKTOP_WIDTH:
        english_box, spanish_box = english.bounding_box(), spanish.bounding_box()
        assert spanish_box["x"] > english_box["x"] + english_box["width"], "side by side"
        assert abs(spanish_box["y"] - english_box["y"]) < 40
    violations = axe.violations(page, within="#content")
    assert violations == [], f"{page.url}\n{axe.readable(violations)}"
    page.screenshot(path=ROOT / "docs" / "screenshots" / f"admin-site-settings-{width}.png", full_page=False)

    spanish.fill("Cerrado los días festivos.")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    page.goto(f"{site_url}/es/")
    expect(page.locator("footer")).to_contain_text("Cerrado los días festivos.")
    expect(page.locator("footer")).not_to_contain_text("Closed on public holidays.")
