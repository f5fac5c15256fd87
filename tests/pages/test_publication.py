"""Drafts and scheduled articles stay out of sight everywhere until they are published."""

import datetime
from urllib.parse import quote

import pytest
from django.utils import timezone

from pages.models import Article
from tests.support.builders import make_article
from tests.support.htmlpage import parse_html

UNPUBLISHED = {
    "draft": {"status": Article.Status.DRAFT},
    "scheduled for tomorrow": {"published_at": timezone.now() + datetime.timedelta(days=1)},
}


def places_the_article_shows(client, article):
    """Where the public can see ``article``: each place mapped to True (shown) or False."""
    url = article.get_absolute_url()
    return {
        "its own page": client.get(url).status_code == 200,
        "the article list": bool(parse_html(client.get("/articles/").content).find_all("a", href=url)),
        "the home page": bool(parse_html(client.get("/").content).find_all("a", href=url)),
        "the sitemap": f"http://testserver{url}" in client.get("/sitemap.xml").content.decode(),
        "search": bool(parse_html(client.get("/search/?q=quokka").content).find_all("a", href=url)),
        "its old permalink": client.get(f"/{quote(article.slug)}/").status_code == 301,
    }


def test_a_published_article_shows_everywhere(client, seeded):
    shown = places_the_article_shows(client, make_article())
    assert shown == dict.fromkeys(shown, True)


@pytest.mark.parametrize("overrides", UNPUBLISHED.values(), ids=UNPUBLISHED.keys())
def test_an_unpublished_article_shows_nowhere(client, seeded, overrides):
    article = make_article(**overrides)
    shown = places_the_article_shows(client, article)
    assert shown == dict.fromkeys(shown, False)


@pytest.mark.parametrize("overrides", UNPUBLISHED.values(), ids=UNPUBLISHED.keys())
def test_an_unpublished_article_and_its_old_permalink_are_404(client, seeded, overrides):
    article = make_article(**overrides)
    assert client.get(article.get_absolute_url()).status_code == 404
    assert client.get(f"/{article.slug}/").status_code == 404
