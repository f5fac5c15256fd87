"""Running a visitor's query: ranked, highlighted results a Paginator can page through, and the type-ahead titles.

Published articles and pages only, everywhere: the results, "Did you mean" and the type-ahead all start from
``SearchEntry.objects.published()``. Indexed text is never trusted as HTML: it is escaped first, and only then are
the backend's highlight sentinels turned into ``<mark>``.
"""

from collections import Counter
from dataclasses import dataclass
from typing import NamedTuple

from django.core.cache import cache
from django.db.models import Case, When
from django.utils.html import escape
from django.utils.safestring import mark_safe

from pages.cache import content_generation

from .backends import START, STOP, backend
from .models import SearchEntry, Synonym
from .query import MAX_WORD_LENGTH, MAX_WORDS, as_title, did_you_mean, query_groups, query_words, words_of

VOCABULARY_SECONDS = 3600


@dataclass
class Hit:
    """One result, with its title and snippet already escaped and highlighted."""

    url: str
    title_html: str
    snippet_html: str
    topics: str
    published_at: object
    is_article: bool


def highlighted(text):
    """Escape indexed text, then turn the backend's sentinels into <mark> elements."""
    return mark_safe(escape(text).replace(START, "<mark>").replace(STOP, "</mark>"))  # noqa: S308 - escaped first


class SearchResults:
    """The ranked, highlighted matches of a visitor's query (published articles and pages only).

    Sliceable and countable, so Django's Paginator can page through them.
    """

    def __init__(self, query, synonym_lists):
        self.query = query
        self.words = query_words(query)
        self.groups = query_groups(self.words, synonym_lists)
        self.backend = backend()
        self.require_all = True
        self._count = None

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
        rows = self.backend.rows(
            self.groups, self.require_all, as_title(self.query), bounds.start, bounds.stop - bounds.start
        )
        entries = SearchEntry.objects.in_bulk([row.entry_id for row in rows])
        return [
            Hit(
                url=entries[row.entry_id].url,
                title_html=highlighted(row.title),
                snippet_html=highlighted(row.snippet),
                topics=entries[row.entry_id].topics,
                published_at=entries[row.entry_id].published_at,
                is_article=entries[row.entry_id].kind == SearchEntry.Kind.ARTICLE,
            )
            for row in rows
        ]


class Answer(NamedTuple):
    """What a search shows: its results, the correction they are the results of, or one offered as a link."""

    results: SearchResults
    corrected: str = ""  # the results are this correction's, not the query's
    suggestion: str = ""  # "Did you mean": a correction that finds something, for an exact search


def results_for(query, *, exact=False):
    """The Answer to a visitor's query.

    A query that finds nothing, but whose correction does, shows the correction's results at once: someone typing
    "withdrawl" late at night should not have to click again. ``exact`` (the "Search instead for" link) searches
    what was typed and only offers the correction. A correction that finds nothing either is never offered.
    """
    # Read once: a corrected search ranks with the same list.
    synonym_lists = [synonym.term_list for synonym in Synonym.objects.all()] if query_words(query) else []
    found = SearchResults(query, synonym_lists)
    if not found.words or found.count():
        return Answer(found)
    correction = did_you_mean(found.words, vocabulary())
    corrected = SearchResults(correction, synonym_lists) if correction else None
    if corrected is None or not corrected.count():
        return Answer(found)
    return Answer(found, suggestion=correction) if exact else Answer(corrected, corrected=correction)


def vocabulary():
    """How often each word occurs in the published titles, summaries, headings, topics and bodies.

    Cached per content generation. Drawn from published items only, so a correction can never reveal a word of
    a draft; bodies count, so drug and condition names that only an article's text uses are known too.
    """
    key = f"search:vocabulary:{content_generation()}"
    known = cache.get(key)
    if known is None:
        entries = SearchEntry.objects.published().values_list("title", "summary", "topics", "body")
        counts = Counter()
        for texts in entries.iterator():
            counts.update(words_of(" ".join(texts)))
        known = {word: count for word, count in counts.items() if len(word) > 2 and not word.isdigit()}
        cache.set(key, known, VOCABULARY_SECONDS)
    return known


def suggest_titles(query, limit=5):
    """Up to ``limit`` published titles containing every word typed, titles starting with the first word first.

    When no title has them all, the words are corrected as the results page corrects them and tried once more, so
    a typo ("outpatinet") still offers the title it meant.
    """
    typed = words_of(query)[:MAX_WORDS]
    if not typed or len(typed[-1]) < 2:
        return []
    titles = _titles_containing(typed, limit)
    correction = did_you_mean(typed, vocabulary()) if not titles else ""
    return _titles_containing(correction.split(), limit) if correction else titles


def _titles_containing(words, limit):
    entries = SearchEntry.objects.published()
    for word in words:
        entries = entries.filter(title__icontains=word[:MAX_WORD_LENGTH])
    starts_first = Case(When(title__istartswith=words[0], then=0), default=1)
    return list(entries.order_by(starts_first, "title").values("title", "url")[:limit])
