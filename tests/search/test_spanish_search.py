"""Site search as a Spanish reader meets it at /es/search/: Spanish items only, accents and word endings that do not
matter, Spanish synonyms and corrections, and a page (and type-ahead) in Spanish."""

import datetime
import io
import re

import pytest
from django.core.management import call_command

from pages.models import Article
from search.models import SearchEntry
from tests.search.search_corpus import make_spanish_items
from tests.support.builders import make_article, seed_synonyms
from tests.support.htmlpage import parse_html


@pytest.fixture(autouse=True)
def _synonyms(db):
    seed_synonyms()


@pytest.fixture
def spanish(db):
    """The Spanish items of the relevance set, published: {key: address}."""
    return make_spanish_items()


def search(client, query, path="/es/search/", **params):
    response = client.get(path, {"q": query, **params})
    assert response.status_code == 200
    return response


def result_links(response):
    return re.findall(r'<h2 class="search-result-title"><a href="([^"]+)"', response.content.decode())


def suggested_titles(client, query, path="/es/search/suggest/"):
    return [item["title"] for item in client.get(path, {"q": query}).json()["suggestions"]]


def test_each_language_searches_only_its_own_items(client, spanish):
    make_article(title="IOP evenings", slug="iop-evenings", body="An evening IOP group.\n")
    spanish_links = result_links(search(client, "iop"))
    assert spanish_links[0] == spanish["programa"]
    assert all(link.startswith("/es/") for link in spanish_links)
    assert result_links(search(client, "iop", path="/search/")) == ["/articles/iop-evenings/"]
    assert result_links(search(client, "seguro médico", path="/search/")) == []


def test_accents_capitals_and_plurals_do_not_matter_and_the_words_as_written_are_highlighted(client, spanish):
    response = search(client, "SEGUROS MEDICOS")
    assert result_links(response)[0] == spanish["seguro"]
    html = response.content.decode()
    assert re.search(r"<mark>[^<]*médico</mark>", html, re.IGNORECASE), "the text keeps its accents"
    assert result_links(search(client, "recaidas"))[0] == spanish["recaida"]


def test_spanish_synonyms_apply_to_spanish_searches_only(client, spanish):
    assert result_links(search(client, "marido"))[0] == spanish["pareja"]
    assert result_links(search(client, "aseguranza"))[0] == spanish["seguro"]
    make_article(title="Insurance questions", slug="insurance-questions", body="What your plan covers.\n")
    assert result_links(search(client, "aseguranza", path="/search/")) == []


def test_seguro_finds_insurance_and_never_safety(client, spanish):
    links = result_links(search(client, "seguro"))
    assert links[0] == spanish["seguro"]
    assert spanish["seguridad"] not in links, "safety (seguridad) is another word than insurance (seguro)"
    assert result_links(search(client, "seguridades"))[0] == spanish["seguridad"], "its plural is still one word"


@pytest.mark.parametrize(
    ("query", "subject"),
    [
        ("dormir sin alcohol", "sueno"),
        ("licencia médica FMLA", "trabajo"),
        ("confidencialidad médica HIPAA", "privacidad"),
    ],
)
def test_the_item_about_the_rare_word_comes_before_the_one_about_the_common_word(client, spanish, query, subject):
    """The words "alcohol" and "médica" are in most items, "dormir" and "FMLA" in few: the question is about what
    the rare word names, so that item ranks first, not the one titled with the common word."""
    assert result_links(search(client, query))[0] == spanish[subject]


def test_a_spanish_misspelling_is_corrected_to_a_spanish_word_and_said_in_spanish(client, spanish):
    response = search(client, "abstinensia")
    page = parse_html(response.content)
    assert result_links(response)[0] == spanish["abstinencia"]
    assert "Mostramos resultados para abstinencia. Buscar en su lugar abstinensia." in page.text
    assert page.find_all("a", href="?q=abstinensia&exact=1")
    exact = parse_html(search(client, "abstinensia", exact="1").content)
    assert "¿Quiso decir abstinencia?" in exact.text


def test_a_spanish_search_is_never_corrected_to_an_english_word(client, spanish):
    make_article(title="Withdrawal timeline", slug="withdrawal", body="How long withdrawal lasts.\n")
    html = search(client, "withdrawl").content.decode()
    assert "withdrawal" not in html.lower() and "Mostramos resultados" not in html
    assert "0 resultados para “withdrawl”." in html


def test_the_spanish_type_ahead_offers_spanish_titles_only(client, spanish):
    make_article(title="Asistance dogs", slug="dogs")
    assert suggested_titles(client, "asist") == ["Asistencia con el idioma"]
    assert suggested_titles(client, "asist", path="/search/suggest/") == ["Asistance dogs"]
    assert suggested_titles(client, "programa ambulat") == ["Programa Ambulatorio Intensivo (IOP) en Sacramento"]


def test_the_spanish_results_page_and_its_search_boxes_speak_spanish(client, spanish):
    # An evening in Sacramento that is already the next day in UTC: the reader sees the center's date.
    article = Article.objects.get(slug="como-mantener-su-trabajo-durante-el-tratamiento")
    article.published_at = datetime.datetime(2026, 3, 5, 3, 0, tzinfo=datetime.UTC)
    article.save()
    response = search(client, "trabajo")
    page = parse_html(response.content)
    assert "5 resultados para “trabajo”." in page.text, "trabajo, trabajando: one stem"
    assert page.title.startswith("Resultados de la búsqueda de “trabajo”")
    assert "4 de marzo de 2026" in page.text
    forms = page.find_all("form", role="search")
    assert len(forms) == 2, "the header's box and the page's"
    for form in forms:
        assert form.attrs["action"] == "/es/search/"
        assert form.attrs["data-suggest-url"] == "/es/search/suggest/"
        assert form.attrs["data-suggestions-label"] == "Páginas sugeridas"
        assert form.attrs["data-many-suggestions"].startswith("{count} sugerencias.")
    assert page.find_all("input", name="q", placeholder="En todo el sitio"), "the header box: articles and pages"
    assert "Buscar en artículos y páginas Buscar" in page.text, "the results page's box names what it searches"
    assert "Buscar en el sitio" in page.text, "the header box's label"


def test_nothing_found_in_spanish_offers_spanish_help(client, spanish):
    html = search(client, "zzqxv").content.decode()
    page = parse_html(html)
    assert "0 resultados para “zzqxv”." in page.text and "No encontramos nada para su búsqueda" in page.text
    assert "Pruebe con una palabra más corta o diferente." in page.text
    assert page.find_all("a", href="/es/contact/") and page.find_all("a", href="/es/articles/")


def test_an_empty_spanish_search_about_someone_else_leads_to_the_spanish_families_page(client, spanish):
    page = parse_html(search(client, "mi hermano zzqxv").content)
    assert "¿Le preocupa un ser querido? Nuestra página Para familias explica cómo ayudar" in page.text
    assert page.find_all("a", href="/es/families/")
    assert page.find_all("a", href=spanish["pareja"]), "a Spanish article for families"


def test_a_rebuilt_index_searches_each_item_in_its_language_again(client, spanish):
    SearchEntry.objects.all().delete()
    assert result_links(search(client, "seguro medico")) == []
    call_command("rebuild_search_index", stdout=io.StringIO())
    assert result_links(search(client, "seguro medico"))[0] == spanish["seguro"]
    assert set(SearchEntry.objects.filter(url__startswith="/es/").values_list("language", flat=True)) == {"es"}


def test_both_indexes_work_after_migrating_back_and_forth(transactional_db, client):
    """Going back to search 0004 and forward again rebuilds tables and triggers: every language is searched again,
    and what is written afterwards is found too (SQLite's triggers, PostgreSQL's generated documents)."""
    make_spanish_items()
    call_command("migrate", "search", "0004", stdout=io.StringIO())
    call_command("migrate", stdout=io.StringIO())
    call_command("rebuild_search_index", stdout=io.StringIO())
    seed_synonyms()
    assert result_links(search(client, "seguros medicos"))[0] == "/es/insurance-and-cost/"
    make_article(title="Quokka mornings", slug="quokka", body="Quokka routines.\n")
    make_article(title="Colibríes del jardín", slug="colibries", language="es", body="Un colibrí cada día.\n")
    assert result_links(search(client, "quokka", path="/search/")) == ["/articles/quokka/"]
    assert result_links(search(client, "colibri")) == ["/es/articles/colibries/"]
    assert result_links(search(client, "colibri", path="/search/")) == []
