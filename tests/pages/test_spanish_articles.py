"""Articles in Spanish: under /es/, in Spanish words and dates, each linked to its published version in the other
language (on the page, in the header and in the sitemap), and each list holding its own language only."""

import datetime

import pytest
from django.utils import timezone

from center.models import SiteSettings
from pages.models import Article, Person, Topic
from tests.support.builders import make_article, make_editor, make_translation, staff_login
from tests.support.htmlpage import parse_html, text_by_language
from tests.support.languages import hreflang_alternates, sitemap_alternates

HOST = "http://testserver"
ENGLISH_URL = "/articles/quokka-mornings-in-recovery/"
SPANISH_URL = "/es/articles/mananas-de-quokka/"


@pytest.fixture
def topic(db):
    return Topic.objects.create(name="Sleep", slug="sleep")


@pytest.fixture
def english(topic):
    article = make_article(published_at=timezone.now() - datetime.timedelta(days=40))
    article.topics.add(topic)
    return article


@pytest.fixture
def spanish(english, topic):
    """Its Spanish translation, at a slug of its own, published a month after the original."""
    article = make_translation(
        english,
        title="Mañanas de quokka en la recuperación",
        slug="mananas-de-quokka",
        published_at=datetime.datetime(2026, 10, 1, 12, tzinfo=datetime.UTC),
    )
    article.topics.add(topic)
    return article


def get_page(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return parse_html(response.content)


def links_to(page, url):
    return [link for link in page.find_all("a") if link.attrs.get("href") == url]


def test_the_spanish_article_is_in_spanish_with_spanish_dates(client, spanish):
    page = get_page(client, SPANISH_URL)
    assert page.find_all("html", lang="es")
    assert page.texts("h1") == ["Mañanas de quokka en la recuperación"]
    assert "Publicado el 1 de octubre de 2026" in page.text
    assert "1 min de lectura" in page.text
    assert "No es consejo médico." in page.text
    (main,) = page.texts("main")
    assert not [words for words in ("Published", "min read", "October", "medical advice") if words in main]


def test_the_spanish_article_links_to_its_english_original_in_english(client, spanish):
    page = get_page(client, SPANISH_URL)
    (line,) = [link for link in links_to(page, ENGLISH_URL) if "article" in link.text]
    assert line.text.strip() == "Read this article in English"
    assert line.attrs["hreflang"] == "en"
    (paragraph,) = page.find_all("p", **{"class": "article-translation"})
    assert paragraph.attrs["lang"] == "en", "English words on a Spanish page say so (WCAG 3.1.2)"


def test_the_english_article_links_to_its_spanish_translation_in_spanish(client, spanish):
    page = get_page(client, ENGLISH_URL)
    assert page.find_all("html", lang="en")
    (line,) = [link for link in links_to(page, SPANISH_URL) if "artículo" in link.text]
    assert line.text.strip() == "Lea este artículo en español"
    assert line.attrs["hreflang"] == "es"
    (paragraph,) = page.find_all("p", **{"class": "article-translation"})
    assert paragraph.attrs["lang"] == "es"
    switcher = page.find_all("a", **{"class": "language-switch"})
    assert [link.attrs["href"] for link in switcher] == [SPANISH_URL]


def test_an_article_with_no_translation_offers_none(client, english):
    page = get_page(client, ENGLISH_URL)
    assert not page.find_all("p", **{"class": "article-translation"})
    assert not hreflang_alternates(page)
    assert client.get(f"/es{ENGLISH_URL}").status_code == 404, "no Spanish page under the English slug"
    switcher = page.find_all("a", **{"class": "language-switch"})
    assert [link.attrs["href"] for link in switcher] == ["/es/articles/"], "the Spanish articles, not the home page"


def test_both_pages_list_both_versions_as_hreflang_alternates(client, spanish):
    expected = {
        ("en", f"{HOST}{ENGLISH_URL}"),
        ("es", f"{HOST}{SPANISH_URL}"),
        ("x-default", f"{HOST}{ENGLISH_URL}"),
    }
    for url in (ENGLISH_URL, SPANISH_URL):
        page = get_page(client, url)
        assert hreflang_alternates(page) == expected, url


@pytest.mark.parametrize(
    "unpublished",
    [
        {"status": Article.Status.DRAFT, "published_at": None},
        {"published_at": timezone.now() + datetime.timedelta(days=2)},
    ],
    ids=["draft", "scheduled"],
)
def test_a_translation_not_yet_public_is_never_linked_nor_shown(client, spanish, unpublished):
    Article.objects.filter(pk=spanish.pk).update(**unpublished)
    page = get_page(client, ENGLISH_URL)
    assert not [url for _, _, url in page.urls() if url and SPANISH_URL in url]
    assert not page.find_all("p", **{"class": "article-translation"})
    assert not hreflang_alternates(page)
    assert client.get(SPANISH_URL).status_code == 404
    assert SPANISH_URL not in client.get("/sitemap.xml").content.decode()
    assert SPANISH_URL not in client.get("/es/articles/").content.decode()


def test_an_english_original_not_yet_public_is_not_linked_from_its_translation(client, spanish, english):
    Article.objects.filter(pk=english.pk).update(status=Article.Status.DRAFT, published_at=None)
    page = get_page(client, SPANISH_URL)
    assert not links_to(page, ENGLISH_URL)
    assert not hreflang_alternates(page)


def test_each_list_shows_the_articles_of_its_own_language_only(client, spanish):
    english_list = get_page(client, "/articles/")
    assert links_to(english_list, ENGLISH_URL) and not links_to(english_list, SPANISH_URL)
    assert "Traducción" not in english_list.text and "Mañanas" not in english_list.text
    spanish_list = get_page(client, "/es/articles/")
    assert spanish_list.find_all("html", lang="es")
    assert spanish_list.texts("h1") == ["Artículos"]
    assert links_to(spanish_list, SPANISH_URL) and not links_to(spanish_list, ENGLISH_URL)
    assert "1 de octubre de 2026" in spanish_list.text
    assert "Quokka Mornings" not in spanish_list.text


def test_the_spanish_list_with_no_spanish_article_leads_kindly_to_the_english_ones(client, english):
    page = get_page(client, "/es/articles/")
    assert "Todavía no tenemos artículos en español." in page.text
    (link,) = links_to(page, "/articles/")[-1:]
    assert link.attrs["hreflang"] == "en"
    assert link.text == "nuestros artículos en inglés"
    assert not links_to(page, ENGLISH_URL), "the English articles are one tap away, not mixed in"
    english_list = get_page(client, "/articles/")
    assert "Todavía" not in english_list.text and links_to(english_list, ENGLISH_URL)


def test_the_english_list_with_no_article_says_so_in_english(client, db):
    assert "No articles have been published yet." in get_page(client, "/articles/").text


def test_a_spanish_topic_page_lists_spanish_articles_under_the_topics_english_name_marked_english(client, spanish):
    html = client.get("/es/topics/sleep/").content.decode()
    page = parse_html(html)
    assert links_to(page, SPANISH_URL) and not links_to(page, ENGLISH_URL)
    assert page.texts("h1") == ["Sleep"]
    assert "Sleep" in text_by_language(html)["en"], "the topic's name is written in English only"
    assert page.title.startswith("Sleep: artículos")
    in_the_article = client.get(SPANISH_URL).content.decode()
    assert "Sleep" in text_by_language(in_the_article)["en"]
    in_the_original = links_to(get_page(client, ENGLISH_URL), "/topics/sleep/")
    assert in_the_original and not [link for link in in_the_original if "lang" in link.attrs]


def test_once_the_topic_has_its_spanish_name_the_spanish_pages_use_it(client, spanish, topic):
    topic.name_es = "Sueño"
    topic.save()
    html = client.get("/es/topics/sleep/").content.decode()
    page = parse_html(html)
    assert page.texts("h1") == ["Sueño"]
    assert page.title.startswith("Sueño: artículos")
    assert "Sleep" not in text_by_language(html).get("en", "")
    assert "Sueño" in text_by_language(client.get(SPANISH_URL).content.decode())["es"]
    assert parse_html(client.get("/topics/sleep/").content).texts("h1") == ["Sleep"]


def test_the_byline_and_review_read_in_spanish(client, spanish):
    sam = Person.objects.create(name="Sam Lee", slug="sam-lee", credentials="MD", bio="Sam reviews our articles.")
    Article.objects.filter(pk=spanish.pk).update(author=sam, reviewer=sam, last_reviewed_at=datetime.date(2026, 10, 2))
    page = get_page(client, SPANISH_URL)
    assert "Por Sam Lee, MD" in page.text
    assert "Revisión médica de Sam Lee, MD el 2 de octubre de 2026" in page.text
    person = get_page(client, "/es/authors/sam-lee/")
    assert "Artículos de Sam Lee" in person.texts("h2")
    assert links_to(person, SPANISH_URL) and not links_to(person, ENGLISH_URL)
    (bio,) = person.find_all("div", **{"class": "prose"})
    assert bio.attrs["lang"] == "en", "the bio is written in English"


def test_the_sitemap_lists_each_version_with_the_other_as_its_alternate(client, spanish):
    alternates = sitemap_alternates(client)
    expected = {
        ("en", f"{HOST}{ENGLISH_URL}"),
        ("es", f"{HOST}{SPANISH_URL}"),
        ("x-default", f"{HOST}{ENGLISH_URL}"),
    }
    assert alternates[f"{HOST}{ENGLISH_URL}"] == expected
    assert alternates[f"{HOST}{SPANISH_URL}"] == expected


def test_the_spanish_article_costs_no_more_queries_than_the_english_one(client, spanish, django_assert_num_queries):
    """The article with its versions, its topics, related articles: three queries in either language, once what is
    looked up once per content generation (the page cache's two lookups; on a Spanish page, the translated content
    pages the frame links to) has been by another page."""
    SiteSettings.load()  # created on first use, which (being a save) would empty the page cache once
    make_translation(make_article(title="Another", slug="another"), slug="otro").topics.add(*spanish.topics.all())
    english = spanish.translation_of
    for article, other_page in ((spanish, "/es/team/"), (english, "/team/")):
        client.get(other_page)
        with django_assert_num_queries(3):
            get_page(client, article.get_absolute_url())
    assert links_to(get_page(client, SPANISH_URL), "/es/articles/otro/"), "related articles are in its language"


def test_an_editor_previews_a_spanish_draft_in_spanish(client, spanish):
    Article.objects.filter(pk=spanish.pk).update(status=Article.Status.DRAFT, published_at=None)
    staff_login(client, make_editor())
    page = get_page(client, f"/admin/pages/article/{spanish.pk}/preview/")
    assert page.find_all("html", lang="es")
    assert "1 min de lectura" in page.text
    (banner,) = page.find_all("div", role="status")
    assert banner.attrs["lang"] == "en", "the preview's note is for staff, in English"
    assert links_to(page, ENGLISH_URL), "its published original is linked"
