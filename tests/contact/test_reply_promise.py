"""The promise before and after sending: how the visitor asked to be reached, and by when admissions replies."""

import datetime
import zoneinfo

import time_machine

from center.models import SiteSettings, Weekday
from tests.support.htmlpage import parse_html
from tests.support.inquiries import form_data

FRIDAY_EVENING = datetime.datetime(2026, 12, 4, 21, 15, tzinfo=zoneinfo.ZoneInfo("America/Los_Angeles"))


def open_weekdays(target_hours=2):
    site = SiteSettings.load()
    site.response_target_hours = target_hours
    site.save()
    site.opening_hours.create(first_day=Weekday.MONDAY, last_day=Weekday.FRIDAY, opens="08:00", closes="18:00")


def test_a_friday_evening_message_is_promised_a_reply_by_monday_morning(client, db):
    open_weekdays()
    with time_machine.travel(FRIDAY_EVENING, tick=False):
        before = parse_html(client.get("/contact/").content).text
        assert "Send a message now and our admissions team will reply by 10 a.m. Monday." in before
        response = client.post("/contact/", form_data(preferred_contact="phone", best_time="evening"), follow=True)
    after = parse_html(response.content).text
    assert response.redirect_chain[-1][0] == "/contact/thanks/"
    assert "Our admissions team will reply by 10 a.m. Monday." in after
    assert "We’ll call you, in the evening, and we won’t leave a voicemail." in after
    assert "call or text 988" in after


def test_the_thank_you_page_repeats_a_text_message_choice_without_a_voicemail_note(client, db):
    open_weekdays()
    response = client.post("/contact/", form_data(preferred_contact="text", best_time="any"), follow=True)
    text = parse_html(response.content).text
    assert "We’ll send you a text message." in text
    assert "voicemail" not in text


def test_without_a_response_target_no_time_is_promised(client, db):
    open_weekdays(target_hours=None)
    assert "will reply by" not in parse_html(client.get("/contact/").content).text
    response = client.post("/contact/", form_data(), follow=True)
    assert "will reply by" not in parse_html(response.content).text


def test_the_thank_you_page_opened_directly_promises_nothing_it_cannot_know(client, db):
    open_weekdays()
    text = parse_html(client.get("/contact/thanks/").content).text
    assert "Someone from our admissions team will contact you in the way you asked." in text
    assert "will reply by" not in text


def test_a_tampered_choices_cookie_is_ignored_not_an_error(client, db):
    open_weekdays()
    client.post("/contact/", form_data())
    client.cookies["contact_sent"] = client.cookies["contact_sent"].value.replace("phone", "email")
    response = client.get("/contact/thanks/")
    assert response.status_code == 200
    assert (
        "Someone from our admissions team will contact you in the way you asked." in parse_html(response.content).text
    )


def test_the_choices_reach_the_thank_you_page_alone_so_other_pages_stay_shared(client, db):
    client.post("/contact/", form_data())
    assert client.cookies["contact_sent"]["path"] == "/contact/thanks/"
    assert "sessionid" not in client.cookies, "no session follows the visitor round the site"


def test_the_thank_you_page_forgets_the_choices_once_it_has_shown_them(client, db):
    """The browser keeps nothing of the message longer than it takes to thank the visitor (a shared computer)."""
    open_weekdays()
    response = client.post("/contact/", form_data(preferred_contact="text", best_time="any"), follow=True)
    assert "We’ll send you a text message." in parse_html(response.content).text
    removed = response.cookies["contact_sent"]
    assert (removed.value, removed["max-age"], removed["path"]) == ("", 0, "/contact/thanks/")
    again = parse_html(client.get("/contact/thanks/").content).text
    assert "text message" not in again
    assert "Someone from our admissions team will contact you in the way you asked." in again
