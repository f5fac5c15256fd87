"""Texting consent: the form says what texting means beside "Text message", and the inquiry keeps the consent given,
encrypted, shown in the inbox."""

import pytest
from django.db import connection

from contact.models import Inquiry
from tests.support.builders import staff_login
from tests.support.htmlpage import parse_html
from tests.support.inquiries import change_url, form_data

pytestmark = pytest.mark.django_db

CONSENT = {
    "en": "By choosing text messages, you agree that our admissions team may text you about this inquiry, to answer "
    "your questions and arrange a time to talk. Message and data rates may apply. Reply STOP to stop, HELP for help.",
    "es": "Al elegir mensajes de texto, usted acepta que nuestro equipo de admisiones le envíe mensajes de texto sobre "
    "esta consulta, para responder a sus preguntas y acordar un momento para hablar. Pueden aplicarse tarifas de "
    "mensajes y datos. Responda STOP para dejar de recibirlos y HELP para pedir ayuda.",
}
FORMS = {"en": "/contact/", "es": "/es/contact/"}
PRIVACY = {"en": "/privacy/", "es": "/es/privacy/"}


@pytest.mark.parametrize("language", FORMS)
def test_the_terms_of_texting_stand_right_after_the_choice_of_text_message_with_the_privacy_policy(client, language):
    html = client.get(FORMS[language]).content.decode()
    assert CONSENT[language] in " ".join(parse_html(html).text.split())
    choices_end = html.index('value="text"')
    terms = html.index('id="text-consent"')
    assert choices_end < terms < html.index('name="voicemail_ok"')  # next to the choice, before the next question
    paragraph = parse_html(html[terms - 100 : html.index("</p>", terms)])
    assert paragraph.find_all("a", href=PRIVACY[language])


@pytest.mark.parametrize("language", FORMS)
def test_choosing_text_keeps_the_consent_with_the_inquiry_in_the_visitors_words(client, language):
    client.post(FORMS[language], form_data(preferred_contact="text"))
    assert Inquiry.objects.get().text_consent == CONSENT[language]


def test_choosing_a_call_keeps_no_consent_to_texts(client):
    client.post("/contact/", form_data(preferred_contact="phone"))
    assert Inquiry.objects.get().text_consent == ""


def test_the_consent_is_unreadable_in_a_raw_select(client):
    client.post("/contact/", form_data(preferred_contact="text"))
    with connection.cursor() as cursor:
        cursor.execute("SELECT text_consent FROM contact_inquiry")
        [(stored,)] = cursor.fetchall()
    assert stored
    for words in ("STOP", "HELP", "Message and data rates", "admissions team"):
        assert words not in stored


def test_the_inbox_shows_the_consent_given_with_the_inquiry(client, admissions):
    client.post("/contact/", form_data(preferred_contact="text"))
    staff_login(client, admissions)
    page = parse_html(client.get(change_url(Inquiry.objects.get())).content)
    assert "Consent to text messages, as given:" in page.text
    assert CONSENT["en"] in " ".join(page.text.split())
