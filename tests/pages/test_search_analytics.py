"""Private search analytics: counts per normalised query per day, nothing about who searched."""

import pytest
from django.contrib.auth.models import User
from django.utils import timezone

from pages.models import SearchCount
from tests.builders import make_article, make_editor, staff_login


def test_searches_are_counted_per_normalised_query_per_day_with_nothing_about_the_visitor(client, db):
    make_article()
    client.get("/search/", {"q": "Quokka"}, REMOTE_ADDR="203.0.113.9")
    client.get("/search/", {"q": "  quokka!! "})
    client.get("/search/", {"q": "quokka", "page": "2"})  # the next page of a search is not another search
    client.get("/search/", {"q": "xylophonequartz"})
    counts = {row.query: (row.searches, row.searches_without_results) for row in SearchCount.objects.all()}
    assert counts == {"quokka": (2, 0), "xylophonequartz": (1, 1)}
    assert {row.day for row in SearchCount.objects.all()} == {timezone.localdate()}
    stored = [field.name for field in SearchCount._meta.get_fields()]
    assert stored == ["id", "query", "day", "searches", "searches_without_results"]
    assert "sessionid" not in client.cookies


def test_analytics_can_be_turned_off(client, db, settings):
    settings.SEARCH_ANALYTICS = False
    client.get("/search/", {"q": "quokka"})
    assert not SearchCount.objects.exists()


def test_an_empty_query_is_not_counted(client, db):
    client.get("/search/", {"q": " \x00 🙂 "})
    assert not SearchCount.objects.exists()


@pytest.fixture
def editor_client(client, db):
    staff_login(client, make_editor())
    return client


def test_editors_see_top_searches_and_searches_with_no_results(editor_client):
    make_article()
    for query in ["quokka", "quokka", "xylophonequartz"]:
        editor_client.get("/search/", {"q": query})
    top = editor_client.get("/admin/pages/topsearch/").content.decode()
    assert "quokka" in top and "xylophonequartz" in top
    missing = editor_client.get("/admin/pages/searchwithoutresults/").content.decode()
    assert "xylophonequartz" in missing and "quokka" not in missing
    assert editor_client.get("/admin/pages/topsearch/add/").status_code == 403


def test_visitors_cannot_see_the_reports(client, db):
    client.force_login(User.objects.create_user("visitor"))  # signed in, but not staff
    assert client.get("/admin/pages/topsearch/").status_code == 302
