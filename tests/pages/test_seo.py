"""What search engines and link previews read: JSON-LD, Open Graph, the feed, the sitemap and redirects."""

import datetime
import io
import json
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest
from django.contrib.redirects.models import Redirect
from django.template import Context, Template
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from center.models import SiteSettings, Weekday
from pages.models import Article, Person
from tests.support.builders import make_article, make_reviewed_article
from tests.support.htmlpage import parse_html
from tests.support.seed import PROGRAM_URL, SEED_ARTICLE_SLUG

HOST = "http://testserver"


def jsonld_blocks(html):
    """Every JSON-LD block of the page, parsed (a block that is not valid JSON fails the test here)."""
    page = parse_html(html)
    return [
        json.loads(el.text)
        for el in page.captured
        if el.tag == "script" and el.attrs.get("type") == "application/ld+json"
    ]


def jsonld_types(response):
    types = []
    for block in jsonld_blocks(response.content):
        for node in block.get("@graph", [block]):
            types.append(node["@type"])
    return types


def node_of_type(response, kind):
    for block in jsonld_blocks(response.content):
        for node in block.get("@graph", [block]):
            if node["@type"] == kind:
                return node
    raise AssertionError(f"no {kind} node")


@pytest.fixture
def reviewed_article(seeded):
    return make_reviewed_article()


PAGE_TYPES = {
    "home": ("/", {"MedicalClinic"}),
    "program": (PROGRAM_URL, {"MedicalWebPage", "Service", "BreadcrumbList", "MedicalClinic"}),
    "article": (f"/articles/{SEED_ARTICLE_SLUG}/", {"MedicalWebPage", "Article", "BreadcrumbList"}),
    "article list": ("/articles/", {"CollectionPage", "BreadcrumbList"}),
    "topic": ("/topics/intensive-outpatient-program/", {"CollectionPage", "BreadcrumbList"}),
    "about": ("/about/", {"WebPage", "BreadcrumbList"}),
    "author": ("/authors/ana-ruiz/", {"ProfilePage", "BreadcrumbList"}),
    "contact": ("/contact/", {"MedicalClinic"}),
}


@pytest.mark.parametrize(("url", "types"), PAGE_TYPES.values(), ids=PAGE_TYPES.keys())
def test_each_page_type_carries_json_ld_of_the_right_types(client, reviewed_article, url, types):
    response = client.get(url)
    assert response.status_code == 200
    assert set(jsonld_types(response)) == types
    for block in jsonld_blocks(response.content):
        assert block["@context"] == "https://schema.org"


def test_the_clinic_is_only_on_home_program_and_contact_pages(client, reviewed_article):
    for url in ("/articles/", reviewed_article.get_absolute_url(), "/about/", "/topics/intensive-outpatient-program/"):
        assert "MedicalClinic" not in jsonld_types(client.get(url)), url


def test_the_article_json_ld_names_who_wrote_and_reviewed_it_and_when(client, reviewed_article):
    response = client.get(reviewed_article.get_absolute_url())
    webpage = node_of_type(response, "MedicalWebPage")
    article = node_of_type(response, "Article")
    assert webpage["reviewedBy"] == {
        "@type": "Person",
        "name": "Sam Lee",
        "url": f"{HOST}/authors/sam-lee/",
        "honorificSuffix": "MD",
    }
    assert webpage["lastReviewed"] == "2026-10-01"
    assert article["author"]["name"] == "Ana Ruiz"
    assert article["headline"] == reviewed_article.title
    assert datetime.datetime.fromisoformat(article["datePublished"]) == reviewed_article.published_at
    assert (
        datetime.datetime.fromisoformat(article["dateModified"])
        == Article.objects.get(pk=reviewed_article.pk).updated_at
    )
    assert article["image"].startswith(f"{HOST}/media/renditions/")
    crumbs = node_of_type(response, "BreadcrumbList")["itemListElement"]
    assert [c["name"] for c in crumbs] == ["Home", "Articles", "Intensive Outpatient Program", reviewed_article.title]
    assert crumbs[-1]["item"] == f"{HOST}{reviewed_article.get_absolute_url()}"


def test_editor_text_cannot_break_out_of_the_json_ld(client, seeded):
    article = make_article(title="Evil </script><script>alert(1)</script> & more")
    response = client.get(article.get_absolute_url())
    assert node_of_type(response, "Article")["headline"] == article.title
    assert b"</script><script>alert" not in response.content


def test_the_clinic_keeps_placeholder_details_out_of_search_engines(client, seeded):
    clinic = node_of_type(client.get("/"), "MedicalClinic")
    assert clinic["name"] == "Restoration Recovery Center"
    assert "address" not in clinic and "telephone" not in clinic


def test_the_clinic_names_the_real_address_phone_and_hours_once_confirmed(client, seeded):
    site = SiteSettings.load()
    site.street_address, site.postal_code = "1 Example Way", "95814"
    site.is_placeholder = False
    site.save()
    site.opening_hours.create(first_day=Weekday.MONDAY, last_day=Weekday.FRIDAY, opens="08:00", closes="18:00")
    site.opening_hours.create(first_day=Weekday.SATURDAY, last_day=Weekday.SATURDAY, opens="09:30", closes="13:00")
    clinic = node_of_type(client.get(PROGRAM_URL), "MedicalClinic")
    assert clinic["address"]["streetAddress"] == "1 Example Way"
    assert clinic["address"]["postalCode"] == "95814"
    assert clinic["telephone"] == site.phone
    weekdays = [f"https://schema.org/{day}" for day in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")]
    assert clinic["openingHoursSpecification"] == [
        {"@type": "OpeningHoursSpecification", "dayOfWeek": weekdays, "opens": "08:00", "closes": "18:00"},
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": ["https://schema.org/Saturday"],
            "opens": "09:30",
            "closes": "13:00",
        },
    ]


def test_open_graph_and_twitter_tags_point_to_this_site(client, reviewed_article):
    page = parse_html(client.get(reviewed_article.get_absolute_url()).content)
    og = {el.attrs["property"]: el.attrs["content"] for el in page.find_all("meta") if "property" in el.attrs}
    assert og["og:type"] == "article"
    assert og["og:title"] == reviewed_article.title
    assert og["og:url"] == f"{HOST}{reviewed_article.get_absolute_url()}"
    assert urlsplit(og["og:image"]).netloc == "testserver"
    assert og["og:image"].endswith("-1200.jpg")
    assert (og["og:image:width"], og["og:image:height"]) == ("1200", "750")
    assert page.meta_content("twitter:card") == "summary_large_image"
    assert page.meta_content("twitter:image:alt") == og["og:image:alt"], "the card's image is og:image, described"


def open_graph(page):
    return {el.attrs["property"]: el.attrs["content"] for el in page.find_all("meta") if "property" in el.attrs}


@pytest.mark.parametrize("path", ["/", f"/articles/{SEED_ARTICLE_SLUG}/", "/topics/intensive-outpatient-program/",
                                  "/authors/editorial-team/", "/about/", "/es/"])  # fmt: skip
def test_a_page_without_a_picture_of_its_own_shares_the_centers_image(client, seeded, path):
    page = parse_html(client.get(path).content)
    og = open_graph(page)
    assert "og:image" in og, f"{path}: no og:image, so a shared link shows no picture"
    image = client.get(urlsplit(og["og:image"]).path)
    assert image.status_code == 200 and image["Content-Type"] == "image/png"
    with Image.open(io.BytesIO(b"".join(image.streaming_content))) as picture:
        assert picture.size == (int(og["og:image:width"]), int(og["og:image:height"])) == (1200, 630)
    assert og["og:image:alt"] == "Restoration Recovery Center"
    assert page.meta_content("twitter:card") == "summary_large_image"


def test_the_editorial_team_is_an_organization_of_the_center_not_a_person(client, seeded):
    response = client.get(f"/articles/{SEED_ARTICLE_SLUG}/")
    author = node_of_type(response, "Article")["author"]
    assert author["@type"] == "Organization", author
    assert author["name"] == "Editorial team"
    profile = node_of_type(client.get("/authors/editorial-team/"), "ProfilePage")
    assert profile["mainEntity"]["@type"] == "Organization"


@pytest.mark.parametrize("path", ["/topics/intensive-outpatient-program/", "/authors/editorial-team/"])
def test_topic_and_author_pages_describe_themselves_without_repeating_the_centers_name(client, seeded, path):
    response = client.get(path)
    page = parse_html(response.content)
    description = page.meta_content("description")
    node = jsonld_blocks(response.content)[0]["@graph"][0]
    assert node["description"] == description == open_graph(page)["og:description"], path
    assert len(description.split()) >= 5, f"{path}: {description!r} is no description"
    for text in (page.title, description):
        assert text.count("Restoration Recovery Center") <= 1, f"{path}: {text!r}"


def test_an_article_can_have_its_own_search_title_and_be_hidden_from_search_engines(client, seeded):
    article = make_article(seo_title="Quokkas and sleep", noindex=True)
    page = parse_html(client.get(article.get_absolute_url()).content)
    assert page.title.startswith("Quokkas and sleep |")
    assert page.meta_content("robots") == "noindex"
    assert page.texts("h1") == [article.title]
    assert article.get_absolute_url() not in client.get("/sitemap.xml").content.decode()


def test_the_clinic_tag_works_on_any_page_such_as_the_contact_page(rf, seeded):
    """The contact page (another app) includes ``{% clinic_jsonld %}``; the tag needs only the request and site."""
    html = Template("{% load seo %}{% clinic_jsonld %}").render(
        Context({"request": rf.get("/contact/"), "site": SiteSettings.load()})
    )
    (block,) = jsonld_blocks(html)
    assert block["@type"] == "MedicalClinic"
    assert block["url"] == "http://testserver/"


def feed_items(client):
    response = client.get("/articles/feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    root = ET.fromstring(response.content)  # noqa: S314 - our own feed, rendered in the test
    return {item.findtext("link"): item for item in root.iter("item")}


def test_the_feed_lists_published_articles_only(client, reviewed_article):
    draft = make_article(title="Draft", slug="a-draft", status=Article.Status.DRAFT)
    later = make_article(title="Later", slug="later", published_at=timezone.now() + datetime.timedelta(days=1))
    items = feed_items(client)
    assert f"{HOST}{reviewed_article.get_absolute_url()}" in items
    assert f"{HOST}/articles/{SEED_ARTICLE_SLUG}/" in items
    assert f"{HOST}{draft.get_absolute_url()}" not in items
    assert f"{HOST}{later.get_absolute_url()}" not in items
    assert items[f"{HOST}{reviewed_article.get_absolute_url()}"].findtext("description") == reviewed_article.summary


@pytest.mark.parametrize("path", ["/", "/articles/", PROGRAM_URL, "/no-such-page/"])
def test_pages_announce_the_feed_to_feed_readers(client, seeded, path):
    """Feed readers look for the feed on the page they are given, most often the home page."""
    page = parse_html(client.get(path).content)
    feeds = page.find_all("link", rel="alternate", type="application/rss+xml")
    assert [feed.attrs["href"] for feed in feeds] == [reverse("pages:article_feed")]
    assert feeds[0].attrs["title"] == f"{SiteSettings.load().name}: articles"


def test_the_sitemap_gives_last_modified_dates_and_bio_pages(client, reviewed_article):
    text = client.get("/sitemap.xml").content.decode()
    assert f"<loc>{HOST}/authors/ana-ruiz/</loc>" in text
    assert f"<loc>{HOST}/authors/sam-lee/</loc>" in text
    assert f"<loc>{HOST}{reviewed_article.get_absolute_url()}</loc><lastmod>" in text


def test_people_with_only_unpublished_work_have_no_page_yet(client, seeded):
    person = Person.objects.create(name="Kai Doe", slug="kai-doe")
    make_article(author=person, status=Article.Status.DRAFT)
    assert client.get("/authors/kai-doe/").status_code == 404
    assert "/authors/kai-doe/" not in client.get("/sitemap.xml").content.decode()


def test_robots_txt_disallows_search_and_names_the_sitemap(client, db):
    text = client.get("/robots.txt").content.decode()
    assert "Disallow: /search/" in text.splitlines()
    assert "Sitemap: http://testserver/sitemap.xml" in text


def test_an_editor_redirect_moves_an_old_address_permanently(client, seeded):
    Redirect.objects.create(site_id=1, old_path="/2019/05/old-post/", new_path=f"/articles/{SEED_ARTICLE_SLUG}/")
    response = client.get("/2019/05/old-post/")
    assert response.status_code == 301
    assert response["Location"] == f"/articles/{SEED_ARTICLE_SLUG}/"


def test_an_unknown_address_is_still_a_friendly_404(client, seeded):
    response = client.get("/no-such-old-post/")
    assert response.status_code == 404
    assert "<h1>" in response.content.decode()


def test_an_article_topic_filter_leads_to_the_topic_page(client, seeded):
    response = client.get("/articles/?topic=intensive-outpatient-program")
    assert response.status_code == 302
    assert response["Location"] == "/topics/intensive-outpatient-program/"
    assert client.get("/articles/?topic=no-such-topic").status_code == 404
