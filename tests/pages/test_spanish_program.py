"""The program page in Spanish: the English original's numbers and weekly schedule, which staff keep in one place,
beside the translation's own words; Spanish placeholders where something is missing; linked both ways."""

import datetime
import json

import pytest
from django.utils import timezone

from center.models import SiteSettings, Weekday
from center.readiness import go_live_readiness
from pages import services
from pages.models import Program
from tests.support.builders import fill_program_facts, make_translation
from tests.support.htmlpage import parse_html, text_by_language
from tests.support.languages import hreflang_alternates, sitemap_alternates
from tests.support.seed import PROGRAM_URL

HOST = "http://testserver"
SPANISH_URL = f"/es{PROGRAM_URL}"


@pytest.fixture
def english(seeded):
    """The seeded IOP as imported: its text, and none of the center's facts yet."""
    SiteSettings.load()  # created on first use, which (being a save) would empty the page cache once
    return Program.objects.get(slug=Program.MAIN_SLUG, language="en")


@pytest.fixture
def spanish(english):
    """Its Spanish translation, with its own words and none of the numbers (they are the original's), in place of the
    one the seed ships."""
    english.translations.all().delete()
    return make_translation(
        english,
        title="Programa Ambulatorio Intensivo (IOP) en Sacramento, CA",
        suited_to="Adultos con un lugar estable donde vivir",
        not_suited_to="Personas que primero necesitan desintoxicación médica",
        first_day="Conoce a su consejero.\n\nLuego se une a su primer grupo.",
        what_to_bring="Una identificación con foto\nSu tarjeta del seguro médico, si la tiene",
    )


def program_page(client, url=SPANISH_URL):
    response = client.get(url)
    assert response.status_code == 200, url
    return parse_html(response.content)


def facts(page):
    return dict(zip(page.texts("dt"), page.texts("dd"), strict=True))


def schedule_rows(page):
    return [row for row in page.table_rows() if row and row[0] not in {"Grupo", "Group"}]


def jsonld_service(page):
    (block,) = [json.loads(el.text) for el in page.captured if el.tag == "script" and "@graph" in el.text]
    return {node["@type"]: node for node in block["@graph"]}["Service"]


def test_the_spanish_page_shows_the_originals_facts_and_schedule_in_spanish(client, english, spanish):
    fill_program_facts(english)
    page = program_page(client)
    assert page.find_all("html", lang="es")
    assert page.texts("h1") == ["Programa Ambulatorio Intensivo (IOP) en Sacramento, CA"]
    assert facts(page) == {
        "Nivel de atención": "Nivel ASAM 2.1",
        "Categoría de servicio del DHCS": "Intensive Outpatient Treatment",
        "Horas por semana": "9 horas",
        "Duración habitual": "12 semanas",
        "Costo": "Seguro médico y costos",
    }
    (category,) = [dd for dd in page.find_all("dd") if dd.text == "Intensive Outpatient Treatment"]
    assert category.attrs["lang"] == "en", "the license's words, in English"
    assert page.find_all("a", href="/es/insurance-and-cost/")
    assert page.texts("caption") == ["Sesiones de grupo semanales"]
    assert [row[0] for row in schedule_rows(page)] == ["Grupo de la mañana", "Grupo de la noche"]
    assert not spanish.sessions.exists(), "the schedule is kept on the original only"


def test_a_session_named_only_in_english_shows_its_name_marked_as_english(client, english, spanish):
    english.sessions.create(
        name="Weekend group", first_day=Weekday.SATURDAY, last_day=Weekday.SATURDAY, opens="10:00", closes="12:00"
    )
    html = client.get(SPANISH_URL).content.decode()
    assert schedule_rows(parse_html(html)) == [["Weekend group", "sábado", "10 a.m.–mediodía"]]
    assert "Weekend group" in text_by_language(html)["en"]
    assert "Weekend group" not in text_by_language(html)["es"]


def test_the_spanish_page_shows_its_own_words_not_the_originals(client, english, spanish):
    fill_program_facts(english)
    page = program_page(client)
    items = page.texts("li")
    assert "Adultos con un lugar estable donde vivir" in items
    assert "Una identificación con foto" in items
    assert "Adults with a stable place to live" not in items and "A photo ID" not in items
    (main,) = page.texts("main")
    assert "Conoce a su consejero. Luego se une a su primer grupo." in main
    assert "You meet your counselor" not in main
    assert page.texts("h2")[:7] == [
        "De un vistazo",
        "Horario",
        "Para quién es",
        "Para quién puede no ser adecuado",
        "Su primer día",
        "Qué traer",
        "Sobre el programa",
    ]


def test_a_fact_changed_on_the_original_shows_on_the_spanish_page_at_once(client, english, spanish):
    fill_program_facts(english)
    assert facts(program_page(client))["Horas por semana"] == "9 horas"  # and now cached
    english.hours_per_week = 1
    services.save(english)
    assert facts(program_page(client))["Horas por semana"] == "1 hora"


SPANISH_PLACEHOLDERS = [
    "[Nivel de atención aún no indicado]",
    "[Categoría de servicio aún no indicada]",
    "[Horas por semana aún no indicadas]",
    "[Duración habitual aún no indicada]",
    "[Horario de las sesiones aún no indicado: llame a admisiones al (916) 555-0100]",
    "[Aún no se ha indicado para quién es el programa]",
    "[Aún no se ha indicado para quién puede no ser adecuado]",
    "[Descripción del primer día aún no indicada: llame a admisiones al (916) 555-0100]",
    "[Qué traer aún no indicado: llame a admisiones al (916) 555-0100]",
]


def test_each_fact_not_yet_entered_shows_a_spanish_placeholder(client, english):
    """The seed's translation: words of its own in the body only."""
    page = program_page(client)
    for placeholder in SPANISH_PLACEHOLDERS:
        assert placeholder in page.text
    assert "not yet set" not in page.texts("main")[0]
    assert page.find_all("a", href="tel:+19165550100")


def test_the_facts_the_original_has_are_not_asked_again_of_the_translation(client, english):
    fill_program_facts(english)
    (main,) = program_page(client).texts("main")
    assert "Nivel ASAM 2.1" in main and "[Horario" not in main
    assert "[Aún no se ha indicado para quién es el programa]" in main, "its own words are its own"
    readiness = go_live_readiness()
    assert [item for item in readiness.gaps if item.area == "Programs"] == []
    [warning] = [item.message for item in readiness.warnings if item.area == "Programs"]
    assert warning.endswith(
        "(Spanish): who it is for, who it is not for, what happens on the first day, what to bring not yet given "
        "in Spanish; its page shows a placeholder for each."
    )


def test_the_json_ld_of_the_spanish_page_carries_the_originals_facts(client, english, spanish):
    fill_program_facts(english)
    service = jsonld_service(program_page(client))
    assert service["@id"] == f"{HOST}{SPANISH_URL}#program"
    assert service["name"] == spanish.title
    assert service["serviceType"] == "Intensive Outpatient Treatment"
    assert service["category"] == "Nivel de atención ASAM 2.1"
    assert [session["name"] for session in service["hoursAvailable"]] == ["Grupo de la mañana", "Grupo de la noche"]
    assert service["hoursAvailable"][0]["opens"] == "09:00"


def test_the_pages_link_to_each_other_in_the_switcher_and_the_head(client, english, spanish):
    expected = {
        ("en", f"{HOST}{PROGRAM_URL}"),
        ("es", f"{HOST}{SPANISH_URL}"),
        ("x-default", f"{HOST}{PROGRAM_URL}"),
    }
    for url, other in ((PROGRAM_URL, SPANISH_URL), (SPANISH_URL, PROGRAM_URL)):
        page = program_page(client, url)
        assert hreflang_alternates(page) == expected, url
        assert [link.attrs["href"] for link in page.find_all("a", **{"class": "language-switch"})] == [other]


@pytest.mark.parametrize(
    "unpublished",
    [
        {"status": Program.Status.DRAFT, "published_at": None},
        {"published_at": timezone.now() + datetime.timedelta(days=1)},
    ],
    ids=["draft", "scheduled"],
)
def test_a_spanish_program_not_yet_public_is_never_linked(client, english, spanish, unpublished):
    Program.objects.filter(pk=spanish.pk).update(**unpublished)
    assert client.get(SPANISH_URL).status_code == 404
    page = program_page(client, PROGRAM_URL)
    assert SPANISH_URL not in [url for _, _, url in page.urls()]
    assert SPANISH_URL not in client.get("/sitemap.xml").content.decode()


def test_the_sitemap_lists_both_programs_as_each_others_alternates(client, english, spanish):
    alternates = sitemap_alternates(client)
    expected = {("en", f"{HOST}{PROGRAM_URL}"), ("es", f"{HOST}{SPANISH_URL}"), ("x-default", f"{HOST}{PROGRAM_URL}")}
    assert alternates[f"{HOST}{PROGRAM_URL}"] == expected
    assert alternates[f"{HOST}{SPANISH_URL}"] == expected


def test_the_spanish_page_costs_five_queries_however_many_sessions(
    client, english, spanish, django_assert_max_num_queries
):
    """The program with its versions (and its original), the original's sessions, and, once per content generation,
    the page cache's two lookups and the Spanish content pages the frame links to (page_links, on Spanish pages)."""
    fill_program_facts(english)
    english.sessions.create(
        name="Friday group", first_day=Weekday.FRIDAY, last_day=Weekday.FRIDAY, opens="13:00", closes="14:00"
    )
    with django_assert_max_num_queries(5):
        page = program_page(client)
    assert len(schedule_rows(page)) == 3
