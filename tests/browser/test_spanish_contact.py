"""The Spanish form tried as a Spanish speaker would, on a phone: errors read out in Spanish, the thank-you page's
promise in Spanish, no accessibility violation on the way, and the inbox telling staff to call back in Spanish."""

import datetime
import zoneinfo

import pytest
import time_machine
from django.test import Client
from playwright.sync_api import expect

from center.models import SiteSettings, Weekday
from contact import spam
from tests.support import axe
from tests.support.browser import DESKTOP_WIDTH, PHONE_WIDTH
from tests.support.builders import make_staff, restore_admissions_group, staff_login

pytestmark = pytest.mark.browser

FRIDAY_EVENING = datetime.datetime(2026, 12, 4, 21, 15, tzinfo=zoneinfo.ZoneInfo("America/Los_Angeles"))


@pytest.fixture
def admissions_open_weekdays(monkeypatch):
    monkeypatch.setattr(spam, "TIME_TRAP_MIN_SECONDS", 0)  # the time-trap has tests of its own
    site = SiteSettings.load()
    site.response_target_hours = 2
    site.save()
    site.opening_hours.create(first_day=Weekday.MONDAY, last_day=Weekday.FRIDAY, opens="08:00", closes="18:00")


def assert_no_violations(page):
    found = axe.violations(page)
    assert not found, axe.readable(found)


def test_a_spanish_speaker_sends_the_form_on_a_phone_and_the_inbox_says_spanish(
    site_url, open_page, admissions_open_weekdays
):
    visitor = open_page(PHONE_WIDTH)
    with time_machine.travel(FRIDAY_EVENING, tick=True):
        visitor.goto(site_url + "/es/contact/")
        expect(visitor.locator("html")).to_have_attribute("lang", "es")
        expect(visitor.get_by_text("le responderá el lunes, a más tardar a las 10 a.m.")).to_be_visible()
        assert_no_violations(visitor)

        visitor.get_by_role("button", name="Enviar mi mensaje").click()
        summary = visitor.locator("[data-error-summary]")
        expect(summary).to_be_focused()
        expect(summary).to_contain_text("Díganos su nombre, o solo su primer nombre.")
        assert_no_violations(visitor)

        visitor.get_by_label("Su nombre").fill("Ana Ruiz")
        visitor.get_by_label("Número de teléfono").fill("916 555 0148")
        visitor.get_by_label("Llamada telefónica").check()
        visitor.get_by_label("Por la noche").check()
        visitor.get_by_label("Para un ser querido").check()
        visitor.get_by_label("Acepto que el equipo de admisiones").check()
        visitor.get_by_role("button", name="Enviar mi mensaje").click()

        expect(visitor.get_by_role("heading", level=1)).to_have_text("Gracias: su mensaje nos llegó")
        expect(visitor.locator(".reply-promise")).to_have_text(
            "Le haremos una llamada en español el lunes por la noche, a más tardar a las 6 p.m. "
            "No le dejaremos un mensaje de voz."
        )
        assert_no_violations(visitor)

    client = Client()
    restore_admissions_group()  # the live server's database is emptied between tests, groups and all
    staff_login(client, make_staff("casey", group="Admissions"))
    staff = open_page(DESKTOP_WIDTH)
    staff.context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": site_url}])
    staff.goto(site_url + "/admin/contact/inquiry/")
    expect(staff.locator("td.field-reply_language")).to_have_text(["Spanish"])
    staff.get_by_text("By language").click()
    staff.get_by_role("link", name="Prefers Spanish").click()
    expect(staff.locator("td.field-name")).to_have_text(["Ana Ruiz"])
