"""The home page: the program, the latest article and the way to reach the center."""

import datetime

from django.utils import timezone

from tests.support.builders import make_article
from tests.support.htmlpage import parse_html
from tests.support.seed import PROGRAM_URL, SEED_ARTICLE_SLUG, SEED_ARTICLE_TITLE


def home(client):
    response = client.get("/")
    assert response.status_code == 200
    return parse_html(response.content)


def test_home_shows_the_seed_article_and_links_to_the_program_and_contact(client, seeded):
    page = home(client)
    assert page.find_all("a", href=f"/articles/{SEED_ARTICLE_SLUG}/")
    assert SEED_ARTICLE_TITLE in page.text
    assert page.find_all("a", href=PROGRAM_URL)
    assert page.find_all("a", href="/contact/")


def test_home_shows_the_newest_article_first(client, seeded):
    make_article(title="Older Note", slug="older-note", published_at=timezone.now() - datetime.timedelta(days=9000))
    newest = make_article(title="Newest Note", slug="newest-note", published_at=timezone.now())
    hrefs = [a.attrs.get("href", "") for a in home(client).find_all("a")]
    article_links = [href for href in hrefs if href.startswith("/articles/") and href != "/articles/"]
    assert article_links[0] == newest.get_absolute_url()


def test_home_shows_at_most_three_articles(client, seeded):
    for n in range(4):
        make_article(title=f"Note {n}", slug=f"note-{n}")
    page = home(client)
    cards = [el for el in page.find_all("article") if "article-card" in el.attrs.get("class", "")]
    assert len(cards) == 3
