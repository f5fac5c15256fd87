"""/language-assistance/ and /es/language-assistance/: free language help, how to ask for it, and the taglines."""

import re

import pytest

from center.models import SiteSettings
from pages.language_assistance import TAGLINES
from tests.support.builders import fill_site_settings
from tests.support.htmlpage import parse_html, text_by_language
from tests.support.page_types import FIXED_PAGES

URLS = {"en": "/language-assistance/", "es": "/es/language-assistance/"}
TITLES = {"en": "Language assistance", "es": "Asistencia con el idioma"}
# The languages of the taglines, as their lang attributes must name them: with Spanish, the 15 HHS lists for
# California, in its order.
TAGLINE_LANGUAGES = ["zh-Hant", "vi", "tl", "ko", "hy", "fa", "ru", "ja", "ar", "pa", "km", "hmn", "hi", "th"]
RIGHT_TO_LEFT = {"fa", "ar"}
HOW_TO_ASK = {
    "en": "To ask for it, call our admissions team at {phone} and tell us which language you need.",
    "es": "Para pedirla, llame a nuestro equipo de admisiones al {phone} y díganos qué idioma necesita.",
}
PHONE_PLACEHOLDER = {"en": "[Phone number not yet set]", "es": "[Número de teléfono aún no configurado]"}


def visit(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


@pytest.mark.parametrize("language", URLS)
def test_the_page_is_at_its_address_in_each_language_under_its_title(client, db, language):
    html = visit(client, URLS[language])
    page = parse_html(html)
    assert page.texts("h1") == [TITLES[language]]
    assert re.search(rf'<html lang="{language}"', html)


@pytest.mark.parametrize("language", URLS)
def test_it_says_how_to_ask_in_english_and_in_spanish_the_pages_own_language_first(client, db, language):
    site = SiteSettings.load()
    html = visit(client, URLS[language])
    texts = text_by_language(html)
    for code, sentence in HOW_TO_ASK.items():
        assert sentence.format(phone=site.phone) in texts[code], code
    statements = re.findall(r'<section class="language-statement" lang="(\w+)"', html)
    assert statements == (["en", "es"] if language == "en" else ["es", "en"])


@pytest.mark.parametrize("language", URLS)
def test_every_tagline_is_in_its_own_language_with_the_number_to_call(client, db, language):
    fill_site_settings(phone="(916) 555-0142")
    html = visit(client, URLS[language])
    page = parse_html(html)
    taglines = {el.attrs["lang"]: el for el in page.captured if el.tag == "li" and "lang" in el.attrs}
    assert list(taglines) == TAGLINE_LANGUAGES
    for tagline in TAGLINES:
        text = taglines[tagline.language].text
        assert tagline.name in text
        assert "(916) 555-0142" in text, tagline.language
        assert tagline.text.format(phone="(916) 555-0142") in re.sub(r"\s+", " ", text)
    # One link that dials the center in each tagline, and one in each of the two statements.
    assert len(page.find_all("a", href="tel:+19165550142")) >= len(TAGLINES) + 2


@pytest.mark.parametrize("language", URLS)
def test_fifteen_languages_besides_english_each_read_in_its_own_direction_with_free_aids_and_711(client, db, language):
    html = visit(client, URLS[language])
    page = parse_html(html)
    taglines = [el for el in page.captured if el.tag == "li" and "lang" in el.attrs]
    assert {el.attrs["dir"] for el in taglines if el.attrs["lang"] in RIGHT_TO_LEFT} == {"rtl"}
    assert {el.attrs["dir"] for el in taglines if el.attrs["lang"] not in RIGHT_TO_LEFT} == {"ltr"}
    statement_languages = re.findall(r'<section class="language-statement" lang="(\w+)"', html)
    assert len({*statement_languages, *TAGLINE_LANGUAGES} - {"en"}) >= 15
    english = text_by_language(html)["en"]
    assert "Free auxiliary aids and services are available to people with disabilities" in english
    assert "dial 711" in english


def test_the_number_inside_a_right_to_left_tagline_keeps_its_own_order(client, db):
    fill_site_settings(phone="(916) 555-0142")
    html = visit(client, URLS["en"])
    arabic = html[html.index('<li lang="ar"') :].split("</li>", 1)[0]
    assert '<bdi><a href="tel:+19165550142">(916) 555-0142</a></bdi>' in arabic


@pytest.mark.parametrize("language", URLS)
def test_without_a_phone_number_every_mention_is_a_placeholder_in_the_pages_language(client, db, language):
    fill_site_settings(phone="")
    html = visit(client, URLS[language])
    placeholders = re.findall(r'<span class="fact-placeholder" lang="(\w+)">([^<]+)</span>', html)
    # The two statements each in their own language, and every tagline in the page's.
    expected = [*(("es", PHONE_PLACEHOLDER["es"]), ("en", PHONE_PLACEHOLDER["en"]))]
    if language == "en":
        expected.reverse()
    assert placeholders == expected + [(language, PHONE_PLACEHOLDER[language])] * len(TAGLINES)
    article = html[html.index("<article") : html.index("</article>")]
    assert 'href="tel:' not in article  # no link that dials nothing


def test_a_new_phone_number_shows_on_the_next_request(client, db):
    visit(client, URLS["es"])
    fill_site_settings(phone="(916) 555-0177")
    assert "(916) 555-0177" in visit(client, URLS["es"])


def test_the_page_is_served_from_the_cache_the_second_time(client, db, django_assert_num_queries):
    fill_site_settings()  # (creating the record on the first visit would make that page out of date at once)
    first = visit(client, URLS["es"])
    with django_assert_num_queries(0):
        assert visit(client, URLS["es"]) == first


@pytest.mark.parametrize("path", [path for name, path in FIXED_PAGES if not name.startswith("es-")])
def test_every_english_page_type_links_to_it_from_the_footer(client, seeded, path):
    footer = client.get(path).content.decode().split("<footer", 1)[1]
    assert '<a href="/language-assistance/">Language assistance</a>' in footer


@pytest.mark.parametrize(
    "path",
    [
        "/es/",
        "/es/insurance-and-cost/",
        "/es/families/",
        "/es/client-rights/",
        "/es/contact/",
        "/es/language-assistance/",
    ],
)
def test_spanish_pages_link_to_the_spanish_one_from_the_footer(client, seeded, path):
    footer = client.get(path).content.decode().split("<footer", 1)[1]
    assert '<a href="/es/language-assistance/">Asistencia con el idioma</a>' in footer


def test_the_sitemap_lists_it_in_both_languages(client, db):
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "<loc>http://testserver/language-assistance/</loc>" in sitemap
    assert "<loc>http://testserver/es/language-assistance/</loc>" in sitemap
    assert 'hreflang="es" href="http://testserver/es/language-assistance/"' in sitemap
