"""What keeps search cheap as the site grows, as a visitor sees it: a bounded ranking, a shared ranking cache that
never shows stale or private results, index-backed type-ahead and corrections, and empty pages that lead on."""

import datetime
import time

from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.utils import timezone
from django.utils.html import strip_tags

from pages.models import Article, Topic
from search.models import SearchTerm
from search.results import MAX_RESULTS
from tests.support.builders import make_article


def result_links(response):
    return [hit.url for hit in response.context["page_obj"]]


def search(client, query, **params):
    response = client.get("/search/", {"q": query, **params})
    assert response.status_code == 200
    return response


def test_a_broad_query_ranks_a_bounded_set_and_says_there_are_more(client, db):
    for number in range(MAX_RESULTS + 5):
        make_article(title=f"Quokka note {number}", slug=f"note-{number}")
    response = search(client, "quokka")
    text = response.content.decode()
    assert f"More than {MAX_RESULTS} results for “quokka”: here are the best {MAX_RESULTS}." in text
    assert response.context["page_obj"].paginator.num_pages == MAX_RESULTS // 10
    last = search(client, "quokka", page=MAX_RESULTS // 10)
    assert len(result_links(last)) == 10


def test_the_exact_title_comes_first_even_among_more_matches_than_are_ranked(client, db):
    for number in range(MAX_RESULTS + 5):
        make_article(title=f"Quokka note {number}", slug=f"note-{number}")
    make_article(title="Quokka", slug="just-quokka", body="A page about one quokka.")
    assert result_links(search(client, "Quokka"))[0] == "/articles/just-quokka/"


def test_a_newly_published_article_is_found_by_a_search_ranked_before_it(client, db):
    make_article(title="Quokka mornings", slug="mornings")
    assert result_links(search(client, "quokka")) == ["/articles/mornings/"]
    assert result_links(search(client, "quokka")) == ["/articles/mornings/"]  # now served from the ranking cache
    make_article(title="Quokka evenings", slug="evenings")
    assert set(result_links(search(client, "quokka"))) == {"/articles/mornings/", "/articles/evenings/"}


def test_a_ranking_cached_before_a_scheduled_article_goes_live_does_not_hide_it(client, db):
    search(client, "warm-up")  # the first request creates the site settings, which starts a new content generation
    goes_live = timezone.now() + datetime.timedelta(seconds=2)
    make_article(title="Quokka later", slug="later", published_at=goes_live)
    assert result_links(search(client, "quokka")) == []
    assert result_links(search(client, "quokka")) == []
    time.sleep(max(0, (goes_live - timezone.now()).total_seconds()) + 0.1)
    assert result_links(search(client, "quokka")) == ["/articles/later/"]


def everything_stored():
    """Every key and stored value of the default cache, as bytes: local memory, or the Redis database in use."""
    backend = caches["default"]
    if isinstance(backend, LocMemCache):
        return [(key.encode(), pickled) for key, pickled in list(backend._cache.items())]
    redis = backend._cache.get_client(write=False)
    return [(key, redis.get(key) or b"") for key in redis.scan_iter()]


def test_the_shared_cache_never_holds_what_was_searched(client, db):
    make_article(title="Quokka mornings", slug="mornings")
    for query in ["quokka mornings", "quokka 1987", "quokka sam@example.org"]:
        search(client, query)
    stored = b"".join(key + value for key, value in everything_stored())
    assert b"search:ranking:" in stored, "the first search's ranking is kept"
    assert b"quokka" not in stored.lower() and b"sam@" not in stored  # (digits alone occur in the keys' digests)


def test_the_type_ahead_offers_titles_whose_words_start_with_each_word_typed(client, db):
    make_article(title="Keeping Your Job in Treatment", slug="job")
    make_article(title="Jobs and Quokkas", slug="quokkas")
    make_article(title="A secret about jobs", slug="draft", status=Article.Status.DRAFT)
    titles = [item["title"] for item in client.get("/search/suggest/", {"q": "keep jo"}).json()["suggestions"]]
    assert titles == ["Keeping Your Job in Treatment"]
    titles = [item["title"] for item in client.get("/search/suggest/", {"q": "jo"}).json()["suggestions"]]
    assert titles == ["Jobs and Quokkas", "Keeping Your Job in Treatment"], "titles starting so come first"


def test_every_indexed_word_is_a_term_corrections_can_reach(db):
    make_article(title="Naltrexone questions", slug="naltrexone", body="Buprenorphine and naltrexone, 2024.")
    terms = set(SearchTerm.objects.values_list("term", flat=True))
    assert {"naltrexone", "questions", "buprenorphine"} <= terms
    assert "2024" not in terms and "and" in terms


def test_a_rebuilt_index_forgets_the_words_of_deleted_articles(db):
    from django.core.management import call_command

    make_article(title="Zephyrine routines", slug="gone").delete()
    assert SearchTerm.objects.filter(term="zephyrine").exists()
    call_command("rebuild_search_index", verbosity=0)
    assert not SearchTerm.objects.filter(term="zephyrine").exists()


def test_an_empty_search_about_someone_else_leads_to_reading_for_families(client, db):
    family = Topic.objects.create(name="Family", slug="family")
    make_article(title="When a Family Member Drinks", slug="family-drinks", body="What a family can do.").topics.add(
        family
    )
    make_article(title="Quokka mornings", slug="mornings", body="Bring the family along.")
    html = search(client, "my brother vanishes zzqx").content.decode()
    assert "Worried about someone you love? Our page For families explains how to help" in strip_tags(html)
    assert 'href="/families/"' in html
    assert "These articles speak to families too:" in html
    assert 'href="/articles/family-drinks/"' in html
    assert 'href="/articles/mornings/"' not in html, "a family mentioned in passing is not reading for families"
    html = search(client, "vanishes zzqx").content.decode()
    assert "Worried about someone you love?" not in html, "only when the search speaks of someone else"


def test_the_rare_word_of_a_question_outweighs_the_word_every_article_uses(client, db):
    """Searching "alcohol sleep", where most articles are about alcohol and one about sleep: that one comes first,
    ahead of the alcohol article that mentions sleep in its summary."""
    for topic in ["your liver", "your heart", "the holidays"]:
        make_article(title=f"Alcohol and {topic}", slug=f"alcohol-and-{topic.replace(' ', '-')}", summary="Facts.")
    make_article(
        title="Alcohol: the first weeks without it",
        slug="first-weeks",
        summary="Cravings, mood and sleep change as the body adjusts.",
    )
    make_article(
        title="Sleep in early recovery",
        slug="sleep",
        summary="Rest returns with time and a steady routine.",
        body="Alcohol helps you fall asleep but breaks up deep sleep.\n",
    )
    assert result_links(search(client, "alcohol sleep"))[0] == "/articles/sleep/"
