"""The contact form in Spanish, at /es/contact/: the same form, every word and error in Spanish, the inquiry stored
with its language so that the right person calls back, and the staff email still in English with no personal data."""

import datetime
import time
import zoneinfo

import pytest
import time_machine
from django.core import mail
from django.utils import translation

from center.models import SiteSettings, Weekday
from contact import promise
from contact.models import Inquiry
from contact.notifications import escalation_message
from contact.spam import time_trap_token
from tests.support.htmlpage import parse_html
from tests.support.inquiries import form_data

pytestmark = pytest.mark.django_db

FRIDAY_EVENING = datetime.datetime(2026, 12, 4, 21, 15, tzinfo=zoneinfo.ZoneInfo("America/Los_Angeles"))
PERSONAL = ["Jordan", "Quill", "jordan.quill@example.com", "555-0142", "5550142", "evening groups"]


def open_weekdays(target_hours=2):
    site = SiteSettings.load()
    site.phone = "(916) 555-0177"
    site.response_target_hours = target_hours
    site.save()
    site.opening_hours.create(first_day=Weekday.MONDAY, last_day=Weekday.FRIDAY, opens="08:00", closes="18:00")


# What a Spanish speaker reads on the form: labels, choices, help, the button and the opening hours.
SPANISH_FORM_WORDS = [
    "Su nombre",
    "Correo electrónico",
    "Número de teléfono",
    "¿Cómo prefiere que nos comuniquemos con usted?",
    "Llamada telefónica",
    "Mensaje de texto",
    "Mejor horario para comunicarnos con usted",
    "Por la noche",
    "¿Para quién es esta consulta?",
    "Para un ser querido",
    "Programa Ambulatorio Intensivo (IOP)",
    "Aún no lo sé",
    "Quiero que verifiquen mi seguro médico",
    "Datos de su seguro médico (opcional)",
    "Acepto que el equipo de admisiones guarde estos datos",
    "Enviar mi mensaje",
    "Horario: lunes a viernes, 8 a.m.–6 p.m.",
]
TRY_AGAIN = "Por su seguridad, envíe el formulario otra vez"


def page_language(page):
    return page.find_all("html")[0].attrs["lang"]


def test_the_spanish_form_asks_everything_in_spanish_and_posts_to_itself(client):
    open_weekdays()
    page = parse_html(client.get("/es/contact/").content)
    assert page_language(page) == "es"
    assert page.texts("h1") == ["Contáctenos"]
    assert page.title.startswith("Contáctenos")
    assert page.find_all("form", action="/es/contact/")
    for words in SPANISH_FORM_WORDS:
        assert words in page.text
    for english in ["Your name", "Phone call", "Who is this for?", "Send my message", "Monday", "Hours:"]:
        assert english not in page.text


def test_the_confidentiality_link_says_it_leads_to_an_english_page(client):
    page = parse_html(client.get("/es/contact/").content)
    assert {el.attrs.get("hreflang") for el in page.find_all("a", href="/confidentiality/")} == {"en"}  # and the footer
    assert "Cómo protegemos la privacidad de su mensaje (en inglés)" in page.texts("a")


def test_a_spanish_inquiry_is_stored_as_spanish_and_an_english_one_as_english(client):
    response = client.post("/es/contact/", form_data())
    assert (response.status_code, response["Location"]) == (302, "/es/contact/thanks/")
    assert client.post("/contact/", form_data(name="Sam Reyes")).status_code == 302
    assert {inquiry.name: inquiry.language for inquiry in Inquiry.objects.all()} == {
        "Jordan Quill": "es",
        "Sam Reyes": "en",
    }


@pytest.mark.parametrize(
    ("fields", "error"),
    [
        ({"name": ""}, "Díganos su nombre, o solo su primer nombre."),
        (
            {"email": "not-an-email", "preferred_contact": "email"},
            "Escriba un correo electrónico como nombre@example.com.",
        ),
        (
            {"email": "", "phone": ""},
            "Escriba un correo electrónico o un número de teléfono para que podamos responderle.",
        ),
        ({"email": "", "preferred_contact": "email"}, "Nos pidió que le respondiéramos por correo electrónico"),
        ({"phone": "", "preferred_contact": "text"}, "Nos pidió una llamada o un mensaje de texto"),
        ({"phone": "916-555-CALL"}, "Use solo números, espacios, paréntesis y guiones en el número de teléfono."),
        ({"phone": "555-0142"}, "Escriba un número de teléfono de 10 dígitos, como (916) 555-0123."),
        ({"phone": "+44 12 34"}, "Revise el número de teléfono: un número internacional tiene de 8 a 15 dígitos."),
        ({"consent": None}, "Marque la casilla para que podamos usar sus datos para responderle."),
        ({"preferred_contact": None}, "Elija cómo prefiere que nos comuniquemos con usted."),
        ({"inquiry_for": None}, "Elija para quién es esta consulta."),
        ({"best_time": None}, "Elija el mejor horario para comunicarnos con usted."),
        ({"program": None}, "Elija un programa, o “Aún no lo sé”."),
        ({"preferred_contact": "fax"}, "Escoja una opción válida."),  # Django's own catalog
        ({"message": "x" * 2001}, "menos de 2000 caracteres (tiene 2001)"),  # Django's own catalog
        ({"started": time_trap_token(time.time() - 2 * 24 * 60 * 60)}, TRY_AGAIN),
        ({"started": "forged"}, TRY_AGAIN),
    ],
)
def test_each_bad_input_gets_its_answer_in_spanish(client, fields, error):
    response = client.post("/es/contact/", form_data(**fields))
    assert response.status_code == 200
    page = parse_html(response.content)
    assert page_language(page) == "es"
    assert page.title.startswith("Revise el formulario")
    assert "Revise este dato" in page.texts("h2")
    assert "Todavía no se ha enviado nada." in page.text
    assert error in page.text
    assert "Please" not in page.text
    assert not Inquiry.objects.exists()


def test_a_form_sent_twice_says_so_in_spanish(client):
    data = form_data()
    assert client.post("/es/contact/", data).status_code == 302
    response = client.post("/es/contact/", data)
    assert response.status_code == 409
    page = parse_html(response.content)
    assert page.title.startswith("Ya se envió")
    assert "Ya se envió" in page.texts("h2")
    assert "presione “Enviar mi mensaje” para enviarlo de nuevo" in page.text
    assert Inquiry.objects.count() == 1


def test_a_form_sent_too_fast_is_kept_for_review_whatever_its_language(client):
    response = client.post("/es/contact/", form_data(started=time_trap_token(time.time())))
    assert response.status_code == 302
    inquiry = Inquiry.objects.get()
    assert (inquiry.status, inquiry.language) == (Inquiry.Status.NEEDS_REVIEW, "es")
    assert inquiry.spam_reason.startswith("sent ")  # staff read the reason in English


def test_over_the_limit_the_spanish_form_answers_with_the_spanish_429(client, settings):
    settings.CONTACT_RATE_LIMIT = 1
    SiteSettings.objects.create(phone="(916) 555-0177")
    assert client.post("/es/contact/", form_data()).status_code == 302
    response = client.post("/es/contact/", form_data())
    assert response.status_code == 429
    page = parse_html(response.content)
    assert page_language(page) == "es"
    assert page.texts("h1") == ["Hemos recibido varios mensajes suyos"]
    assert "Si necesita hablar con alguien, llame al (916) 555-0177" in page.text
    assert page.find_all("a", href="tel:+19165550177")
    assert page.find_all("a", href="tel:988")
    assert page.find_all("a", href="/es/"), "home is the Spanish home page"
    assert Inquiry.objects.count() == 1


def test_the_thank_you_page_promises_the_callback_in_spanish(client):
    open_weekdays()
    with time_machine.travel(FRIDAY_EVENING, tick=False):
        before = parse_html(client.get("/es/contact/").content).text
        response = client.post("/es/contact/", form_data(best_time="evening"), follow=True)
    assert (
        "Envíe un mensaje ahora y nuestro equipo de admisiones le responderá el lunes, a más tardar a las 10 a.m."
        in before
    )
    assert response.redirect_chain == [("/es/contact/thanks/", 302)]
    page = parse_html(response.content)
    assert page_language(page) == "es"
    assert page.texts("h1") == ["Gracias: su mensaje nos llegó"]
    assert (
        "Le haremos una llamada en español el lunes por la noche, a más tardar a las 6 p.m. No le dejaremos un "
        "mensaje de voz." in page.text
    )
    assert "p.m.." not in before + page.text
    assert "Horario: lunes a viernes, 8 a.m.–6 p.m." in page.text
    assert "llame o envíe un mensaje de texto al 988" in page.text
    assert "We’ll" not in page.text


@pytest.mark.parametrize(
    ("choices", "sentence"),
    [
        ({"preferred_contact": "phone", "best_time": "any", "voicemail_ok": "on"},
         "Le haremos una llamada en español lo antes posible. Es posible que le dejemos un mensaje de voz."),
        ({"preferred_contact": "text", "best_time": "morning"},
         "Le enviaremos un mensaje de texto en español lo antes posible, por la mañana si nos es posible."),
        ({"preferred_contact": "email", "best_time": "afternoon", "preferred_language": "en"},
         "Le enviaremos un correo electrónico en inglés lo antes posible, por la tarde si nos es posible."),
    ],
)  # fmt: skip
def test_the_thank_you_page_repeats_each_choice_in_a_whole_spanish_sentence(client, choices, sentence):
    response = client.post("/es/contact/", form_data(**choices), follow=True)
    assert sentence in parse_html(response.content).text


def test_the_promise_cookie_goes_only_to_the_thank_you_page_of_the_forms_language(client):
    spanish = client.post("/es/contact/", form_data()).cookies[promise.COOKIE]
    english = client.post("/contact/", form_data(name="Sam Reyes")).cookies[promise.COOKIE]
    assert (spanish["path"], english["path"]) == ("/es/contact/thanks/", "/contact/thanks/")


def test_without_opening_hours_the_spanish_page_says_so_in_spanish(client):
    page = parse_html(client.get("/es/contact/").content)
    assert "Horario: [Horario de atención aún no definido]" in page.text


def test_the_staff_email_of_a_spanish_inquiry_is_english_and_holds_no_personal_data(
    client, settings, recipients, django_capture_on_commit_callbacks
):
    settings.CONTACT_NOTIFY_ON_SUBMIT = True
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post("/es/contact/", form_data()).status_code == 302
    inquiry = Inquiry.objects.get()
    [message] = mail.outbox
    assert message.subject == f"New inquiry #{inquiry.pk}"
    assert "Program: Intensive Outpatient Program (IOP)" in message.body
    assert "Preferred contact: Phone call" in message.body
    assert "For the person's privacy this email holds no name, contact details or message." in message.body
    text = f"{message.subject}\n{message.body}\n{message.extra_headers}"
    for detail in [*PERSONAL, "Spanish", "Español", "Llamada", "Programa"]:
        assert detail not in text


def test_the_escalation_email_of_a_spanish_inquiry_is_english_even_while_spanish_is_active(client):
    assert client.post("/es/contact/", form_data()).status_code == 302
    inquiry = Inquiry.objects.get()
    Inquiry.objects.filter(pk=inquiry.pk).update(created_at=FRIDAY_EVENING)
    inquiry.refresh_from_db()
    with translation.override("es"):
        message = escalation_message(inquiry, ["lead@example.org"])
    assert "Received: Friday, December 4, 9:15 PM" in message.body
    assert "has waited past the reply time the website promises" in message.body
    for detail in [*PERSONAL, "Spanish", "viernes", "diciembre"]:
        assert detail not in f"{message.subject}\n{message.body}"
