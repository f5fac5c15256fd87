"""Each copy of the contact form can be sent once: a replayed token stores nothing, and the person is told why."""

import pytest

from contact import spam
from contact.models import Inquiry
from tests.support.htmlpage import parse_html
from tests.support.inquiries import form_data, post_all_at_once
from tests.support.prerequisites import needs_postgresql

pytestmark = pytest.mark.django_db


def test_the_same_form_sent_twice_is_stored_once_and_the_second_send_says_so_kindly(client, monkeypatch):
    data = form_data()
    assert client.post("/contact/", data).status_code == 302
    response = client.post("/contact/", data)  # a double click on Send, or Back and Send again
    assert response.status_code == 409
    page = parse_html(response.content)
    assert "This form was already sent" in page.text
    assert "If you saw our thank-you page, your message reached us" in page.text
    assert "Nothing has been sent yet" not in page.text
    assert "Already sent" in page.texts("h2"), "not “Please check this detail”: there is nothing to correct"
    assert page.title.startswith("Already sent: Contact us")
    assert page.find_all("input", name="name")[0].attrs["value"] == "Jordan Quill", "nothing typed is lost"
    fresh = page.find_all("input", name="started")[0].attrs["value"]
    assert fresh != data["started"]
    assert Inquiry.objects.count() == 1
    # Rather than wait: the person reads the message before sending again.
    monkeypatch.setattr(spam, "TIME_TRAP_MIN_SECONDS", 0)
    assert client.post("/contact/", form_data(started=fresh)).status_code == 302
    assert Inquiry.objects.count() == 2


def test_one_token_replayed_from_three_addresses_stores_one_inquiry(client):
    data = form_data()
    statuses = [
        client.post("/contact/", data, REMOTE_ADDR=f"198.51.100.{number % 3 + 1}").status_code for number in range(12)
    ]
    assert statuses == [302] + [409] * 11
    assert Inquiry.objects.count() == 1


def test_a_form_with_mistakes_does_not_use_up_its_token(client):
    data = form_data()
    assert client.post("/contact/", {**data, "email": "nope", "preferred_contact": "email"}).status_code == 200
    assert client.post("/contact/", data).status_code == 302
    assert Inquiry.objects.count() == 1


@pytest.mark.django_db(transaction=True)
@needs_postgresql
def test_parallel_posts_of_one_token_store_one_inquiry():
    statuses = post_all_at_once([form_data()] * 8)
    assert statuses == [302] + [409] * 7, str(statuses)
    assert Inquiry.objects.count() == 1
