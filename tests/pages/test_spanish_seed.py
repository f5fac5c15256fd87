"""The Spanish seed content: every content/*/*.es.md imports as a translation paired with its English original,
the program and the insurance and families pages are published in Spanish, and the article's translation waits as a
draft for a qualified reviewer."""

import io

import pytest
from django.core.management import call_command

from pages.importer import parse_source_file
from pages.models import Article, ContentPage, Program
from tests.support.htmlpage import parse_html
from tests.support.migrations import model_as_of
from tests.support.seed import (
    CONTENT_DIR,
    SEED_ARTICLE_SLUG,
    SEED_ARTICLE_URL,
    SPANISH_PAGE_URLS,
    SPANISH_PROGRAM_URL,
    SPANISH_SEED_ARTICLE_SLUG,
    load_seed_content,
)

KIND_OF_FOLDER = {"articles": Article, "pages": ContentPage, "programs": Program}
SPANISH_FILES = sorted(CONTENT_DIR.glob("*/*.es.md"))
SPANISH_H1 = {
    SPANISH_PROGRAM_URL: "Programa Ambulatorio Intensivo en Sacramento, CA",
    SPANISH_PAGE_URLS[0]: "Seguro médico y costos",
    SPANISH_PAGE_URLS[1]: "Para familias",
    SPANISH_PAGE_URLS[2]: "Quiénes somos",
    SPANISH_PAGE_URLS[3]: "Confidencialidad",
    SPANISH_PAGE_URLS[4]: "Accesibilidad",
}


def test_the_project_ships_the_eight_spanish_files():
    assert [path.relative_to(CONTENT_DIR).as_posix() for path in SPANISH_FILES] == [
        f"articles/{SPANISH_SEED_ARTICLE_SLUG}.es.md",
        "pages/about.es.md",
        "pages/accessibility.es.md",
        "pages/confidentiality.es.md",
        "pages/families.es.md",
        "pages/insurance-and-cost.es.md",
        "pages/privacy.es.md",
        "programs/intensive-outpatient-program-sacramento.es.md",
    ]


@pytest.mark.parametrize("path", SPANISH_FILES, ids=lambda path: path.name)
def test_each_spanish_file_imports_as_the_translation_of_its_english_original(seeded, path):
    meta = parse_source_file(path).meta
    model = KIND_OF_FOLDER[path.parent.name]
    translation = model.objects.get(language="es", slug=meta["slug"])
    original = model.objects.get(language="en", slug=meta["translation_of"])
    assert translation.translation_of == original
    assert original.language_versions(public=False) == {"en": original, "es": translation}


@pytest.mark.parametrize("url", SPANISH_H1, ids=SPANISH_H1.values())
def test_the_published_spanish_pages_render_in_spanish(client, seeded, url):
    response = client.get(url)
    assert response.status_code == 200
    page = parse_html(response.content)
    assert page.find_all("html", lang="es")
    assert page.texts("h1") == [SPANISH_H1[url]]


@pytest.mark.parametrize("url", [SPANISH_PROGRAM_URL, *SPANISH_PAGE_URLS[:2]])
def test_sources_in_english_are_said_to_be_in_english_and_marked_so(client, seeded, url):
    page = parse_html(client.get(url).content)
    assert "(en inglés)" in page.text
    english_parts = page.find_all("ul", lang="en") + page.find_all("a", lang="en")
    assert english_parts, "the English titles of the sources carry lang=en (WCAG 3.1.2)"
    assert "Sources" not in page.texts("h2")


def test_the_spanish_article_ships_as_a_draft_no_visitor_sees(client, seeded):
    translation = Article.objects.get(language="es")
    assert translation.slug == SPANISH_SEED_ARTICLE_SLUG
    assert translation.translation_of.slug == SEED_ARTICLE_SLUG
    assert translation.status == Article.Status.DRAFT
    assert client.get(f"/es/articles/{SPANISH_SEED_ARTICLE_SLUG}/").status_code == 404
    assert SPANISH_SEED_ARTICLE_SLUG not in client.get(SEED_ARTICLE_URL).content.decode()


def test_the_translations_keep_the_topic_and_author_of_their_originals(seeded):
    translation = Article.objects.select_related("translation_of").get(language="es")
    assert translation.author == translation.translation_of.author
    assert set(translation.topics.all()) == set(translation.translation_of.topics.all())


@pytest.mark.django_db(transaction=True)
def test_going_back_before_languages_deletes_the_translations_and_keeps_the_originals():
    """The earlier schema holds one language, with each slug once: the Spanish items (the program shares its
    original's slug) go, and migrating forward again works."""
    load_seed_content()
    assert Program.objects.filter(language="es").exists()
    call_command("migrate", "pages", "0017", stdout=io.StringIO())
    before = model_as_of("pages", "0017", "Program")
    assert list(before.objects.values_list("slug", flat=True)) == [Program.MAIN_SLUG]
    call_command("migrate", stdout=io.StringIO())
    assert Program.objects.get().language == "en"
    assert Article.objects.filter(language="en").exists() and not Article.objects.exclude(language="en").exists()
