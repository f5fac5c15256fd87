"""Site search as a visitor meets it: ranked, stemmed, highlighted safely, published items only, any input."""

import datetime
import io
import re

import pytest
from django.core.management import call_command
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pages.models import Article, ContentPage, Program, Topic
from search.models import SearchEntry, Synonym
from search.query import did_you_mean
from tests.search.search_corpus import ARTICLES, QUERIES, SPANISH_QUERIES, make_spanish_items
from tests.support.builders import SEEDED_SYNONYMS, make_article, seed_synonyms
from tests.support.htmlpage import parse_html
from tests.support.seed import SEED_ARTICLE_SLUG


@pytest.fixture(autouse=True)
def _synonyms(db):
    seed_synonyms()


def result_links(response):
    """The result URLs of a search page, best first."""
    return re.findall(r'<h2 class="search-result-title"><a href="([^"]+)"', response.content.decode())


def search(client, query, **params):
    response = client.get("/search/", {"q": query, **params})
    assert response.status_code == 200
    return response


def test_job_finds_the_work_and_recovery_article_first_with_the_word_highlighted(client, seeded):
    response = search(client, "job")
    assert result_links(response)[0] == f"/articles/{SEED_ARTICLE_SLUG}/"
    assert "<mark>job</mark>" in response.content.decode().lower()


def test_stemming_finds_work_when_you_type_working(client, db):
    make_article(title="Steady Evenings", slug="steady-evenings", body="How people work through the week.\n")
    assert result_links(search(client, "working")) == ["/articles/steady-evenings/"]


def test_a_phrase_on_the_synonym_list_finds_what_means_the_same(client, db):
    make_article(title="Steady Evenings", slug="steady-evenings", body="Addiction is treatable.\n")
    assert result_links(search(client, "substance use disorder")) == ["/articles/steady-evenings/"]


def test_a_title_match_outranks_a_body_mention(client, db):
    make_article(title="Sleep in early recovery", slug="sleep", body="Rest matters.\n")
    make_article(title="Family visits", slug="family", body="Sleep sleep sleep, and more about sleep.\n")
    assert result_links(search(client, "sleep")) == ["/articles/sleep/", "/articles/family/"]


def test_the_exact_title_comes_first(client, db):
    make_article(title="Relapse", slug="relapse", body="A short note.\n")
    make_article(title="Relapse prevention plans", slug="plans", summary="Relapse, relapse.", body="Relapse.\n")
    assert result_links(search(client, "relapse"))[0] == "/articles/relapse/"


def test_content_pages_are_found_too(client, seeded):
    links = result_links(search(client, "confidentiality"))
    assert any(link.startswith("/confidentiality") for link in links)


def test_drafts_scheduled_and_unpublished_items_never_appear(client, db):
    make_article(title="Quokka draft", slug="draft", status=Article.Status.DRAFT)
    make_article(title="Quokka later", slug="later", published_at=timezone.now() + datetime.timedelta(days=1))
    live = make_article(title="Quokka live", slug="live")
    assert result_links(search(client, "quokka")) == ["/articles/live/"]
    live.status = Article.Status.DRAFT
    live.save()
    response = search(client, "quokka")
    assert result_links(response) == []
    assert "0 results" in response.content.decode()


def test_a_scheduled_article_appears_when_its_time_comes_without_a_save(client, db):
    article = make_article(title="Quokka later", slug="later", published_at=timezone.now() + datetime.timedelta(days=1))
    assert result_links(search(client, "quokka")) == []
    Article.objects.filter(pk=article.pk).update(published_at=timezone.now() - datetime.timedelta(minutes=1))
    SearchEntry.objects.filter(object_id=article.pk).update(published_at=timezone.now() - datetime.timedelta(minutes=1))
    assert result_links(search(client, "quokka")) == ["/articles/later/"]


def test_deleting_an_article_removes_it_from_results(client, db):
    make_article().delete()
    assert result_links(search(client, "quokka")) == []
    assert not SearchEntry.objects.exists()


def test_renaming_a_topic_updates_the_articles_found_by_it(client, db):
    topic = Topic.objects.create(name="Families", slug="families")
    make_article().topics.add(topic)
    topic.name = "Wombats"
    topic.save()
    response = search(client, "wombats")
    assert result_links(response) == ["/articles/quokka-mornings-in-recovery/"]
    assert "Wombats" in response.content.decode()


def test_indexed_text_is_escaped_before_highlighting(client, db):
    make_article(title="<b>Quokka</b> & <script>x</script>", slug="html", body="Quokka <img src=x onerror=1> tips.\n")
    html = search(client, "quokka").content.decode()
    assert "<mark>Quokka</mark>" in html
    assert "<script>x</script>" not in html and "<b>" not in html and "onerror=1>" not in html


def snippets(response):
    return [
        parse_html(f"<p>{snippet}</p>").text
        for snippet in re.findall(r'<p class="search-result-snippet">(.*?)</p>', response.content.decode(), re.S)
    ]


def test_a_snippet_keeps_a_heading_apart_from_the_paragraph_after_it(client, db):
    body = (
        "## Practice new skills the very next day\n\n"
        "Because you keep living at home, wallabies help.\n\n"
        "- Rest well\n- Eat well\n"
    )
    make_article(title="Evening Routines", slug="evening-routines", body=body)
    (snippet,) = snippets(search(client, "wallabies"))
    assert "the very next day. Because you keep living" in snippet, snippet
    assert "Rest well. Eat well" in snippet, snippet


def test_rebuild_search_index_restores_a_lost_index(client, seeded):
    SearchEntry.objects.all().delete()
    assert result_links(search(client, "job")) == []
    out = io.StringIO()
    call_command("rebuild_search_index", stdout=out)
    total = Article.objects.count() + ContentPage.objects.count() + Program.objects.count()
    assert f"Indexed {total} articles, pages and programs." in out.getvalue()
    assert result_links(search(client, "job"))[0] == f"/articles/{SEED_ARTICLE_SLUG}/"


def test_results_are_paginated_and_keep_the_query(client, db):
    for number in range(12):
        make_article(title=f"Quokka note {number}", slug=f"note-{number}")
    first = search(client, "quokka")
    assert "12 results" in first.content.decode()
    assert len(result_links(first)) == 10
    assert 'href="?q=quokka&amp;page=2"' in first.content.decode()
    assert len(result_links(search(client, "quokka", page=2))) == 2
    assert 'value="quokka"' in first.content.decode()


def test_nothing_found_offers_topics_the_phone_and_the_contact_link(client, seeded):
    html = search(client, "xylophonequartz").content.decode()
    page = parse_html(html)
    assert "0 results" in html and "Nothing matched your search" in html
    assert page.find_all("a", href="/contact/")
    assert any(href.startswith("tel:") for href in page.link_hrefs(None) or []) or "tel:" in html
    assert page.meta_content("robots") == "noindex"


def test_a_very_long_query_is_trimmed_with_a_notice(client, seeded):
    html = search(client, "job " * 2500).content.decode()
    assert "Your search was long, so we used its first 200 characters." in html
    assert f"/articles/{SEED_ARTICLE_SLUG}/" in html


def test_repeated_q_parameters_use_the_last_one(client, seeded):
    response = client.get("/search/?q=xylophone&q=job")
    assert response.status_code == 200
    assert result_links(response)[0] == f"/articles/{SEED_ARTICLE_SLUG}/"


@pytest.mark.parametrize("path", ["/search/", "/search/suggest/"])
def test_results_and_type_ahead_are_kept_by_no_browser_or_shared_cache(client, seeded, path):
    """What someone types about their own health must not stay in a disk cache or a proxy."""
    response = client.get(path, {"q": "relapse"})
    assert response.status_code == 200
    directives = {part.strip() for part in response.get("Cache-Control", "").split(",")}
    assert {"private", "no-store"} <= directives, response.get("Cache-Control")


HOSTILE = [
    '"',
    "job*",
    "-job",
    "job NEAR work",
    "job AND OR NOT",
    "(job",
    "title:job",
    "'; DROP TABLE pages_article; --",
    "job\x00work",
    "\x01\x1f",
    "🙂 job",
    "NEAR(job work, 2)",
    "^job",
    "{title}: job",
    "& | ! <->",
    "",
    "   ",
]


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_get_a_calm_page(client, seeded, query):
    search(client, query)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.text(st.characters(exclude_categories=["Cs"]), max_size=300))
def test_any_query_gets_a_200_page(client, seeded, query):
    search(client, query)


def test_a_misspelling_shows_the_corrected_results_at_once(client, seeded):
    response = search(client, "outpatinet")
    page = parse_html(response.content)
    assert response.context["page_obj"].paginator.count > 0
    assert "results for “outpatient”." in page.text
    assert "Showing results for outpatient. Search instead for outpatinet." in page.text
    assert page.find_all("a", href="?q=outpatinet&exact=1"), "one link searches exactly what was typed"
    assert page.find_all("input", name="q")[0].attrs["value"] == "outpatinet", "the box keeps what was typed"


def test_search_instead_searches_what_was_typed_and_only_offers_the_correction(client, seeded):
    response = search(client, "outpatinet", exact="1")
    assert response.context["page_obj"].paginator.count == 0
    html = response.content.decode()
    assert "Showing results for" not in html
    assert 'Did you mean <a href="?q=outpatient">outpatient</a>?' in html


def test_a_word_only_an_article_body_uses_corrects_a_misspelling(client, db):
    make_article(title="The first days", slug="first-days", summary="What to expect.", body="Withdrawal can be hard.")
    response = search(client, "withdrawl")
    assert [hit.url for hit in response.context["page_obj"]] == ["/articles/first-days/"]
    assert "Showing results for withdrawal." in parse_html(response.content).text


class Uses(dict):
    """A vocabulary as did_you_mean asks for one, from a dict of word: how many published items use it."""

    def near(self, word):
        return list(self)

    def frequency(self, word):
        return self.get(word, 0)


def test_of_several_close_words_the_one_the_index_uses_most_wins():
    known = Uses(relapses=1, relapse=9, collapse=4)
    assert did_you_mean(["relapsse"], known) == "relapse"
    assert did_you_mean(["relapsse"], Uses(known, relapses=20)) == "relapses"
    assert did_you_mean(["relapse"], known) == "", "a known word is left alone"
    assert did_you_mean(["relapsse"], Uses(known, relapse=0, relapses=0, collapse=0)) == "", "only a used word"


def test_the_type_ahead_offers_the_title_a_typo_meant(client, seeded):
    suggestions = client.get("/search/suggest/", {"q": "outpatinet"}).json()["suggestions"]
    assert "Balancing Work and Recovery with an Intensive Outpatient Program" in [item["title"] for item in suggestions]
    assert client.get("/search/suggest/", {"q": "zzzzqqq"}).json()["suggestions"] == []


def test_no_correction_ever_comes_from_a_draft(client, db):
    make_article(title="Zephyrine routines", slug="draft", status=Article.Status.DRAFT, body="Zephyrine evenings.")
    html = search(client, "zephyrina").content.decode()
    assert "Did you mean" not in html and "Showing results for" not in html
    assert "zephyrine" not in html.lower()


@pytest.fixture
def relevance_set(db):
    """The articles of the relevance set (tests/search/search_corpus.py), published with their topics.

    Each is validated as the admin validates it, so an article no editor could save (a summary over its length)
    fails on SQLite too, not only on PostgreSQL.
    """
    for slug, (title, summary, topic_name, body) in ARTICLES.items():
        topic, _ = Topic.objects.get_or_create(name=topic_name, slug=topic_name.lower().replace(" ", "-"))
        article = make_article(title=title, slug=slug, summary=summary, body=body)
        article.full_clean()
        article.topics.add(topic)


@pytest.fixture
def spanish_relevance_set(db):
    """The Spanish items of the relevance set, published: {key: address} (tests/search/search_corpus.py)."""
    return make_spanish_items()


MIN_MRR = 0.95  # issue 14's target
MIN_SPANISH_MRR = 0.9  # issue 17's


def relevance(client, search_path, queries):
    """The MRR of (query, expected address) pairs searched at ``search_path``, the queries that found nothing, and
    a report: the database, the MRR, and each query whose address was not first, with its rank and what was."""
    from django.db import connection

    reciprocal_ranks, misses, without_results = [], [], []
    for query, expected in queries:
        response = client.get(search_path, {"q": query})
        assert response.status_code == 200
        links = result_links(response)
        rank = links.index(expected) + 1 if expected in links else None
        reciprocal_ranks.append(1 / rank if rank else 0)
        if not links:
            without_results.append(query)
        elif rank != 1:
            misses.append(f"  {query!r}: {f'rank {rank}' if rank else 'not on page 1'}, first {links[0]}")
    mrr = sum(reciprocal_ranks) / len(queries)
    report = "\n".join(
        [
            f"search relevance at {search_path} on {connection.vendor}: MRR {mrr:.3f} over {len(queries)} queries, "
            f"{len(without_results)} without results {without_results}, {len(misses)} with another item first:",
            *misses,
        ]
    )
    return mrr, without_results, report


def test_mean_reciprocal_rank_of_the_relevance_set(client, relevance_set, spanish_relevance_set, capsys):
    """Each query of the relevance set should put its article first: MRR >= 0.95, and every query finds something.

    The Spanish items are published too: English search never looks at them, so they change no English rank.
    Prints, for the database in use, the MRR and each query whose article was not first.
    """
    mrr, without_results, report = relevance(client, "/search/", [(q, f"/articles/{slug}/") for q, slug in QUERIES])
    with capsys.disabled():
        print(f"\n{report}")
    assert mrr >= MIN_MRR and not without_results, report


def test_mean_reciprocal_rank_of_the_spanish_relevance_set(client, relevance_set, spanish_relevance_set, capsys):
    """Each Spanish query at /es/search/ should put its Spanish item first: MRR >= 0.9, and every one finds
    something, with the English articles published beside them."""
    queries = [(query, spanish_relevance_set[key]) for query, key in SPANISH_QUERIES]
    mrr, without_results, report = relevance(client, "/es/search/", queries)
    with capsys.disabled():
        print(f"\n{report}")
    assert len(queries) >= 15
    assert mrr >= MIN_SPANISH_MRR and not without_results, report


def test_insurance_finds_the_insurance_page_not_the_article_that_says_careers_cost_people(client, seeded):
    """The walk-through's case: synonyms once made insurance mean cost, and found only that sentence."""
    assert result_links(search(client, "insurance")) == ["/insurance-and-cost/"]


SEEDED_GROUPS = [Synonym(terms=terms).term_list for terms in SEEDED_SYNONYMS]


def words_of(item):
    return " ".join(re.findall(r"\w+", f"{item.title} {item.summary}".lower()))


def test_each_seeded_synonym_alone_ranks_first_an_item_with_one_of_its_words(client, seeded, relevance_set):
    """A seeded synonym means the same as the others of its group, so the best result names one of them."""
    misses = {}
    for group in SEEDED_GROUPS:
        for term in group:
            links = result_links(search(client, term))
            if not links:
                misses[term] = "nothing found"
                continue
            entry = SearchEntry.objects.get(url=links[0])
            item = (Article if entry.kind == SearchEntry.Kind.ARTICLE else ContentPage).objects.get(pk=entry.object_id)
            if not any(other in words_of(item) for other in group):
                misses[term] = f"ranks first {item.title!r}"
    assert misses == {}


def test_type_ahead_offers_at_most_five_published_titles(client, db):
    for number in range(7):
        make_article(title=f"Quokka note {number}", slug=f"note-{number}")
    make_article(title="Quokka secret draft", slug="draft", status=Article.Status.DRAFT)
    suggestions = client.get("/search/suggest/", {"q": "quok"}).json()["suggestions"]
    assert len(suggestions) == 5
    assert all(item["title"].startswith("Quokka note") for item in suggestions)
    assert suggestions[0] == {"title": "Quokka note 0", "url": "/articles/note-0/"}


@pytest.mark.parametrize("query", HOSTILE)
def test_type_ahead_answers_hostile_input_with_json(client, seeded, query):
    response = client.get("/search/suggest/", {"q": query})
    assert response.status_code == 200
    assert isinstance(response.json()["suggestions"], list)


def test_generate_demo_articles_makes_published_searchable_articles(client, db):
    out = io.StringIO()
    call_command("generate_demo_articles", "30", stdout=out)
    assert "Created 30 demo articles" in out.getvalue()
    demo = Article.objects.filter(slug__startswith="demo-")
    assert demo.count() == 30 and all("<h2" in article.body_html for article in demo)
    assert SearchEntry.objects.filter(kind="article").count() == 30
    assert "30 results" in search(client, "practical advice").content.decode()


def test_a_natural_question_ranks_the_article_that_answers_it_first(client, seeded):
    """The walk-through's case: "can I keep my job" once ranked the privacy policy above the work article."""
    assert result_links(search(client, "can I keep my job"))[0] == f"/articles/{SEED_ARTICLE_SLUG}/"
