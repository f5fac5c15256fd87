"""The promise before and after sending: how the visitor asked to be reached, and by when admissions replies."""

import datetime
import zoneinfo

import time_machine

from center.models import SiteSettings, Weekday
from tests.support.htmlpage import normalise_space, parse_html
from tests.support.inquiries import form_data

FRIDAY_EVENING = datetime.datetime(2026, 12, 4, 21, 15, tzinfo=zoneinfo.ZoneInfo("America/Los_Angeles"))


def open_weekdays(target_hours=2, closes="18:00"):
    site = SiteSettings.load()
    site.response_target_hours = target_hours
    site.save()
    site.opening_hours.create(first_day=Weekday.MONDAY, last_day=Weekday.FRIDAY, opens="08:00", closes=closes)


def promise_on(response):
    """The thank-you page's promise: every sentence of it."""
    page = parse_html(response.content)
    return [normalise_space(el.text) for el in page.captured if "reply-promise" in el.attrs.get("class", "")]


def test_a_friday_night_text_for_the_evening_is_promised_one_time_consistent_with_both(client, db):
    open_weekdays()
    with time_machine.travel(FRIDAY_EVENING, tick=False):
        before = parse_html(client.get("/contact/").content).text
        response = client.post("/contact/", form_data(preferred_contact="text", best_time="evening"), follow=True)
    assert "our admissions team will reply by 10 a.m. Monday, or, if you choose a time of day below" in before
    assert "Evening (after 5 p.m.)" in before
    after = parse_html(response.content)
    assert response.redirect_chain[-1][0] == "/contact/thanks/"
    assert promise_on(response) == ["We’ll text you Monday evening, by 6 p.m."]
    assert "in the evening" not in after.text and "10 a.m." not in after.text, "no second, different time"
    assert "call or text 988" in after.text


def test_a_reply_due_within_the_part_of_the_day_chosen_is_promised_by_its_deadline(client, db):
    open_weekdays()
    monday_morning = FRIDAY_EVENING + datetime.timedelta(days=2, hours=11, minutes=15)  # Monday 8:30 a.m.
    with time_machine.travel(monday_morning, tick=False):
        response = client.post("/contact/", form_data(preferred_contact="phone", best_time="morning"), follow=True)
    promise = promise_on(response)
    assert promise == ["We’ll call you this morning, by 10:30 a.m. We won’t leave a voicemail."]


def test_when_admissions_is_never_in_at_the_time_chosen_the_page_says_so_and_promises_the_first_time_it_can(client, db):
    open_weekdays(closes="17:00")
    with time_machine.travel(FRIDAY_EVENING, tick=False):
        response = client.post("/contact/", form_data(preferred_contact="text", best_time="evening"), follow=True)
    assert promise_on(response) == [
        "We’ll text you by 10 a.m. Monday. Our admissions team isn’t available in the evening, so that is the "
        "soonest we can."
    ]


def test_an_insurance_check_and_a_spanish_preference_are_acknowledged_in_the_promise(client, db):
    open_weekdays()
    choices = form_data(preferred_contact="phone", best_time="any", preferred_language="es", insurance_check="on")
    with time_machine.travel(FRIDAY_EVENING, tick=False):
        response = client.post("/contact/", choices, follow=True)
    assert promise_on(response) == [
        "We’ll call you in Spanish by 10 a.m. Monday. We won’t leave a voicemail. You asked us to check your "
        "insurance: when we reach you, we’ll tell you what we found, or what we still need."
    ]


def test_no_time_is_promised_before_the_center_sets_its_hours(client, db):
    response = client.post("/contact/", form_data(preferred_contact="email", best_time="evening"), follow=True)
    assert promise_on(response) == ["We’ll email you as soon as we can, in the evening if we can."]


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
    assert "We’ll text you by " in parse_html(response.content).text
    removed = response.cookies["contact_sent"]
    assert (removed.value, removed["max-age"], removed["path"]) == ("", 0, "/contact/thanks/")
    again = parse_html(client.get("/contact/thanks/").content).text
    assert "We’ll text you" not in again
    assert "Someone from our admissions team will contact you in the way you asked." in again
