"""Sending the contact form: stored first, redirected to the thank-you page, every bad input answered kindly."""

import time

import pytest
from django.core import signing
from django.test import Client

from center.models import SiteSettings
from contact import spam
from contact.models import Inquiry
from contact.spam import TIME_TRAP_SALT, time_trap_token
from tests.support.htmlpage import parse_html
from tests.support.inquiries import SCRIPT, form_data

pytestmark = pytest.mark.django_db


def test_a_valid_inquiry_is_stored_and_the_visitor_sees_the_thank_you_page(client):
    response = client.post("/contact/", form_data(), follow=True)
    assert response.redirect_chain == [("/contact/thanks/", 302)]
    page = parse_html(response.content)
    assert page.texts("h1") == ["Thank you — your message reached us"]
    assert page.meta_content("robots") == "noindex"
    inquiry = Inquiry.objects.get()
    assert (inquiry.name, inquiry.email, inquiry.phone) == (
        "Jordan Quill",
        "jordan.quill@example.com",
        "(916) 555-0142",
    )
    assert (inquiry.preferred_contact, inquiry.best_time, inquiry.inquiry_for) == ("phone", "evening", "myself")
    assert inquiry.voicemail_ok is False
    assert inquiry.consent is True
    assert inquiry.source_page == "/articles/some-article/"
    assert inquiry.status == Inquiry.Status.NEW
    assert inquiry.notify_next_attempt_at is not None, "the inquiry is in the outbox"
    assert inquiry.site_origin == "http://testserver"


def test_the_thank_you_page_says_what_happens_next_with_the_phone_and_crisis_line(client):
    SiteSettings.objects.create(phone="(916) 555-0177")
    page = parse_html(client.get("/contact/thanks/").content)
    assert "What happens next" in page.texts("h2")
    assert "We won’t leave a voicemail unless you told us that’s all right." in page.text
    assert page.find_all("a", href="tel:+19165550177")
    assert page.find_all("a", href="tel:988")


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("916-555-0142", "(916) 555-0142"),
        ("(916) 555 0142", "(916) 555-0142"),
        ("+1 916 555 0142", "(916) 555-0142"),
        ("1-916-555-0142", "(916) 555-0142"),
        ("+44 20 7946 0958", "+442079460958"),
    ],
)
def test_phone_numbers_are_normalised(client, typed, stored):
    client.post("/contact/", form_data(phone=typed))
    assert Inquiry.objects.get().phone == stored


def test_an_email_address_alone_is_enough_when_we_reply_by_email(client):
    client.post("/contact/", form_data(phone="", preferred_contact="email"))
    assert Inquiry.objects.get().email == "jordan.quill@example.com"


def errors_of(response):
    """The error summary's items and the invalid fields, as a visitor's screen reader would meet them."""
    page = parse_html(response.content)
    summary = [el for el in page.find_all("div") if "data-error-summary" in el.attrs]
    links = [el.attrs["href"] for el in page.find_all("a") if el.attrs.get("href", "").startswith("#id_")]
    invalid = [el.attrs.get("name") for el in page.elements if el.attrs.get("aria-invalid") == "true"]
    return page, summary, links, invalid


def test_errors_are_summarised_at_the_top_and_announced_on_each_field(client):
    response = client.post(
        "/contact/", form_data(name="", email="not-an-email", phone="", preferred_contact="email", consent=None)
    )
    assert response.status_code == 200
    page, summary, links, invalid = errors_of(response)
    assert summary and summary[0].attrs["tabindex"] == "-1", "the summary can take focus"
    assert page.title.startswith("Please check the form")
    assert links == ["#id_name", "#id_email", "#id_consent"]
    assert set(invalid) == {"name", "email", "consent"}
    name_input = page.find_all("input", name="name")[0]
    described_by = name_input.attrs["aria-describedby"].split()
    assert "id_name_error" in described_by
    assert page.find_all("div", id="id_name_error")
    assert "Please tell us your name, or a first name." in page.text
    assert "Please enter an email address like name@example.com." in page.text
    assert page.find_all("script", src="/static/js/form-errors.js")
    assert Inquiry.objects.count() == 0


def test_an_email_or_a_phone_number_is_required(client):
    response = client.post("/contact/", form_data(email="", phone=""))
    assert "Please give an email address or a phone number so we can reply." in parse_html(response.content).text
    assert Inquiry.objects.count() == 0


@pytest.mark.parametrize(
    ("method", "blank", "message"),
    [
        ("email", "email", "You asked us to reply by email, so please give an email address."),
        ("text", "phone", "You asked us to call or text, so please give a phone number."),
    ],
)
def test_the_chosen_way_to_reply_needs_its_contact_detail(client, method, blank, message):
    response = client.post("/contact/", form_data(preferred_contact=method, **{blank: ""}))
    assert message in parse_html(response.content).text
    assert Inquiry.objects.count() == 0


def test_the_form_keeps_what_was_typed_when_it_is_shown_again(client):
    response = client.post("/contact/", form_data(email="nope", message="Evening groups?"))
    page = parse_html(response.content)
    assert page.find_all("input", name="name")[0].attrs["value"] == "Jordan Quill"
    assert "Evening groups?" in page.text


BAD_INPUTS = {
    "nothing at all": {},
    "only a name": {"name": "Sam"},
    "a 1 MB message": {"message": "x" * 1_000_000},
    "an invalid email": {"email": "sam@", "preferred_contact": "email"},
    "letters in the phone": {"phone": "916-555-CALL"},
    "a short phone number": {"phone": "555-0142"},
    "a null character": {"name": "Sam\x00"},
    "an unknown choice": {"preferred_contact": "carrier-pigeon"},
    "a list where one value is expected": {"name": ["a", "b"]},
    "odd Unicode": {"name": "\u202e\u200b𝔍𝔬𝔯𝔡𝔞𝔫 ﷽", "message": "🙂" * 50 + "\u0301" * 20},
    "a 500-character name": {"name": "n" * 500},
}


@pytest.mark.parametrize("fields", BAD_INPUTS.values(), ids=BAD_INPUTS.keys())
def test_bad_input_gets_a_clear_answer_never_a_500(client, fields):
    data = form_data(**fields) if fields else {}
    response = client.post("/contact/", data)
    assert response.status_code in {200, 302}
    if response.status_code == 200:
        assert parse_html(response.content).find_all("div", id="error-summary")


def test_newlines_in_the_name_are_flattened_so_they_cannot_reach_an_email_header(client):
    client.post("/contact/", form_data(name="Sam\r\nBcc: victim@example.com\nSubject: hi"))
    assert Inquiry.objects.get().name == "Sam Bcc: victim@example.com Subject: hi"


def test_html_in_every_field_is_stored_as_text_and_shown_escaped_when_the_form_returns(client):
    response = client.post(
        "/contact/", form_data(name=SCRIPT, email=SCRIPT, phone=SCRIPT, message=SCRIPT, best_time=SCRIPT)
    )
    assert response.status_code == 200
    assert SCRIPT.encode() not in response.content
    assert b"&lt;script&gt;" in response.content
    client.post("/contact/", form_data(name=SCRIPT, message=SCRIPT))
    assert Inquiry.objects.get().message == SCRIPT


def test_a_missing_csrf_token_gets_the_branded_403_page(db):
    response = Client(enforce_csrf_checks=True).post("/contact/", form_data())
    assert response.status_code == 403
    page = parse_html(response.content)
    assert "reload the page" in page.text
    assert page.find_all("a", href="tel:988")
    assert Inquiry.objects.count() == 0


@pytest.mark.parametrize(
    "token",
    [
        time_trap_token(time.time() - 7200),
        "forged-token",
        signing.dumps("not a time", salt=TIME_TRAP_SALT),
        signing.dumps(int(time.time() - 60), salt=TIME_TRAP_SALT),
        None,
    ],
    ids=["expired", "forged", "wrong payload", "from before tokens were single-use", "missing"],
)
def test_a_stale_or_altered_form_asks_to_send_again_with_a_fresh_token(client, monkeypatch, token):
    monkeypatch.setattr(spam, "FORM_MAX_AGE_SECONDS", 3600)
    response = client.post("/contact/", form_data(started=token))
    assert response.status_code == 200
    page = parse_html(response.content)
    summary = [el for el in page.find_all("div") if "data-error-summary" in el.attrs]
    assert summary
    assert "please send the form again" in page.text
    assert page.find_all("input", name="name")[0].attrs["value"] == "Jordan Quill", "nothing typed is lost"
    fresh = page.find_all("input", name="started")[0].attrs["value"]
    assert fresh != token
    assert Inquiry.objects.count() == 0
    monkeypatch.setattr(spam, "TIME_TRAP_MIN_SECONDS", 0)  # rather than wait: the visitor takes a moment to look again
    assert client.post("/contact/", form_data(started=fresh)).status_code == 302
    assert Inquiry.objects.get().status == Inquiry.Status.NEW


FAST = "sent within the time-trap's seconds"
LINKS = "http://a.example http://b.example www.c.example"


@pytest.mark.parametrize(
    ("fields", "reasons"),
    [
        ({"website": "https://spam.example"}, ["hidden field filled in"]),
        ({"website": "https://spam.example", "started": FAST}, ["hidden field filled in", "after the form was shown"]),
        ({"started": FAST, "message": LINKS}, ["after the form was shown", "3 links"]),
    ],
    ids=["honeypot alone", "honeypot and too fast", "too fast and links"],
)
def test_the_honeypot_or_several_signals_together_file_an_inquiry_as_spam_without_an_email(client, fields, reasons):
    if fields.get("started") == FAST:
        fields = {**fields, "started": time_trap_token()}
    response = client.post("/contact/", form_data(**fields))
    assert response.status_code == 302, "a bot learns nothing from the answer"
    inquiry = Inquiry.objects.get()
    assert inquiry.status == Inquiry.Status.SPAM
    assert all(reason in inquiry.spam_reason for reason in reasons)
    assert inquiry.notify_next_attempt_at is None


@pytest.mark.parametrize(
    ("fields", "reason"),
    [({"started": FAST}, "after the form was shown"), ({"message": LINKS}, "3 links")],
    ids=["too fast (autofill, a quick typist)", "many links"],
)
def test_one_signal_alone_files_the_inquiry_for_review_and_staff_are_told(client, fields, reason):
    if fields.get("started") == FAST:
        fields = {"started": time_trap_token()}
    response = client.post("/contact/", form_data(**fields), follow=True)
    assert parse_html(response.content).texts("h1") == ["Thank you — your message reached us"]
    inquiry = Inquiry.objects.get()
    assert inquiry.status == Inquiry.Status.NEEDS_REVIEW
    assert inquiry.get_status_display() == "Needs review"
    assert reason in inquiry.spam_reason
    assert inquiry.notify_next_attempt_at is not None, "the staff email is owed"


def test_the_page_the_visitor_came_from_is_recorded_as_a_path_on_this_site(client):
    page = parse_html(client.get("/contact/?from=/articles/a-story/?utm=x%23frag").content)
    assert page.find_all("input", name="source_page")[0].attrs["value"] == "/articles/a-story/"
    page = parse_html(client.get("/contact/", HTTP_REFERER="http://testserver/about/?q=1").content)
    assert page.find_all("input", name="source_page")[0].attrs["value"] == "/about/"


@pytest.mark.parametrize(
    "came_from",
    ["https://evil.example/x", "//evil.example/x", "javascript:alert(1)", "about", "/\\evil.example"],
)
def test_a_source_outside_this_site_is_not_recorded(client, came_from):
    page = parse_html(client.get("/contact/", {"from": came_from}).content)
    assert page.find_all("input", name="source_page")[0].attrs.get("value", "") == ""
    page = parse_html(client.get("/contact/", HTTP_REFERER=came_from).content)
    assert page.find_all("input", name="source_page")[0].attrs.get("value", "") == ""
    client.post("/contact/", form_data(source_page=came_from))
    assert Inquiry.objects.last().source_page == ""


def test_the_form_page_is_never_stored_in_a_shared_cache(client):
    cache_control = client.get("/contact/")["Cache-Control"]
    assert "private" in cache_control
    assert "no-store" in cache_control


def test_nothing_but_the_form_is_stored_about_the_visitor(client):
    client.post("/contact/", form_data(), HTTP_USER_AGENT="Fingerprint/1.0", REMOTE_ADDR="203.0.113.9")
    stored = " ".join(str(value) for value in Inquiry.objects.values().get().values())
    assert "203.0.113.9" not in stored
    assert "Fingerprint" not in stored
