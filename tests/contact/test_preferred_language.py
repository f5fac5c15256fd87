"""The language a visitor asks to be answered in: English, Spanish, or another they name; repeated on the thank-you
page, so that a Spanish speaker reads "Le haremos una llamada en español"."""

import pytest

from contact.models import Inquiry
from tests.support.htmlpage import parse_html
from tests.support.inquiries import form_data

pytestmark = pytest.mark.django_db


def checked_language(page):
    return [el.attrs["value"] for el in page.find_all("input", name="preferred_language") if "checked" in el.attrs]


def test_the_form_asks_which_language_and_starts_on_the_pages_own(client):
    english = parse_html(client.get("/contact/").content)
    spanish = parse_html(client.get("/es/contact/").content)
    assert "Which language should we use?" in english.text
    assert "¿En qué idioma prefiere que le atendamos?" in spanish.text
    assert (checked_language(english), checked_language(spanish)) == (["en"], ["es"])
    assert english.find_all("span", lang="es"), "“Español” is marked as Spanish for screen readers"


def test_a_spanish_speaker_on_the_english_form_is_answered_in_spanish(client):
    response = client.post("/contact/", form_data(preferred_contact="phone", preferred_language="es"), follow=True)
    assert "We’ll call you in Spanish as soon as we can, in the evening if we can." in parse_html(response.content).text
    inquiry = Inquiry.objects.get()
    assert (inquiry.language, inquiry.preferred_language, inquiry.other_language) == ("en", "es", "")


def test_another_language_is_asked_for_by_name_and_kept(client):
    response = client.post("/contact/", form_data(preferred_language="other", other_language=" "))
    assert "Please tell us which language you’d like us to use." in parse_html(response.content).text
    assert not Inquiry.objects.exists()
    response = client.post("/contact/", form_data(preferred_language="other", other_language="Tagalog"), follow=True)
    assert "You asked for another language: we’ll arrange an interpreter, at no cost to you." in (
        parse_html(response.content).text
    )
    assert Inquiry.objects.get().other_language == "Tagalog"


def test_a_language_typed_but_not_chosen_is_not_kept(client):
    client.post("/contact/", form_data(preferred_language="en", other_language="Tagalog"))
    assert Inquiry.objects.get().other_language == ""
