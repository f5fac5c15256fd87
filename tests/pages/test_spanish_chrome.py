"""The frame of every page (header, footer, crisis banner, call bar), the home page and content pages in Spanish.

A Spanish speaker at /es/ reads Spanish from the skip link to the small print and is told how to reach the crisis
line in Spanish; an English visitor sees the pages as before, with a way to Spanish.
"""

import datetime
import json
import re

import pytest
from django.utils import formats, translation

from pages.models import Article, ContentPage, Topic
from tests.support.builders import fill_site_settings, make_article, make_license
from tests.support.htmlpage import parse_html, text_by_language
from tests.support.seed import PROGRAM_URL, SEED_ARTICLE_TITLE

# The frame's English words, each of which a Spanish page must not show.
ENGLISH_FRAME = [
    "Skip to main content",
    "In crisis?",
    "In an emergency, call",
    "Insurance and cost",
    "For families",
    "Your rights and privacy",
    "Licensing and accreditation",
    "This site offers general information",
    "Message us",
]
SPANISH_FRAME = [
    "Saltar al contenido principal",
    "¿Está en crisis?",
    "En una emergencia, llame al 911.",
    "Seguro médico y costos",
    "Para familias",
    "Sus derechos y su privacidad",
    "Licencias y acreditación",
    "Este sitio ofrece información general, no consejo médico.",
    "Escríbanos",
]


def visit(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return parse_html(response.content)


def switcher(page):
    """(text, href, hreflang, lang) of the header's link to the page in the other language."""
    return [
        (link.text.strip(), link.attrs["href"], link.attrs["hreflang"], link.attrs["lang"])
        for link in page.find_all("a")
        if "language-switch" in link.attrs.get("class", "")
    ]


def current_links(page):
    """The addresses of the links marked as the page the visitor is on."""
    return [link.attrs["href"] for link in page.find_all("a") if link.attrs.get("aria-current") == "page"]


def json_ld_nodes(client, path):
    html = client.get(path).content.decode()
    blocks = [json.loads(text) for text in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html)]
    return [node for block in blocks for node in block.get("@graph", [block])]


@pytest.fixture
def spanish_about(seeded):
    """The About page's Spanish translation, which the seed publishes at /es/about/."""
    return ContentPage.objects.get(language="es", slug="about")


def test_the_spanish_home_page_is_in_spanish_from_the_skip_link_to_the_small_print(client, seeded):
    page = visit(client, "/es/")
    assert page.find_all("html")[0].attrs["lang"] == "es"
    assert page.texts("h1") == ["Una recuperación que se adapta a su trabajo y a su vida"]
    assert page.title.startswith("Tratamiento de adicciones en Sacramento, CA | ")
    assert "Programa Ambulatorio Intensivo (IOP)" in page.meta_content("description")
    for words in SPANISH_FRAME:
        assert words in page.text
    for words in ENGLISH_FRAME:
        assert words not in page.text
    assert page.find_all("a", href="/es/contact/"), "the form is reached in Spanish"
    assert page.find_all("meta", property="og:locale", content="es_ES")


def test_the_spanish_home_page_switches_to_the_english_one(client, seeded):
    assert switcher(visit(client, "/es/")) == [("English", "/", "en", "en")]


def test_english_pages_are_unchanged_and_offer_spanish(client, seeded):
    page = visit(client, "/")
    assert page.find_all("html")[0].attrs["lang"] == "en"
    assert switcher(page) == [("Español", "/es/", "es", "es")]
    for words in ENGLISH_FRAME:
        assert words in page.text
    assert "AYUDA" not in page.text
    assert page.find_all("meta", property="og:locale", content="en_US")


def test_the_spanish_crisis_banner_says_how_to_reach_988_in_spanish(client, seeded):
    page = visit(client, "/es/")
    (banner,) = [el for el in page.find_all("aside") if el.attrs.get("class") == "crisis-banner"]
    assert banner.attrs["aria-label"] == "Ayuda en caso de crisis"
    assert "Llame al 988 y marque 2 para español, o envíe AYUDA por mensaje de texto al 988." in page.text
    assert page.find_all("a", href="tel:988") and page.find_all("a", href="sms:988")
    assert page.find_all("a", href="https://988lifeline.org/chat/")
    assert "en inglés y en español, las 24 horas" in page.text  # SAMHSA's helpline


def test_the_spanish_home_lists_spanish_articles_only(client, seeded):
    spanish = make_article(title="Volver al trabajo durante el tratamiento", slug="volver-al-trabajo", language="es")
    page = visit(client, "/es/")
    assert page.find_all("a", href=spanish.get_absolute_url())
    assert spanish.get_absolute_url().startswith("/es/articles/")
    assert SEED_ARTICLE_TITLE not in page.text
    assert page.find_all("a", href="/es/articles/")  # "Todos los artículos"


def test_without_spanish_articles_the_home_says_so_and_offers_the_english_ones(client, seeded):
    assert not Article.objects.published().in_language("es").exists()
    page = visit(client, "/es/")
    assert "Todavía no hay artículos en español." in page.text
    (link,) = page.find_all("a", href="/articles/")
    assert link.attrs["hreflang"] == "en"
    assert link.text == "Lea nuestros artículos en inglés"


def test_a_spanish_content_page_is_in_spanish_and_links_to_its_original(client, spanish_about):
    page = visit(client, "/es/about/")
    assert page.find_all("html")[0].attrs["lang"] == "es"
    assert page.texts("h1") == ["Quiénes somos"]
    assert switcher(page) == [("English", "/about/", "en", "en")]
    assert page.link_hrefs("alternate")[:2] == ["http://testserver/about/", "http://testserver/es/about/"]
    assert current_links(page) == ["/es/about/"]
    breadcrumb_home = [el for el in page.find_all("nav") if el.attrs.get("aria-label") == "Ruta de navegación"]
    assert breadcrumb_home, "the breadcrumb trail is named in Spanish"
    assert "Inicio" in page.text
    (webpage,) = [node for node in json_ld_nodes(client, "/es/about/") if node["@type"] == "WebPage"]
    assert webpage["inLanguage"] == "es"
    assert webpage["name"] == "Quiénes somos"


def test_the_english_original_links_to_the_spanish_content_page(client, spanish_about):
    page = visit(client, "/about/")
    assert switcher(page) == [("Español", "/es/about/", "es", "es")]
    assert current_links(page) == ["/about/"]


@pytest.mark.parametrize(
    "path",
    ["/es/articles/", "/es/insurance-and-cost/", "/es/families/", "/es/contact/", "/articles/", "/families/"],
)
def test_the_menu_marks_the_page_the_visitor_is_on_in_either_language(client, seeded, path):
    assert current_links(visit(client, path)) == [path]


def test_an_article_marks_articles_as_current_under_es(client, seeded):
    spanish = make_article(title="Volver al trabajo", slug="volver-al-trabajo", language="es")
    assert current_links(visit(client, spanish.get_absolute_url())) == ["/es/articles/"]


def test_the_spanish_program_page_marks_programs_as_current(client, seeded):
    """On the seed's Spanish program page, as on the English one."""
    spanish_url = f"/es{PROGRAM_URL}"
    assert current_links(visit(client, spanish_url)) == [spanish_url]
    assert current_links(visit(client, PROGRAM_URL)) == [PROGRAM_URL]


def test_on_the_spanish_contact_page_the_call_bar_only_calls(client, seeded):
    page = visit(client, "/es/contact/")
    (bar,) = [el for el in page.find_all("aside") if el.attrs.get("class") == "call-bar"]
    assert bar.attrs["aria-label"] == "Llámenos o escríbanos"
    assert "Escríbanos" not in page.text


def test_the_spanish_footer_dates_the_license_in_spanish_and_keeps_the_law_s_sentence_in_english(client, seeded):
    license = make_license()
    with translation.override("es"):
        expires = formats.date_format(license.expires_on)
    assert " de " in expires  # "1 de diciembre de 2027"
    page = visit(client, "/es/")
    assert f"Número de certificación 190001AP, vigente hasta el {expires}." in page.text
    (statement,) = page.find_all("a", href=license.lookup_url)
    assert statement.attrs["lang"] == "en"
    assert statement.text == "Certified by the State Department of Health Care Services."


def test_the_english_footer_still_spells_the_month_out(client, seeded):
    license = make_license(expires_on=datetime.date(2030, 12, 1))
    page = visit(client, "/")
    assert "Certification number 190001AP, valid through December 1, 2030." in page.text
    assert "lang" not in page.find_all("a", href=license.lookup_url)[0].attrs


def test_spanish_article_lists_page_in_spanish(client, seeded):
    for number in range(11):
        make_article(title=f"Artículo {number}", slug=f"articulo-{number}", language="es")
    page = visit(client, "/es/articles/")
    assert "Página 1 de 2" in page.text
    assert page.find_all("a", href="?page=2", rel="next")[0].text == "Anteriores"
    assert [el for el in page.find_all("nav") if el.attrs.get("aria-label") == "Páginas"]


def test_the_spanish_footer_shows_the_address_placeholders_in_spanish(client, seeded):
    text = visit(client, "/es/").text
    assert "[Dirección aún no registrada] Sacramento, CA [Código postal]" in text
    assert "[Street address not yet set]" not in text
    assert "[Street address not yet set] Sacramento, CA [ZIP]" in visit(client, "/").text


def test_an_address_staff_entered_is_shown_as_they_wrote_it_in_either_language(client, seeded):
    fill_site_settings(street_address="1234 J Street", postal_code="95814")
    for path in ("/", "/es/"):
        assert "1234 J Street Sacramento, CA 95814" in visit(client, path).text


def links_named(page, text):
    return [link.attrs for link in page.find_all("a") if link.text.strip() == text]


def test_without_a_spanish_version_the_frame_links_to_the_english_page_and_says_it_is_english(client, seeded):
    ContentPage.objects.filter(language="es", slug__in=["about", "accessibility"]).update(
        status=ContentPage.Status.DRAFT
    )
    page = visit(client, "/es/")
    assert links_named(page, "Privacidad") == [{"href": "/es/privacy/"}]  # the policy has its Spanish version
    assert links_named(page, "Accesibilidad (en inglés)") == [{"href": "/accessibility/", "hreflang": "en"}]
    assert links_named(page, "Quiénes somos (en inglés)") == [
        {"href": "/about/", "hreflang": "en"},  # the menu
        {"href": "/about/", "hreflang": "en"},  # the footer
    ]


def test_once_translated_the_frame_links_to_the_spanish_page_whatever_its_address(client, seeded):
    spanish = ContentPage.objects.get(language="es", translation_of__slug="accessibility")
    spanish.slug = "accesibilidad"  # a translation may take an address of its own
    spanish.save()
    assert links_named(visit(client, "/es/"), "Accesibilidad") == [{"href": "/es/accesibilidad/"}]
    assert links_named(visit(client, "/"), "Accessibility") == [{"href": "/accessibility/"}]


def test_a_spanish_draft_is_not_linked(client, seeded):
    ContentPage.objects.filter(language="es", slug="accessibility").update(status=ContentPage.Status.DRAFT)
    assert links_named(visit(client, "/es/"), "Accesibilidad") == []
    assert links_named(visit(client, "/es/"), "Accesibilidad (en inglés)") == [
        {"href": "/accessibility/", "hreflang": "en"}
    ]


def test_search_engines_read_the_spanish_team_page_as_spanish(client, seeded):
    (about_page,) = [node for node in json_ld_nodes(client, "/es/team/") if node["@type"] == "AboutPage"]
    assert about_page["name"] == "Nuestro equipo"
    assert about_page["inLanguage"] == "es"
    (english,) = [node for node in json_ld_nodes(client, "/team/") if node["@type"] == "AboutPage"]
    assert (english["name"], english["inLanguage"]) == ("Our team", "en")


@pytest.mark.parametrize(
    ("path", "english"),
    [
        ("/es/topics/intensive-outpatient-program/", ["Intensive Outpatient Program", "How a day in the program runs"]),
        ("/es/authors/editorial-team/", ["Editorial team"]),
    ],
)
def test_a_topics_or_authors_english_words_are_marked_english_on_its_spanish_page(client, seeded, path, english):
    """A topic's name and description and a person's name are written once, in English: on a Spanish page, heading
    and breadcrumb alike, a screen reader must read them as English (WCAG 3.1.2)."""
    Topic.objects.filter(slug="intensive-outpatient-program").update(description="How a day in the program runs.")
    # The <title> cannot mark part of itself as English: it is left out.
    texts = text_by_language(re.sub(r"<title>.*?</title>", "", client.get(path).content.decode()))
    unmarked = [words for words in english if words in texts["es"]]
    assert not unmarked, f"{path}: English shown as Spanish: {unmarked}"
    assert all(words in texts["en"] for words in english), f"{path}: the English words are not on the page"
