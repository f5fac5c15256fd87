"""Guards over every public page, found through the URL conf and the sitemap, so new pages need no new test."""

import re
import xml.etree.ElementTree as ET
from collections import Counter
from itertools import pairwise
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.db import transaction
from django.test import Client, override_settings
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse
from django.utils import translation

from center.models import SiteSettings
from pages.models import ContentPage
from tests.support.builders import fill_site_settings, make_reviewed_article
from tests.support.htmlpage import parse_html
from tests.support.seed import PROGRAM_URL, SEED_ARTICLE_SLUG, load_seed_content

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
# Search with results and without: the URL conf gives /search/ alone.
SEARCH_PAGES = ["/search/?q=job", "/search/?q=zzzzqqq"]
HOST = "testserver"
# URL namespaces that are not public HTML pages for visitors.
NOT_PUBLIC_NAMESPACES = {"admin"}


def urlconf_patterns(resolver=None, prefix="", namespace=""):
    """(route, view name, has parameters) for every URL pattern outside the staff admin."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            if entry.namespace in NOT_PUBLIC_NAMESPACES:
                continue
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from urlconf_patterns(entry, prefix + str(entry.pattern), inner)
        elif isinstance(entry, URLPattern) and entry.name:
            yield prefix + str(entry.pattern), namespace + entry.name, bool(entry.pattern.converters)


def urlconf_paths():
    """Every parameter-free public URL, reversed from the URL conf, in every language."""
    paths = []
    for language, _ in settings.LANGUAGES:
        with translation.override(language):
            paths += [reverse(name) for _, name, has_parameters in urlconf_patterns() if not has_parameters]
    return list(dict.fromkeys(paths))  # the staff-only addresses outside i18n_patterns are the same in each


def sitemap_paths(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)  # noqa: S314 - our own sitemap, rendered in the test
    paths = []
    for loc in root.findall("sm:url/sm:loc", SITEMAP_NS):
        url = urlsplit(loc.text.strip())
        assert url.netloc == HOST, f"sitemap entry {loc.text} names another host"
        paths.append(url.path + (f"?{url.query}" if url.query else ""))
    return paths


@pytest.fixture(scope="module", params=["seed content", "a fully reviewed article"])
def fetched(request, django_db_setup, django_db_blocker, tmp_path_factory):
    """Every HTML page the URL conf and the sitemap name, plus search, as {url: (response, parsed page)} under
    "pages"; the main menus and the center's number every page must show beside them.

    Every guard runs twice: on the seed, and with an article that has everything an editor can add (hero image,
    reviewer, sources), since the seed article has none of these and their markup must pass the same guards. The
    pages are fetched once for all the guards, in a transaction rolled back afterwards.
    """
    media = override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media"))
    with django_db_blocker.unblock(), transaction.atomic(), media:
        load_seed_content()
        # The Notice of nondiscrimination exists once staff say the center receives federal financial assistance:
        # said here, so that its page passes the same guards as every other.
        fill_site_settings(receives_federal_assistance="yes")
        reviewed = make_reviewed_article() if request.param == "a fully reviewed article" else None
        client = Client()
        urls = list(dict.fromkeys(urlconf_paths() + sitemap_paths(client) + SEARCH_PAGES))
        pages = {}
        for url in urls:
            response = client.get(url)
            if response.status_code == 200 and not response["Content-Type"].startswith("text/html"):
                continue  # sitemap.xml, robots.txt, feeds: not pages
            pages[url] = (response, parse_html(response.content))
        expected = {"menus": main_menus(), "phone_href": SiteSettings.load().phone_href}
        transaction.set_rollback(True)
    if reviewed:
        assert {"/authors/ana-ruiz/", "/authors/sam-lee/", reviewed.get_absolute_url()} <= set(urls)
        assert any(page.find_all("picture") for _, page in pages.values())
    return {"pages": pages, **expected}


@pytest.fixture
def public_pages(fetched):
    """{url: (response, parsed page)} for every public HTML page."""
    return fetched["pages"]


def language_of(path):
    """The language a path is in: its prefix (/es/…) says, as it does for LocaleMiddleware."""
    return translation.get_language_from_path(path) or settings.LANGUAGE_CODE


def view_name(path):
    with translation.override(language_of(path)):  # /es/… resolves while Spanish is active
        return resolve(urlsplit(path).path).view_name


def test_every_url_pattern_with_parameters_has_a_page_in_the_sitemap(client, seeded):
    """So the guards below reach every kind of page, including ones added later."""
    covered = {view_name(path) for path in sitemap_paths(client)}
    missing = [route for route, name, has_parameters in urlconf_patterns() if has_parameters and name not in covered]
    assert missing == [], f"URL patterns with no example in the sitemap: {missing}"


def test_every_public_page_has_a_unique_title(public_pages):
    """Unique within its language: a page and its translation may share a proper name, never a whole title."""
    titles = Counter((language_of(url), page.title) for url, (_, page) in public_pages.items())
    duplicates = {title: count for title, count in titles.items() if count > 1}
    assert duplicates == {}, duplicates


def test_headings_start_at_h1_and_never_skip_a_level(public_pages):
    """Screen-reader users navigate by headings; a jump from h2 to h4 hides the structure."""
    failures = []
    for url, (_, page) in public_pages.items():
        levels = [int(el.tag[1]) for el in page.elements if el.tag in {"h1", "h2", "h3", "h4", "h5", "h6"}]
        if levels and levels[0] != 1:
            failures.append((url, f"the first heading is h{levels[0]}, not h1"))
        failures += [
            (url, f"h{before} is followed by h{after}") for before, after in pairwise(levels) if after > before + 1
        ]
    assert failures == [], failures_report(failures)


def test_every_image_has_alt_width_and_height(public_pages):
    """alt for screen readers; width and height so nothing shifts while images load."""
    failures = [
        (url, f"<img src={el.attrs.get('src')!r}> lacks {attribute}")
        for url, (_, page) in public_pages.items()
        for el in page.find_all("img")
        for attribute in ("alt", "width", "height")
        if el.attrs.get(attribute) is None
    ]
    assert failures == [], failures_report(failures)


def failures_report(failures):
    return "\n".join(f"  {url}: {problem}" for url, problem in failures)


def test_the_sitemap_lists_every_kind_of_public_page(client, seeded):
    expected = {
        "/",
        "/articles/",
        "/contact/",
        f"/articles/{SEED_ARTICLE_SLUG}/",
        "/topics/intensive-outpatient-program/",
        PROGRAM_URL,
        "/about/",
        "/privacy/",
        "/accessibility/",
        "/confidentiality/",
        "/insurance-and-cost/",
        "/families/",
    }
    assert expected <= set(sitemap_paths(client))


def test_every_public_page_answers_200(public_pages):
    failures = [(url, r.status_code) for url, (r, _) in public_pages.items() if r.status_code != 200]
    assert failures == [], failures_report(failures)


def test_every_public_page_has_exactly_one_h1(public_pages):
    failures = [
        (url, f"{len(page.texts('h1'))} <h1> elements: {page.texts('h1')}")
        for url, (_, page) in public_pages.items()
        if len(page.texts("h1")) != 1 or not page.texts("h1")[0]
    ]
    assert failures == [], failures_report(failures)


def test_every_public_page_has_a_title_a_description_a_language_and_a_canonical_link(public_pages):
    failures = []
    for url, (_, page) in public_pages.items():
        if not page.title or page.title.startswith("|"):
            failures.append((url, f"title is {page.title!r}"))
        if not page.meta_content("description"):
            failures.append((url, "no meta description"))
        if not page.find_all("html") or not page.find_all("html")[0].attrs.get("lang"):
            failures.append((url, "no lang on <html>"))
        canonicals = page.link_hrefs("canonical")
        expected = f"http://{HOST}{urlsplit(url).path}"
        if canonicals != [expected]:
            failures.append((url, f"canonical links {canonicals}, expected [{expected!r}]"))
    assert failures == [], failures_report(failures)


def test_every_public_page_announces_the_article_feed_once(public_pages):
    """Feed readers find the feed from any page they are given, the home page above all: the feed of the articles
    in the page's language."""
    failures = []
    for url, (_, page) in public_pages.items():
        with translation.override(language_of(url)):
            feed = reverse("pages:article_feed")
        feeds = [el.attrs.get("href") for el in page.find_all("link", rel="alternate", type="application/rss+xml")]
        if feeds != [feed]:
            failures.append((url, f"feed links {feeds}, expected [{feed!r}]"))
    assert failures == [], failures_report(failures)


def is_this_site(value):
    target = urlsplit(value.strip())
    return (not target.scheme and not target.netloc) or (target.scheme in {"http", "https"} and target.netloc == HOST)


def test_no_page_loads_anything_from_another_origin(public_pages):
    """Scripts, styles, images, fonts, icons and form targets come from this site only; no third party sees a visit."""
    failures = [
        (url, f"<{tag} {attribute}={value!r}>")
        for url, (_, page) in public_pages.items()
        for tag, attribute, value in page.urls()
        if (tag, attribute) != ("a", "href") and not is_this_site(value)
    ]
    assert failures == [], failures_report(failures)


def test_links_to_other_sites_are_plain_outbound_links(public_pages):
    """An editor may cite SAMHSA or a study; such a link tells that site nothing (rel="noopener noreferrer")."""
    failures = []
    for url, (_, page) in public_pages.items():
        for link in page.find_all("a"):
            href = (link.attrs.get("href") or "").strip()
            if urlsplit(href).scheme in {"tel", "sms", "mailto"} or is_this_site(href):  # sms: text AYUDA to 988
                continue
            if urlsplit(href).scheme not in {"http", "https"}:
                failures.append((url, f"<a href={href!r}>: not a web link"))
            elif not {"noopener", "noreferrer"} <= set((link.attrs.get("rel") or "").split()):
                failures.append((url, f'<a href={href!r}> without rel="noopener noreferrer"'))
    assert failures == [], failures_report(failures)


def test_public_pages_have_no_inline_styles_or_scripts(public_pages):
    """The CSP allows only 'self' for scripts and styles, so anything inline would be blocked."""
    failures = []
    for url, (_, page) in public_pages.items():
        failures += [(url, f"style= on <{el.tag}>") for el in page.elements if "style" in el.attrs]
        failures += [(url, "a <style> element") for _ in page.find_all("style")]
        failures += [
            (url, f"inline <script>: {el.text.strip()[:60]!r}")
            for el in page.captured
            if el.tag == "script" and el.text.strip() and el.attrs.get("type") != "application/ld+json"
        ]
    assert failures == [], failures_report(failures)


def main_menu(html):
    """(text, href) of each link in the header's main menu, in order."""
    nav = re.search(r'<nav class="site-nav" aria-label="[^"]+">(.*?)</nav>', html, re.S)
    links = re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', nav.group(1)) if nav else []
    return [(text, href) for href, text in links]


def main_menus():
    """The main menu in each language: the same places, at their addresses in that language (About at the English
    original's while it has no Spanish translation)."""
    spanish_about = ContentPage.objects.published().filter(language="es", translation_of__slug="about").first()
    return {
        "en": [
            ("Programs", PROGRAM_URL),
            ("Insurance and cost", "/insurance-and-cost/"),
            ("For families", "/families/"),
            ("Articles", "/articles/"),
            ("About", "/about/"),
            ("Contact", "/contact/"),
        ],
        "es": [
            ("Programas", f"/es{PROGRAM_URL}"),
            ("Seguro médico y costos", "/es/insurance-and-cost/"),
            ("Para familias", "/es/families/"),
            ("Artículos", "/es/articles/"),
            ("Quiénes somos", spanish_about.get_absolute_url() if spanish_about else "/about/"),
            ("Contacto", "/es/contact/"),
        ],
    }


def test_every_public_page_offers_the_same_main_menu(public_pages, fetched):
    """The same six places, in the same order, wherever a visitor lands (WCAG 3.2.3, consistent navigation)."""
    menus = fetched["menus"]
    failures = [
        (url, f"menu {main_menu(response.content.decode())}")
        for url, (response, _) in public_pages.items()
        if main_menu(response.content.decode()) != menus["es" if url.startswith("/es/") else "en"]
    ]
    assert failures == [], failures_report(failures)


def test_every_public_page_has_the_call_bar_with_the_centers_number(public_pages, fetched):
    """In the HTML itself, not added by script: it is there from the first paint, so nothing shifts."""
    phone_href = re.escape(fetched["phone_href"])
    call_bar = re.compile(rf'<aside class="call-bar"[^>]*>\s*<a [^>]*href="{phone_href}"')
    failures = [
        (url, "no call bar dialling the center")
        for url, (response, _) in public_pages.items()
        if not call_bar.search(response.content.decode())
    ]
    assert failures == [], failures_report(failures)
