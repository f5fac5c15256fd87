"""Site search: one interface, two full-text backends (SQLite FTS5, PostgreSQL tsvector) chosen by the database.

The query is never handed to the database's own query syntax: it is cut into plain words here, and each word is
passed as a quoted term (FTS5) or a bound parameter (PostgreSQL), so no input can cause a syntax error.
Indexed text is never trusted as HTML: highlights come back wrapped in control-character sentinels, the text is
escaped, and only then are the sentinels turned into ``<mark>``.
"""

import difflib
import re
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, connection, transaction
from django.db.models import Case, F, When
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe

from restoration import ratelimit

from .cache import content_generation
from .models import Article, ContentPage, Publishable, SearchCount, SearchEntry, Synonym, Topic
from .signals import publication_changed

MAX_QUERY_LENGTH = 200
MAX_WORDS = 12
MAX_WORD_LENGTH = 40
SNIPPET_WORDS = 30
START, STOP = "\x02", "\x03"
# A query is counted only when it reads like a topic: no digits or @ (phone numbers, addresses, dates), a few
# words, a short text. Anything longer is more likely to describe a person than what the site should cover.
COUNTED_MAX_WORDS = 4
COUNTED_MAX_LENGTH = 40
COUNTED_RATE_SCOPE = "search:rate"  # queries a client added to the counts (restoration/ratelimit.py)
COUNTED_TODAY_SCOPE = "search:seen"  # a query this client was already counted for today
# Words too common to help ranking; FTS5 has no stop list of its own.
STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "but",
        "by",
        "can",
        "could",
        "do",
        "does",
        "for",
        "from",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "me",
        "my",
        "of",
        "on",
        "or",
        "so",
        "that",
        "the",
        "their",
        "them",
        "there",
        "these",
        "they",
        "this",
        "to",
        "was",
        "we",
        "what",
        "when",
        "where",
        "which",
        "who",
        "why",
        "will",
        "with",
        "you",
        "your",
    ]
)
_WORD = re.compile(r"\w+")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def query_words(query):
    """The plain lower-case words of a query, without stop words, at most MAX_WORDS of them."""
    words = [word[:MAX_WORD_LENGTH] for word in _WORD.findall(query.lower())]
    meaningful = [word for word in words if word not in STOP_WORDS]
    return list(dict.fromkeys(meaningful))[:MAX_WORDS]


def query_groups(words):
    """One group of alternatives per word: the word and, from the editors' synonym list, what means the same.

    A phrase on the list is one group when its words come in a row in the query, so that an equivalence holds both
    ways: "substance use disorder" finds "addiction" as "addiction" finds it.
    """
    synonyms = {}
    for synonym in Synonym.objects.all():
        terms = synonym.term_list
        for term in terms:
            # Keyed by the words a query would leave of it (no stop words), so "medication for x" is found too.
            key = " ".join(query_words(term))
            if key:
                synonyms.setdefault(key, []).extend(terms)
    longest = max((key.count(" ") + 1 for key in synonyms), default=1)
    groups, start = [], 0
    while start < len(words):
        length = next(
            length
            for length in range(min(longest, len(words) - start), 0, -1)
            if length == 1 or " ".join(words[start : start + length]) in synonyms
        )
        key = " ".join(words[start : start + length])
        terms = synonyms.get(key, [])
        groups.append(tuple(dict.fromkeys([key, *terms] if length == 1 else terms)))
        start += length
    return groups


def highlighted(text):
    """Escape indexed text, then turn the backend's sentinels into <mark> elements."""
    return mark_safe(escape(text).replace(START, "<mark>").replace(STOP, "</mark>"))  # noqa: S308 - escaped first


# Index maintenance ---------------------------------------------------------------------------------------------


def _plain(text):
    return " ".join(_CONTROL.sub(" ", text).split())


def _headings(markdown):
    return [line.lstrip("#").strip() for line in markdown.splitlines() if line.startswith("#")]


def _entry_fields(item):
    is_article = isinstance(item, Article)
    topics = ", ".join(topic.name for topic in item.topics.all()) if is_article else ""
    return {
        "kind": SearchEntry.Kind.ARTICLE if is_article else SearchEntry.Kind.PAGE,
        "object_id": item.pk,
        "title": _plain(item.title),
        "summary": _plain(" ".join([item.summary, *_headings(item.body)])),
        "topics": _plain(topics),
        "body": _plain(strip_tags(item.body_html)),
        "url": item.get_absolute_url(),
        "status": item.status,
        "published_at": item.published_at,
    }


def index_item(item):
    """Store (or refresh) the searchable text of an article or content page."""
    fields = _entry_fields(item)
    SearchEntry.objects.update_or_create(kind=fields.pop("kind"), object_id=fields.pop("object_id"), defaults=fields)


def unindex_item(item):
    """Remove a deleted article or content page from the index."""
    kind = SearchEntry.Kind.ARTICLE if isinstance(item, Article) else SearchEntry.Kind.PAGE
    SearchEntry.objects.filter(kind=kind, object_id=item.pk).delete()


def connect_index_updates():
    """Keep the index in step with every write to articles, pages and topics (from PagesConfig.ready)."""

    def saved(instance, **kwargs):
        index_item(instance)

    def deleted(instance, **kwargs):
        unindex_item(instance)

    def topics_changed(instance, action, **kwargs):
        if action.startswith("post_") and isinstance(instance, Article):
            index_item(instance)

    def topic_saved(instance, **kwargs):
        for article in instance.articles.all():
            index_item(article)

    def publication_updated(sender, pks, **kwargs):
        # A bulk change (pages.services) may touch thousands of rows: their entries are replaced in a few queries.
        items = sender.objects.filter(pk__in=pks)
        items = items.prefetch_related("topics") if sender is Article else items
        kind = SearchEntry.Kind.ARTICLE if sender is Article else SearchEntry.Kind.PAGE
        SearchEntry.objects.filter(kind=kind, object_id__in=pks).delete()
        SearchEntry.objects.bulk_create([SearchEntry(**_entry_fields(item)) for item in items], batch_size=500)

    for model in (Article, ContentPage):
        post_save.connect(saved, sender=model, weak=False, dispatch_uid=f"pages-search-save-{model.__name__}")
        post_delete.connect(deleted, sender=model, weak=False, dispatch_uid=f"pages-search-delete-{model.__name__}")
    m2m_changed.connect(topics_changed, sender=Article.topics.through, weak=False, dispatch_uid="pages-search-m2m")
    post_save.connect(topic_saved, sender=Topic, weak=False, dispatch_uid="pages-search-topic")
    publication_changed.connect(publication_updated, weak=False, dispatch_uid="pages-search-publication")


def rebuild_index():
    """Index every article and content page afresh; returns how many entries were written."""
    SearchEntry.objects.all().delete()
    items = [*Article.objects.prefetch_related("topics"), *ContentPage.objects.all()]
    SearchEntry.objects.bulk_create([SearchEntry(**_entry_fields(item)) for item in items], batch_size=500)
    return len(items)


# Searching -----------------------------------------------------------------------------------------------------


@dataclass
class Hit:
    """One result, with its title and snippet already escaped and highlighted."""

    url: str
    title_html: str
    snippet_html: str
    topics: str
    published_at: object
    is_article: bool


class _SqliteBackend:
    def match(self, groups, require_all):
        # Terms are plain words (see query_words), so quoting each one makes it a literal term or phrase.
        alternatives = ("(" + " OR ".join(f'"{term}"' for term in group) + ")" for group in groups)
        return (" AND " if require_all else " OR ").join(alternatives)

    # CROSS JOIN keeps the full-text match as the outer loop: SQLite would otherwise scan the entries and run
    # the MATCH once per entry.
    def count(self, groups, require_all):
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM pages_searchentry_fts f CROSS JOIN pages_searchentry e ON e.id = f.rowid "
                "WHERE pages_searchentry_fts MATCH %s AND e.status = %s AND e.published_at <= %s",
                [self.match(groups, require_all), Publishable.Status.PUBLISHED, timezone.now()],
            )
            return cursor.fetchone()[0]

    def hits(self, groups, require_all, title, offset, limit):
        match = self.match(groups, require_all)
        with connection.cursor() as cursor:
            # Ranked first, highlighted after: SQLite would otherwise build a snippet for every match, not just
            # the page shown. bm25's IDF is near zero for words most items share, so a title match is a tier.
            cursor.execute(
                "SELECT f.rowid FROM pages_searchentry_fts f CROSS JOIN pages_searchentry e ON e.id = f.rowid "
                "WHERE pages_searchentry_fts MATCH %s AND e.status = %s AND e.published_at <= %s "
                "ORDER BY lower(e.title) = %s DESC, f.rowid IN (SELECT rowid FROM pages_searchentry_fts "
                "WHERE pages_searchentry_fts MATCH %s) DESC, bm25(pages_searchentry_fts, 10.0, 4.0, 2.0, 1.0) "
                "LIMIT %s OFFSET %s",
                [match, Publishable.Status.PUBLISHED, timezone.now(), title,
                 "title : (" + self.match(groups, False) + ")", limit, offset],
            )  # fmt: skip
            ranked = [row[0] for row in cursor.fetchall()]
            if not ranked:
                return []
            cursor.execute(
                "SELECT e.url, highlight(pages_searchentry_fts, 0, %s, %s), "  # noqa: S608 - placeholders only
                "snippet(pages_searchentry_fts, -1, %s, %s, '…', %s), e.id "
                "FROM pages_searchentry_fts f CROSS JOIN pages_searchentry e ON e.id = f.rowid "
                f"WHERE pages_searchentry_fts MATCH %s AND f.rowid IN ({', '.join(['%s'] * len(ranked))})",
                [START, STOP, START, STOP, SNIPPET_WORDS, match, *ranked],
            )  # fmt: skip
            rows = {row[3]: row for row in cursor.fetchall()}
            return [rows[pk] for pk in ranked]


class _PostgresBackend:
    def tsquery(self, groups, require_all):
        joiner = " && " if require_all else " || "
        alternatives = ["(" + " || ".join(["phraseto_tsquery('english', %s)"] * len(group)) + ")" for group in groups]
        return "(" + joiner.join(alternatives) + ")", [term for group in groups for term in group]

    def count(self, groups, require_all):
        sql, params = self.tsquery(groups, require_all)
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT count(*) FROM pages_searchentry WHERE document @@ {sql} "  # noqa: S608 - placeholders only
                "AND status = %s AND published_at <= %s",
                [*params, Publishable.Status.PUBLISHED, timezone.now()],
            )
            return cursor.fetchone()[0]

    def hits(self, groups, require_all, title, offset, limit):
        sql, params = self.tsquery(groups, require_all)
        options = f"StartSel={START}, StopSel={STOP}, MaxWords={SNIPPET_WORDS}, MinWords=12, MaxFragments=2"
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT e.url, ts_headline('english', e.title, q, %s), "  # noqa: S608 - placeholders only
                "ts_headline('english', e.summary || ' ' || e.body, q, %s), e.id "
                "FROM (SELECT id, ts_rank_cd(document, q) AS rank, q FROM pages_searchentry, "
                f"(SELECT {sql} AS q) query "
                "WHERE document @@ q AND status = %s AND published_at <= %s "
                "ORDER BY lower(title) = %s DESC, rank DESC, id LIMIT %s OFFSET %s) r "
                "JOIN pages_searchentry e ON e.id = r.id ORDER BY lower(e.title) = %s DESC, r.rank DESC, e.id",
                [f"{options}, HighlightAll=true", options, *params, Publishable.Status.PUBLISHED, timezone.now(),
                 title, limit, offset, title],
            )  # fmt: skip
            return cursor.fetchall()


def _backend():
    return _PostgresBackend() if connection.vendor == "postgresql" else _SqliteBackend()


class SearchResults:
    """The ranked matches of one query, sliceable and countable so Django's Paginator can page through them."""

    def __init__(self, query):
        self.query = query
        self.words = query_words(query)
        self.groups = query_groups(self.words) if self.words else []
        self.backend = _backend()
        self.require_all = True
        self._count = None

    @property
    def suggestion(self):
        """A corrected query when nothing matched, or ""."""
        return did_you_mean(self.words) if self.words and self.count() == 0 else ""

    def count(self):
        if self._count is None:
            self._count = self.backend.count(self.groups, True) if self.words else 0
            if self._count == 0 and len(self.words) > 1:
                # Nothing has every word: rank the items that have any of them.
                self.require_all = False
                self._count = self.backend.count(self.groups, False)
        return self._count

    def __len__(self):
        return self.count()

    def __getitem__(self, bounds):
        if not self.words or self.count() == 0:
            return []
        title = " ".join(self.query.lower().split())
        rows = self.backend.hits(self.groups, self.require_all, title, bounds.start, bounds.stop - bounds.start)
        entries = SearchEntry.objects.in_bulk([row[3] for row in rows])
        return [
            Hit(
                url=url,
                title_html=highlighted(title_text),
                snippet_html=highlighted(snippet),
                topics=entries[pk].topics,
                published_at=entries[pk].published_at,
                is_article=entries[pk].kind == SearchEntry.Kind.ARTICLE,
            )
            for url, title_text, snippet, pk in rows
        ]


def vocabulary():
    """Every word of the titles, summaries, headings and topics of published items, cached per content generation.

    Drawn from published items only, so "Did you mean" can never reveal a word of a draft.
    """
    key = f"pages:search-vocabulary:{content_generation()}"
    words = cache.get(key)
    if words is None:
        entries = SearchEntry.objects.filter(status=Publishable.Status.PUBLISHED, published_at__lte=timezone.now())
        words = set()
        for title, summary, topics in entries.values_list("title", "summary", "topics").iterator():
            words.update(_WORD.findall(f"{title} {summary} {topics}".lower()))
        words = frozenset(word for word in words if len(word) > 2 and not word.isdigit())
        cache.set(key, words, 3600)
    return words


def did_you_mean(words):
    """The query with each unknown word replaced by the closest indexed word, or "" when there is nothing to offer."""
    known = vocabulary()
    corrected = []
    for word in words:
        if word in known or len(word) < 4:
            corrected.append(word)
            continue
        nearby = [candidate for candidate in known if abs(len(candidate) - len(word)) <= 2]
        corrected.extend(difflib.get_close_matches(word, nearby, n=1, cutoff=0.75) or [word])
    return " ".join(corrected) if corrected != list(words) else ""


def suggest_titles(query, limit=5):
    """Up to ``limit`` published titles containing every word typed, titles starting with the first word first."""
    words = _WORD.findall(query.lower())[:MAX_WORDS]
    if not words or len(words[-1]) < 2:
        return []
    entries = SearchEntry.objects.filter(status=Publishable.Status.PUBLISHED, published_at__lte=timezone.now())
    for word in words:
        entries = entries.filter(title__icontains=word[:MAX_WORD_LENGTH])
    starts_first = Case(When(title__istartswith=words[0], then=0), default=1)
    rows = entries.order_by(starts_first, "title").values("title", "url")[:limit]
    return [{"title": row["title"], "url": row["url"]} for row in rows]


def counted_query(query):
    """The query as search analytics counts it (plain lower-case words), or "" when it could identify someone."""
    if "@" in query or any(character.isdigit() for character in query):
        return ""
    words = _WORD.findall(query.lower())
    counted = " ".join(words)
    return counted if len(words) <= COUNTED_MAX_WORDS and len(counted) <= COUNTED_MAX_LENGTH else ""


def record_search(request, query, found):
    """Count one search of the query today, and whether it found nothing (if analytics are on and it is counted).

    A client counts once per query and day and adds at most SEARCH_ANALYTICS_RATE_LIMIT queries per window, so
    no one alone can fill the table or lift a query over the reports' threshold (SearchCount.REPORT_MIN_SEARCHES).
    """
    normalised = counted_query(query)
    if not settings.SEARCH_ANALYTICS or not normalised:
        return
    if ratelimit.limit_reached(COUNTED_RATE_SCOPE, request, settings.SEARCH_ANALYTICS_RATE_LIMIT):
        return
    day = timezone.localdate()
    # Remembered for a day under a keyed hash of address, day and query; while the cache cannot be reached
    # add() fails and nothing is counted, which errs on the side of the visitor.
    if not cache.add(ratelimit.client_key(COUNTED_TODAY_SCOPE, request, f"{day} {normalised}"), True, 24 * 60 * 60):
        return
    ratelimit.count(COUNTED_RATE_SCOPE, request, settings.SEARCH_ANALYTICS_RATE_WINDOW)
    missed = 0 if found else 1
    increments = {"searches": F("searches") + 1, "searches_without_results": F("searches_without_results") + missed}
    if SearchCount.objects.filter(query=normalised, day=day).update(**increments):
        return
    try:
        with transaction.atomic():
            SearchCount.objects.create(query=normalised, day=day, searches=1, searches_without_results=missed)
    except IntegrityError:  # another request created today's row first: count on it
        SearchCount.objects.filter(query=normalised, day=day).update(**increments)


def search(query):
    """Ranked, highlighted results for a visitor's query (published articles and pages only)."""
    return SearchResults(query)
