"""Private search analytics: counts per normalised query per day, nothing about who searched.

A query that could identify someone is never stored, one visitor counts once per query and day and can add only
so many queries, the reports show a query only once several searches made it, only searches made from the site's
own pages count, and rows go after 90 days.
"""

import datetime
import io

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import timezone

from search import analytics
from search.models import SearchCount
from tests.support.builders import make_article, make_editor, staff_login
from tests.support.migrations import model_as_of


@pytest.fixture
def client():
    """A browser searching from the site's own pages, as it says in Sec-Fetch-Site."""
    return Client(headers={"Sec-Fetch-Site": "same-origin"})


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
    assert stored == ["id", "query", "language", "day", "searches", "searches_without_results"]
    assert "sessionid" not in client.cookies


def test_searches_are_counted_in_the_language_they_were_made_in(client, db):
    client.get("/search/", {"q": "iop"})
    client.get("/es/search/", {"q": "iop"})
    client.get("/es/search/", {"q": "ayuda"}, REMOTE_ADDR="203.0.113.9")
    client.get("/es/search/", {"q": "ayuda"}, REMOTE_ADDR="203.0.113.10")
    counts = {(row.query, row.language): row.searches for row in SearchCount.objects.all()}
    assert counts == {("iop", "en"): 1, ("iop", "es"): 1, ("ayuda", "es"): 2}


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


def search_from(client, query, *addresses):
    for address in addresses:
        client.get("/search/", {"q": query}, REMOTE_ADDR=address)


THREE_VISITORS = ("198.51.100.1", "198.51.100.2", "198.51.100.3")


def test_editors_see_top_searches_and_searches_with_no_results(editor_client):
    make_article()
    search_from(editor_client, "quokka", *THREE_VISITORS)
    search_from(editor_client, "xylophonequartz", *THREE_VISITORS)
    top = editor_client.get("/admin/search/topsearch/").content.decode()
    assert "quokka" in top and "xylophonequartz" in top
    missing = editor_client.get("/admin/search/searchwithoutresults/").content.decode()
    assert "xylophonequartz" in missing and "quokka" not in missing
    assert editor_client.get("/admin/search/topsearch/add/").status_code == 403


def test_searches_sent_from_other_sites_never_reach_top_searches(editor_client):
    """A page elsewhere can make its visitors' browsers search here. The browser says where the search came from
    (Sec-Fetch-Site), or an older one sends no Referer of ours. An address typed, bookmarked or opened from another
    app (Sec-Fetch-Site: none) is no search made on the site either."""
    planted = "visit evil example com"
    elsewhere = [{"Sec-Fetch-Site": "cross-site"}, {"Sec-Fetch-Site": "none"}, {"Referer": "https://evil.example/"}, {}]
    for number, headers in enumerate(elsewhere):
        Client(headers=headers).get("/search/", {"q": planted}, REMOTE_ADDR=f"198.51.100.{10 + number}")
    here = [
        {"Sec-Fetch-Site": "same-origin"},
        {"Referer": "http://testserver/about/"},
        {"Sec-Fetch-Site": "same-origin"},
    ]
    for address, headers in zip(THREE_VISITORS, here, strict=True):
        Client(headers=headers).get("/search/", {"q": "evening group"}, REMOTE_ADDR=address)
    top = editor_client.get("/admin/search/topsearch/").content.decode()
    assert "evening group" in top
    assert planted not in top
    assert not SearchCount.objects.filter(query=planted).exists()


def test_visitors_cannot_see_the_reports(client, db):
    client.force_login(User.objects.create_user("visitor"))  # signed in, but not staff
    assert client.get("/admin/search/topsearch/").status_code == 302


@pytest.mark.parametrize(
    "query",
    [
        "Jane Doe 916-555-0142 jane.doe@example.org relapse",
        "call 9165550142",
        "jane.doe@example.org",
        "relapse at 42",
        "my husband jane doe keeps relapsing",  # more words than a topic needs
        "supercalifragilistic expialidocious recoveries",  # longer than a topic needs
    ],
)
def test_a_query_that_could_identify_someone_is_never_stored(client, db, query):
    client.get("/search/", {"q": query})
    assert list(SearchCount.objects.values_list("query", flat=True)) == []


def test_a_short_query_of_plain_words_is_stored(client, db):
    client.get("/search/", {"q": "Relapse after detox?"})
    assert list(SearchCount.objects.values_list("query", flat=True)) == ["relapse after detox"]


def test_one_visitor_repeating_a_search_counts_once_a_day(client, db):
    for _ in range(5):
        client.get("/search/", {"q": "relapse"}, REMOTE_ADDR="198.51.100.7")
    assert SearchCount.objects.get(query="relapse").searches == 1


def test_one_client_address_can_add_only_so_many_queries(client, db, monkeypatch):
    monkeypatch.setattr(analytics, "COUNTED_PER_CLIENT", 2)
    for query in ["sleep", "cravings", "nutrition", "anxiety"]:
        client.get("/search/", {"q": query}, REMOTE_ADDR="198.51.100.7")
    client.get("/search/", {"q": "vaping"}, REMOTE_ADDR="198.51.100.8")
    assert set(SearchCount.objects.values_list("query", flat=True)) == {"sleep", "cravings", "vaping"}


def test_the_reports_show_a_query_only_once_several_searches_made_it(editor_client):
    make_article()
    search_from(editor_client, "quokka", "198.51.100.1", "198.51.100.1", "198.51.100.1")  # one person, thrice
    search_from(editor_client, "wombat", "198.51.100.1", "198.51.100.2")  # two people
    search_from(editor_client, "numbat", *THREE_VISITORS)
    today = timezone.localdate()
    for days_ago in (1, 2, 3):  # one search on each of three days
        SearchCount.objects.create(query="bilby", day=today - datetime.timedelta(days=days_ago), searches=1)
    top = editor_client.get("/admin/search/topsearch/").content.decode()
    assert "numbat" in top and "bilby" in top
    assert "quokka" not in top and "wombat" not in top
    missing = editor_client.get("/admin/search/searchwithoutresults/").content.decode()
    assert "numbat" in missing
    assert "quokka" not in missing and "wombat" not in missing
    hidden = SearchCount.objects.get(query="wombat")
    detail = editor_client.get(f"/admin/search/topsearch/{hidden.pk}/change/", follow=True)
    assert "wombat" not in detail.content.decode()


def test_search_counts_older_than_90_days_are_purged(db):
    today = timezone.localdate()
    for days_ago in (0, 89, 90, 91, 400):
        SearchCount.objects.create(query=f"query {days_ago}", day=today - datetime.timedelta(days=days_ago), searches=1)
    out = io.StringIO()
    call_command("purge_search_counts", stdout=out)
    assert sorted(SearchCount.objects.values_list("query", flat=True)) == ["query 0", "query 89", "query 90"]
    assert out.getvalue().strip() == "Deleted 2 search counts older than 90 days."


def test_the_purge_age_can_be_changed_but_not_to_nothing(db):
    SearchCount.objects.create(query="sleep", day=timezone.localdate() - datetime.timedelta(days=8), searches=1)
    call_command("purge_search_counts", "--older-than", "7", stdout=io.StringIO())
    assert not SearchCount.objects.exists()
    with pytest.raises(CommandError, match="at least 1 day"):
        call_command("purge_search_counts", "--older-than", "0")


def test_counts_kept_before_the_rules_above_are_deleted_on_upgrade(transactional_db):
    call_command("migrate", "pages", "0010", stdout=io.StringIO())
    OldSearchCount = model_as_of("pages", "0010", "SearchCount")
    OldSearchCount.objects.create(query="jane doe 916 555 0142 jane doe example org", day=timezone.localdate())
    call_command("migrate", stdout=io.StringIO())  # every app: going back undid search's migrations too
    assert not SearchCount.objects.exists()
