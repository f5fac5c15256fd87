"""An article page shows the editor's words exactly, and old WordPress addresses still lead to it."""

import re

from tests.support.htmlpage import normalise_space, parse_html
from tests.support.seed import SEED_ARTICLE_FILE, SEED_ARTICLE_SLUG, SEED_ARTICLE_TITLE

ARTICLE_URL = f"/articles/{SEED_ARTICLE_SLUG}/"


def seed_article_body():
    """The Markdown after the front matter of the seed article."""
    text = SEED_ARTICLE_FILE.read_text(encoding="utf-8")
    return text.split("\n---\n", 1)[1]


def seed_paragraphs_and_headings():
    blocks = [block.strip() for block in re.split(r"\n\s*\n", seed_article_body()) if block.strip()]
    headings = [block.removeprefix("## ") for block in blocks if block.startswith("## ")]
    # A link reads as its words: [when sessions meet](/programs/…) is "when sessions meet" on the page.
    paragraphs = [
        normalise_space(re.sub(r"\[([^]]+)\]\([^)]+\)", r"\1", block))
        for block in blocks
        if not block.startswith("## ")
    ]
    return paragraphs, headings


def test_the_seed_article_has_the_expected_shape():
    paragraphs, headings = seed_paragraphs_and_headings()
    assert len(headings) == 5
    assert len(paragraphs) == 6
    assert any("“real life”" in p for p in paragraphs)
    assert any("triggers—whether" in p for p in paragraphs)


def test_the_article_page_shows_every_paragraph_word_for_word(client, seeded):
    response = client.get(ARTICLE_URL)
    assert response.status_code == 200
    page_text = parse_html(response.content).text
    paragraphs, _ = seed_paragraphs_and_headings()
    missing = [paragraph[:80] for paragraph in paragraphs if paragraph not in page_text]
    assert missing == []


def test_the_article_sections_are_h2_headings_with_the_exact_text(client, seeded):
    page = parse_html(client.get(ARTICLE_URL).content)
    _, headings = seed_paragraphs_and_headings()
    h2s = page.texts("h2")
    assert [h for h in h2s if h in headings] == headings
    assert page.texts("h1") == [SEED_ARTICLE_TITLE]


def test_the_article_page_describes_itself_with_its_summary(client, seeded):
    page = parse_html(client.get(ARTICLE_URL).content)
    assert page.meta_content("description").startswith("You do not have to choose between your job")
    assert page.title.startswith(SEED_ARTICLE_TITLE)


def test_the_old_wordpress_permalink_moves_permanently_to_the_article(client, seeded):
    response = client.get(f"/{SEED_ARTICLE_SLUG}/")
    assert response.status_code == 301
    assert response["Location"] == ARTICLE_URL


def test_the_article_list_and_topic_page_link_to_the_article(client, seeded):
    for url in ("/articles/", "/topics/intensive-outpatient-program/"):
        page = parse_html(client.get(url).content)
        assert page.find_all("a", href=ARTICLE_URL), url
