"""Publishing from the admin, as editors do it: what visitors see and find follows at once."""

import pytest
from django.test import Client

from pages.models import Article
from tests.builders import make_article, make_editor, staff_login
from tests.htmlpage import parse_html

CHANGE_LIST = "/admin/pages/article/"


@pytest.fixture
def editor(db):
    """A signed-in editor (password and second factor), in a browser of their own."""
    editor = Client()
    staff_login(editor, make_editor())
    return editor


def run_action(editor, action, *articles):
    response = editor.post(
        CHANGE_LIST, {"action": action, "_selected_action": [article.pk for article in articles]}, follow=True
    )
    assert response.status_code == 200
    return parse_html(response.content).text


def what_a_visitor_finds(client, article):
    """Where a visitor meets ``article``: its page, the search results, the type-ahead and "Did you mean"."""
    results = parse_html(client.get("/search/", {"q": "quokka mornings"}).content)
    typo = parse_html(client.get("/search/", {"q": "quokkka"}).content)  # a typo, corrected from published words
    suggestions = client.get("/search/suggest/", {"q": "quokka mor"}).json()["suggestions"]
    return {
        "its page": client.get(article.get_absolute_url()).status_code == 200,
        "search": bool(results.find_all("a", href=article.get_absolute_url())),
        "type-ahead": article.title in [item["title"] for item in suggestions],
        "did you mean": "Did you mean quokka?" in typo.text,
    }


def test_unpublish_and_publish_actions_change_what_search_finds_at_once(client, editor):
    article = make_article()
    everywhere = dict.fromkeys(what_a_visitor_finds(client, article), True)
    assert what_a_visitor_finds(client, article) == everywhere

    assert "1 article(s) are drafts again" in run_action(editor, "unpublish", article)
    assert what_a_visitor_finds(client, article) == dict.fromkeys(everywhere, False)

    assert "1 article(s) published" in run_action(editor, "publish_now", article)
    assert what_a_visitor_finds(client, article) == everywhere


def test_publish_now_makes_a_draft_findable_at_once(client, editor):
    article = make_article(status=Article.Status.DRAFT)
    run_action(editor, "publish_now", article)
    assert what_a_visitor_finds(client, article) == dict.fromkeys(what_a_visitor_finds(client, article), True)
