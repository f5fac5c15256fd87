"""hreflang: each page names its versions in the other language, in its <head> and in the sitemap, both ways.

Search engines ignore an alternate that the other page does not name back, so every pair is checked from both ends,
and English is the x-default (what a visitor of any other language is shown).
"""

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from pages.models import Article
from tests.support.builders import make_article
from tests.support.htmlpage import parse_html
from tests.support.prerequisites import missing_prerequisite
from tests.support.seed import load_seed_content

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
# The sitemaps.org schema, with the XHTML alternate links a sitemap may carry beside its own elements.
SITEMAP_SCHEMA = Path(__file__).resolve().parent.parent / "support" / "schemas" / "sitemap-with-alternates.xsd"


@pytest.fixture
def translated_article(db):
    load_seed_content()
    english = make_article(title="Sleep in early recovery", slug="sleep-in-early-recovery")
    spanish = make_article(
        title="El sueño en la recuperación temprana",
        slug="el-sueno-en-la-recuperacion-temprana",
        language="es",
        translation_of=english,
    )
    make_article(title="Solo en inglés", slug="only-in-english")  # no translation: no alternates
    return english, spanish


def sitemap_alternates(client):
    """{page URL: {hreflang: URL}} from sitemap.xml."""
    root = ET.fromstring(client.get("/sitemap.xml").content)  # noqa: S314 - our own sitemap, rendered in the test
    return {
        url.findtext(f"{SITEMAP}loc"): {
            link.get("hreflang"): link.get("href") for link in url.findall(f"{XHTML}link[@rel='alternate']")
        }
        for url in root.findall(f"{SITEMAP}url")
    }


def head_alternates(client, url):
    page = parse_html(client.get(url).content)
    return {
        el.attrs["hreflang"]: el.attrs["href"]
        for el in page.find_all("link", rel="alternate")
        if "hreflang" in el.attrs
    }


def test_every_alternate_in_the_sitemap_is_listed_and_names_its_page_back(client, translated_article):
    alternates = sitemap_alternates(client)
    paired = {url: links for url, links in alternates.items() if links}
    assert paired, "no page in the sitemap names a version in another language"
    for url, links in paired.items():
        assert url in links.values(), f"{url} does not list itself among its alternates"
        assert links.get("x-default") == links["en"], f"{url}: x-default is not the English page"
        for language, target in links.items():
            assert target in alternates, f"{url} names {target}, which the sitemap does not list"
            assert alternates[target] == links, f"{target} does not name the same versions back as {url}"
            if language != "x-default":
                assert (language == "es") == ("/es/" in target), f"{target} is not a page in {language}"


def test_a_translated_article_and_its_original_name_each_other(client, translated_article):
    english, spanish = translated_article
    base = "http://testserver"
    expected = {
        "en": base + english.get_absolute_url(),
        "es": base + spanish.get_absolute_url(),
        "x-default": base + english.get_absolute_url(),
    }
    assert spanish.get_absolute_url() == "/es/articles/el-sueno-en-la-recuperacion-temprana/"
    assert sitemap_alternates(client)[expected["en"]] == expected
    assert sitemap_alternates(client)[expected["es"]] == expected
    assert head_alternates(client, english.get_absolute_url()) == expected
    assert head_alternates(client, spanish.get_absolute_url()) == expected


def test_a_page_in_one_language_names_no_alternates(client, translated_article):
    assert sitemap_alternates(client)["http://testserver/articles/only-in-english/"] == {}
    assert head_alternates(client, "/articles/only-in-english/") == {}


def test_a_draft_translation_is_never_named(client, translated_article):
    english, spanish = translated_article
    Article.objects.filter(pk=spanish.pk).update(status=Article.Status.DRAFT)
    assert head_alternates(client, english.get_absolute_url()) == {}
    assert not re.search(r"el-sueno", client.get("/sitemap.xml").content.decode())


@pytest.mark.parametrize("path", ["/", "/contact/", "/insurance-and-cost/", "/es/", "/es/contact/"])
def test_pages_of_every_language_name_each_other_in_the_head(client, translated_article, path):
    english_path = path.removeprefix("/es")
    links = head_alternates(client, path)
    assert links == {
        "en": f"http://testserver{english_path}",
        "es": f"http://testserver/es{english_path}",
        "x-default": f"http://testserver{english_path}",
    }


def test_the_sitemap_is_valid_against_the_sitemaps_org_schema(client, translated_article):
    if not shutil.which("xmllint"):
        missing_prerequisite("xmllint (Debian's libxml2-utils) checks the sitemap against its schema")
    checked = subprocess.run(
        ["xmllint", "--noout", "--schema", str(SITEMAP_SCHEMA), "-"],
        input=client.get("/sitemap.xml").content,
        capture_output=True,
        check=False,
    )
    assert checked.returncode == 0, checked.stderr.decode()


@pytest.mark.parametrize("path", ["/topics/intensive-outpatient-program/", "/authors/editorial-team/"])
def test_topic_and_author_pages_are_listed_in_both_languages_naming_each_other(client, translated_article, path):
    base = "http://testserver"
    expected = {"en": base + path, "es": f"{base}/es{path}", "x-default": base + path}
    alternates = sitemap_alternates(client)
    assert alternates.get(expected["en"]) == expected, f"{path} is not listed with its Spanish version"
    assert alternates.get(expected["es"]) == expected, f"/es{path} is not listed with its English version"
    assert head_alternates(client, f"/es{path}") == expected
