"""The center's facts on the Spanish pages: staff's words in Spanish when they wrote them, else the English words
marked as English, else a Spanish placeholder; payers, dates and notices in Spanish."""

import datetime

import pytest
from django.utils import formats, timezone, translation

from center.models import Notice, Payer, SiteSettings
from tests.support.builders import fill_site_settings, make_payer, staff_login
from tests.support.htmlpage import parse_html, text_by_language

INSURANCE = "/es/insurance-and-cost/"
FAMILIES = "/es/families/"
NOTICE = "/es/client-rights/"

# (page, the settings field staff write, its Spanish twin, the Spanish placeholder while neither is written)
STAFF_WORDS = {
    "self-pay": (
        INSURANCE,
        "self_pay_information",
        "[La información sobre el pago por cuenta propia aún no está configurada; llame a admisiones para preguntar "
        "cuánto cuesta el tratamiento]",
    ),
    "family services": (
        FAMILIES,
        "family_services",
        "[Lo que ofrecemos a las familias aún no está configurado; llame a admisiones para preguntar]",
    ),
}


def visit(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def spanish_date(day):
    with translation.override("es"):
        return formats.date_format(day, "DATE_FORMAT")


@pytest.mark.parametrize(("url", "title"), [(INSURANCE, "Seguro médico y costos"), (FAMILIES, "Para familias")])
def test_the_pages_are_in_spanish_without_their_editors_words(client, db, url, title):
    html = visit(client, url)
    assert parse_html(html).texts("h1") == [title]
    assert '<html lang="es"' in html


@pytest.mark.parametrize(("url", "field", "placeholder"), STAFF_WORDS.values(), ids=STAFF_WORDS.keys())
def test_with_nothing_written_the_spanish_page_shows_a_spanish_placeholder(client, db, url, field, placeholder):
    assert placeholder in text_by_language(visit(client, url))["es"]


@pytest.mark.parametrize(("url", "field", "placeholder"), STAFF_WORDS.values(), ids=STAFF_WORDS.keys())
def test_words_staff_wrote_only_in_english_show_marked_as_english(client, db, url, field, placeholder):
    fill_site_settings(**{field: "We explain it **on the phone**."})
    html = visit(client, url)
    texts = text_by_language(html)
    assert "We explain it on the phone." in texts["en"]
    assert "We explain it" not in texts["es"]
    assert placeholder not in texts["es"]
    assert '<div class="prose" lang="en">' in html


@pytest.mark.parametrize(("url", "field", "placeholder"), STAFF_WORDS.values(), ids=STAFF_WORDS.keys())
def test_words_staff_wrote_in_spanish_show_on_the_spanish_page_and_the_english_on_the_english(
    client, db, url, field, placeholder
):
    fill_site_settings(**{field: "We explain it on the phone.", f"{field}_es": "Se lo explicamos **por teléfono**."})
    spanish = text_by_language(visit(client, url))
    assert "Se lo explicamos por teléfono." in spanish["es"]
    assert "We explain it" not in " ".join(spanish.values())
    english = text_by_language(visit(client, url.removeprefix("/es")))
    assert "We explain it on the phone." in english["en"]
    assert "Se lo explicamos" not in " ".join(english.values())


def test_spanish_words_are_cleaned_like_the_english(client, db):
    fill_site_settings(self_pay_information_es="Pregunte.\n\n<script>alert(1)</script><iframe src='https://x.example'>")
    html = visit(client, INSURANCE)
    assert "alert(1)" not in html
    assert not parse_html(html).find_all("iframe")


def test_the_payers_network_status_and_verification_date_are_in_spanish(client, db):
    payer = make_payer(name="Quokka Health", network_status=Payer.Network.SINGLE_CASE, days_since_verified=91)
    page = parse_html(visit(client, INSURANCE))
    rows = page.table_rows()
    assert rows[0] == ["Plan de seguro médico", "Situación de red", "Última verificación"]
    assert rows[1] == [
        "Quokka Health PPO, EPO",
        "Fuera de la red; quizás sea posible un acuerdo de caso único",
        f"{spanish_date(payer.verified_on)} Llame para confirmar",
    ]
    # The plan's name is the insurer's own, in English.
    assert page.find_all("th", scope="row", lang="en")


def test_the_spanish_cta_offers_the_spanish_form_and_the_number(client, db):
    site = SiteSettings.load()
    page = parse_html(visit(client, INSURANCE))
    assert page.find_all("a", href="/es/contact/?insurance=1")
    assert f"Llamar al {site.phone}" in page.texts("a")


@pytest.mark.parametrize(
    ("fields", "spanish_page_shows"),
    [
        ({"hours_note": "Closed on public holidays."}, '<br><span lang="en">Closed on public holidays.</span>'),
        (
            {"hours_note": "Closed on public holidays.", "hours_note_es": "Cerrado los días festivos."},
            "<br>Cerrado los días festivos.",
        ),
    ],
    ids=["only in English", "in both"],
)
def test_the_note_on_the_hours_is_in_the_pages_language_when_staff_wrote_it(client, db, fields, spanish_page_shows):
    fill_site_settings(**fields)
    assert spanish_page_shows in visit(client, "/es/").split("<footer", 1)[1]
    english_footer = visit(client, "/").split("<footer", 1)[1]
    assert "<br>Closed on public holidays." in english_footer
    assert "Cerrado" not in english_footer


def notice(language, effective_on, body):
    return Notice.objects.create(
        kind=Notice.Kind.CLIENT_RIGHTS, language=language, effective_on=effective_on, body=body
    )


def days_ago(count):
    return timezone.localdate() - datetime.timedelta(days=count)


def test_until_a_notice_exists_the_spanish_page_says_how_to_ask_for_it_in_spanish(client, db):
    site = SiteSettings.load()
    html = visit(client, NOTICE)
    page = parse_html(html)
    assert page.texts("h1") == ["Carta de derechos del cliente"]
    assert f"Puede pedir este aviso a nuestro equipo de admisiones: llame al {site.phone}." in page.text
    assert "Lo que dice la ley" in page.texts("h2")


def test_a_notice_only_in_english_shows_marked_as_english_with_how_to_ask_for_a_spanish_copy(client, db):
    site = SiteSettings.load()
    notice("en", datetime.date(2026, 1, 1), "The center's **own** words.")
    html = visit(client, NOTICE)
    texts = text_by_language(html)
    assert "The center's own words." in texts["en"]
    assert "The center's own words." not in texts["es"]
    assert f"Puede pedir una copia en español a nuestro equipo de admisiones: llame al {site.phone}." in texts["es"]
    assert "Vigente desde el 1 de enero de 2026" in texts["es"]
    assert '<div class="prose notice-text" lang="en">' in html


def test_a_spanish_version_is_shown_on_the_spanish_page_and_the_english_on_the_english(client, db):
    notice("en", datetime.date(2026, 1, 1), "The center's own words.")
    notice("es", datetime.date(2026, 2, 1), "Las palabras del centro.")
    texts = text_by_language(visit(client, NOTICE))
    assert "Las palabras del centro." in texts["es"]
    assert "Vigente desde el 1 de febrero de 2026" in texts["es"]
    assert "The center's own words." not in " ".join(texts.values())
    assert "copia en español" not in texts["es"]
    english = parse_html(visit(client, "/client-rights/")).text
    assert "The center's own words." in english
    assert "Effective January 1, 2026" in english
    assert "Las palabras" not in english


def test_each_language_lists_its_own_versions(client, db):
    notice("en", days_ago(400), "English, first.")
    notice("en", days_ago(30), "English, second.")
    notice("es", days_ago(200), "Español, primera.")
    notice("es", days_ago(10), "Español, segunda.")
    page = parse_html(visit(client, NOTICE))
    versions = [text for text in page.texts("li") if text.startswith("Vigente")]
    assert versions == [
        f"Vigente desde el {spanish_date(days_ago(10))} (esta versión)",
        f"Vigente desde el {spanish_date(days_ago(200))} hasta el {spanish_date(days_ago(10))}",
    ]
    earlier = client.get(NOTICE, {"version": days_ago(200).isoformat()})
    assert "Español, primera." in earlier.content.decode()
    assert "Esta es una versión anterior que ya no está vigente." in parse_html(earlier.content).text
    # An English version's date names no Spanish version.
    assert client.get(NOTICE, {"version": days_ago(400).isoformat()}).status_code == 404


def test_a_spanish_version_dated_ahead_waits_for_its_day(client, db):
    notice("en", days_ago(30), "English words.")
    notice("es", timezone.localdate() + datetime.timedelta(days=5), "Palabras futuras.")
    texts = text_by_language(visit(client, NOTICE))
    assert "English words." in texts["en"]
    assert "Palabras futuras." not in " ".join(texts.values())


def test_staff_see_a_spanish_version_in_effect_beside_the_english_one(client, db, superuser):
    notice("en", days_ago(30), "English words.")
    notice("es", days_ago(5), "Palabras.")
    staff_login(client, superuser)
    page = parse_html(client.get("/admin/center/notice/").content)
    rows = [row for row in page.table_rows() if "Client bill of rights" in row]
    assert sorted((row[2], row[4]) for row in rows) == [("English", "In effect"), ("Español", "In effect")]
