"""Markdown from editors becomes safe HTML: no scripts, handlers, styles or javascript: links survive."""

from urllib.parse import urlsplit

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from restoration.markdown import render_markdown
from tests.support.builders import make_article
from tests.support.htmlpage import parse_html

HOSTILE = {
    "script element": "Hello\n\n<script>alert('x')</script>\n",
    "event handler": 'Look: <img src="x.png" onerror="alert(1)">\n',
    "handler on an allowed tag": '<a href="/ok/" onclick="alert(1)">ok</a>\n',
    "style attribute": '<p style="color: red">Red text</p>\n',
    "style element": "<style>body { display: none }</style>\n\nText\n",
    "javascript: link in Markdown": "[click me](javascript:alert(1))\n",
    "javascript: link in HTML": '<a href="javascript:alert(1)">click me</a>\n',
    "iframe": '<iframe src="https://evil.example.com/"></iframe>\n',
}


@pytest.mark.parametrize("source", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_markup_is_removed(source):
    html = render_markdown(source).lower()
    for forbidden in ("<script", "onerror", "onclick", "style=", "<style", "javascript:", "<iframe", "alert"):
        assert forbidden not in html


def test_the_words_around_hostile_markup_survive():
    assert "Red text" in render_markdown('<p style="color: red">Red text</p>\n')
    assert "click me" in render_markdown("[click me](javascript:alert(1))\n")


@pytest.mark.parametrize(
    "source",
    [
        "Read [the guide](https://www.samhsa.gov/find-help) today.\n",
        'Read <a href="https://www.samhsa.gov/find-help" title="a > b">the guide</a> today.\n',
        'Read <a rel="opener" href="https://www.samhsa.gov/find-help">the guide</a> today.\n',
    ],
    ids=["Markdown link", "HTML link", "HTML link asking for the opener"],
)
def test_links_to_other_sites_tell_them_nothing_about_this_one(source):
    """The other site learns neither the page nor this site's name (an addiction-treatment site) from a click."""
    (link,) = parse_html(render_markdown(source)).find_all("a")
    assert link.attrs["href"] == "https://www.samhsa.gov/find-help"
    assert sorted(link.attrs["rel"].split()) == ["noopener", "noreferrer"]


@pytest.mark.parametrize("href", ["/contact/", "#getting-started", "tel:988", "mailto:help@example.org"])
def test_links_within_the_site_keep_the_referrer(href):
    """The contact form records the page a visitor came from by its Referer, so a link to it must send one."""
    (link,) = parse_html(render_markdown(f"[Write to us]({href}).\n")).find_all("a")
    assert link.attrs["href"] == href
    assert "noreferrer" not in (link.attrs.get("rel") or "").split()


def test_phone_and_email_links_are_kept():
    page = parse_html(render_markdown("[Call](tel:+19165550100) or [write](mailto:help@example.org).\n"))
    assert [a.attrs["href"] for a in page.find_all("a")] == ["tel:+19165550100", "mailto:help@example.org"]


def test_section_headings_get_ids_for_linking():
    page = parse_html(render_markdown("## Getting Started\n\nText.\n"))
    (heading,) = page.find_all("h2")
    assert heading.attrs["id"] == "getting-started"
    assert page.texts("h2") == ["Getting Started"]


def test_typographic_characters_pass_through_unchanged():
    source = "It can make the transition back to “real life” jarring—at first.\n"
    assert "“real life” jarring—at first." in parse_html(render_markdown(source)).text


def test_saving_an_article_stores_its_sanitised_html(db):
    article = make_article(body="Safe words.\n\n<script>alert(1)</script>\n")
    assert "<p>Safe words.</p>" in article.body_html
    assert "script" not in article.body_html


HOSTILE_FRAGMENTS = [
    *HOSTILE.values(),
    "<svg onload=alert(1)>",
    '<a href=" javascript:alert(1)">x</a>',
    "[x](JaVaScRiPt:alert(1))",
]
SAFE_SCHEMES = {"", "http", "https", "mailto", "tel"}


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(HOSTILE_FRAGMENTS), st.text(max_size=40)), max_size=8))
def test_no_mixture_of_text_and_hostile_markup_gets_through(pieces):
    page = parse_html(render_markdown("\n".join(pieces)))
    for element in page.elements:
        assert element.tag not in {"script", "style", "iframe", "img", "svg"}
        assert not [name for name in element.attrs if name.startswith("on") or name == "style"]
        if "href" in element.attrs:
            assert urlsplit(element.attrs["href"].strip()).scheme.lower() in SAFE_SCHEMES


def test_words_in_another_language_keep_their_lang_and_links_their_hreflang():
    html = render_markdown(
        'Fuente (en inglés): <a href="https://nida.nih.gov/" lang="en" hreflang="en"><em>Principles</em></a>\n\n'
        '<ul lang="en" onclick="x()">\n<li>National Institute on Drug Abuse</li>\n</ul>\n'
    )
    assert '<a href="https://nida.nih.gov/" lang="en" hreflang="en" rel="noopener noreferrer">' in html
    assert '<ul lang="en">' in html
    assert "onclick" not in html
