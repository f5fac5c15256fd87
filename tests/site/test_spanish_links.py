"""A Spanish speaker who follows any link of a Spanish page's header, footer or main content lands on a Spanish page,
or was told before following it that it leads to English (``hreflang="en"``).

Walked as she would: from the Spanish home and every Spanish page type, through every /es/ page their links reach,
with the center's facts entered and the Spanish article published, so that no link is left out for being empty.
"""

import re
from urllib.parse import urldefrag, urlsplit

import pytest

from pages.models import Article
from tests.support.builders import fill_center_facts
from tests.support.htmlpage import parse_html
from tests.support.page_types import EXPECTED_STATUS, SPANISH_PAGES

# The parts of a page a visitor reads and follows links in; the crisis banner and call bar only call or text.
REGIONS = {
    "header": re.compile(r'<header class="site-header">.*?</header>', re.DOTALL),
    "main": re.compile(r"<main\b.*?</main>", re.DOTALL),
    "footer": re.compile(r'<footer class="site-footer">.*</footer>', re.DOTALL),
}
NOT_PAGES = ("tel:", "sms:", "mailto:")
# The page type that shows how "page not found" reads in Spanish.
MISSING = {path for name, path in SPANISH_PAGES if EXPECTED_STATUS.get(name) == 404}
# The English content pages that must have a Spanish version of their own (the privacy page's is issue 27's).
TRANSLATED_PAGES = ["/es/about/", "/es/confidentiality/", "/es/accessibility/"]


def links_by_region(html):
    """[(region, <a> attributes, link text)] for every link in the page's header, main content and footer."""
    found = []
    for region, pattern in REGIONS.items():
        match = pattern.search(html)
        assert match, f"the page has no {region}"
        page = parse_html(match.group())
        found += [(region, link.attrs, " ".join(link.text.split())) for link in page.find_all("a")]
    return found


def html_lang(response):
    (html,) = parse_html(response.content).find_all("html")
    return html.attrs.get("lang")


def walk_spanish_pages(client, start):
    """Every link of every /es/ page reachable from ``start`` by the links of header, main and footer:
    {(page, region, href, text, hreflang): where it led (the language of the page, or what went wrong)}."""
    seen, queue, outcome, landed = set(start), list(start), {}, {}
    while queue:
        path = queue.pop()
        response = client.get(path, follow=True)
        expected = 404 if path in MISSING else 200
        assert response.status_code == expected, f"{path} answered {response.status_code}"
        for region, attrs, text in links_by_region(response.content.decode()):
            href = attrs.get("href", "")
            if href.startswith(NOT_PAGES) or href.startswith("#"):
                continue
            key = (path, region, href, text, attrs.get("hreflang"))
            target = urldefrag(href).url
            if attrs.get("hreflang") == "en":
                outcome[key] = "en (said so)"
            elif urlsplit(target).netloc:
                outcome[key] = "another site, not said to be English"
            else:
                if target not in landed:
                    answer = client.get(target, follow=True)
                    if answer.status_code != 200:
                        landed[target] = f"status {answer.status_code}"
                    elif not answer["Content-Type"].startswith("text/html"):
                        landed[target] = answer["Content-Type"].split(";")[0]
                    else:
                        landed[target] = html_lang(answer)
                outcome[key] = landed[target]
                if landed[target] == "es" and target not in seen:
                    seen.add(target)
                    queue.append(target)
    return outcome


@pytest.fixture
def center_in_spanish(seeded):
    """The site as the center runs it: every fact entered, and the Spanish article published after its review."""
    fill_center_facts()
    Article.objects.filter(language="es").update(
        status=Article.Status.PUBLISHED, published_at=Article.objects.get(language="en").published_at
    )


def test_every_link_of_every_spanish_page_leads_to_spanish_or_says_it_leads_to_english(client, center_in_spanish):
    outcome = walk_spanish_pages(client, ["/es/", *(path for _, path in SPANISH_PAGES), *TRANSLATED_PAGES])
    # The article feed is a feed reader's, in the feed's own language (<language>es</language>).
    wrong = {
        key: led_to for key, led_to in outcome.items() if led_to not in ("es", "en (said so)", "application/rss+xml")
    }
    assert not wrong, "\n".join(
        f"{page} ({region}) “{text}” → {href}: {led}" for (page, region, href, text, _), led in wrong.items()
    )
    pages = {page for page, *_ in outcome}
    assert set(TRANSLATED_PAGES) <= pages and len(pages) > 20, sorted(pages)


def test_a_link_to_an_english_page_says_so_in_words(client, center_in_spanish):
    """hreflang tells the browser; “(en inglés)” tells her, before she taps."""
    Article.objects.filter(language="es").update(status=Article.Status.DRAFT)
    # A content page whose translation is withdrawn: its links lead to the English original again.
    from pages.models import ContentPage

    ContentPage.objects.filter(language="es", slug="accessibility").update(status=ContentPage.Status.DRAFT)
    links = links_by_region(client.get("/es/").content.decode())
    assert ("footer", {"href": "/accessibility/", "hreflang": "en"}, "Accesibilidad (en inglés)") in links
    accreditation = [(attrs, text) for region, attrs, text in links if text.startswith("Acreditado por")]
    assert accreditation == [
        (
            {"href": "https://quality-check.example.org/center/1234", "rel": "noopener noreferrer", "hreflang": "en"},
            "Acreditado por The Joint Commission (en inglés)",
        )
    ]


@pytest.mark.parametrize("path", TRANSLATED_PAGES)
def test_about_confidentiality_and_accessibility_answer_in_spanish(client, seeded, path):
    response = client.get(path)
    assert response.status_code == 200
    assert html_lang(response) == "es"
    english = path.removeprefix("/es")
    switch = [link.attrs["href"] for link in parse_html(response.content).find_all("a", **{"class": "language-switch"})]
    assert switch == [english], "the switcher leads to the same page in English"
    back = parse_html(client.get(english).content).find_all("a", **{"class": "language-switch"})
    assert [link.attrs["href"] for link in back] == [path], "and from English back to it, not to the Spanish home"


def test_the_insurance_page_says_the_no_surprises_site_is_in_english(client, seeded):
    assert "www.cms.gov/nosurprises (en inglés)" in parse_html(client.get("/es/insurance-and-cost/").content).text


@pytest.mark.parametrize(("path", "other"), [("/es/search/", "/search/"), ("/search/", "/es/search/")])
def test_the_switcher_on_a_search_searches_the_same_words_in_the_other_language(client, seeded, path, other):
    page = parse_html(client.get(path, {"q": "seguro médico", "page": "1"}).content)
    (switch,) = page.find_all("a", **{"class": "language-switch"})
    assert switch.attrs["href"] == f"{other}?q=seguro+m%C3%A9dico&page=1"
