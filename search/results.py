"""Running a visitor's query: ranked, highlighted results a Paginator can page through, and the type-ahead titles.

Published articles and pages only, everywhere: the results, "Did you mean" and the type-ahead all start from
``SearchEntry.objects.published()``, in the language searched (the page's: /es/search/ looks only at Spanish
entries, with Spanish synonyms and corrections). Indexed text is never trusted as HTML: it is escaped first, and
only then are the backend's highlight sentinels turned into ``<mark>``.
"""

import hashlib
import json
import math
from dataclasses import dataclass
from typing import NamedTuple

from django.core.cache import cache
from django.db.models.functions import Lower
from django.utils.html import escape
from django.utils.safestring import mark_safe

from pages.cache import content_generation, lifetime_in_generation

from .analytics import counted_query
from .backends import START, STOP, Matches, Row, backend
from .languages import FAMILY_WORD, search_language
from .models import SearchEntry, Synonym
from .query import as_title, did_you_mean, query_groups, query_words, words_of

FEW_RESULTS = 10  # when fewer items than this have every word, those with some of them are ranked after them
TITLE_WEIGHT = 2  # against 1 for a word in the summary or a heading
BODY_WEIGHT = 0.25  # for a word in the body, when the query has several
EVERY_WORD_WEIGHT = 0.5  # for having every word, anywhere
MAX_RESULTS = 100  # ranked per query; a broader query says there are more and asks for another word
RANKING_SECONDS = 600
# Rankings are kept in this many places per content generation, a query's place chosen by its digest: a flood of
# distinct searches then replaces rankings rather than adding to them.
RANKING_SLOTS = 256
SUGGESTION_CANDIDATES = 50  # titles matching what was typed, put in order before the first few are offered
FREQUENCY_CAP = 100  # counting a word's uses stops here: enough to tell a common word from a rare one
NEAR_WORDS = 30  # known words sharing most trigrams with a misspelling, weighed by difflib
FAMILY_READING = 3  # articles about families (FAMILY_WORD) an empty search about someone else offers instead


@dataclass
class Hit:
    """One result, with its title and snippet already escaped and highlighted."""

    url: str
    title_html: str
    snippet_html: str
    topics: str
    published_at: object
    is_article: bool


class Ranking(NamedTuple):
    """The ids of a query's best matches, best first, and whether more matched than were ranked."""

    entry_ids: list
    more: bool


def highlighted(text):
    """Escape indexed text, then turn the backend's sentinels into <mark> elements."""
    return mark_safe(escape(text).replace(START, "<mark>").replace(STOP, "</mark>"))  # noqa: S308 - escaped first


def rank(query, groups, language):
    """The Ranking of a query's groups of terms: the exact title first, then by where the words are (``order``).

    At most MAX_RESULTS + 1 items having every word are found and scored (search/backends.py), and as many having
    some of them when fewer than FEW_RESULTS have them all, whatever the size of the site.
    """
    engine = backend(language)
    found = engine.candidates(groups, True, MAX_RESULTS + 1)
    having_all = {candidate.entry_id for candidate in found}
    if len(found) < FEW_RESULTS and len(groups) > 1:
        # Few items have every word, and may use them only in passing: those with some of them follow.
        having_some = engine.candidates(groups, False, MAX_RESULTS + 1)
        found += [candidate for candidate in having_some if candidate.entry_id not in having_all]
    exact_id = _exact_title_id(query, language) if found else None
    matches = engine.field_matches(groups, [candidate.entry_id for candidate in found]) if found else {}
    weights = rarity_weights(engine, groups, language) if found else []

    def order(candidate):
        # Where the words are: a word in the title counts twice one in the summary (or a heading), and having every
        # word somewhere counts less than either, so a body that happens to use "keep" does not outrank the title
        # about jobs. Each word counts as much as it is rare, so the title naming what was asked about ("sueño")
        # outranks the title with the word every item uses ("alcohol"). With several words, one in the body counts
        # a little too: the rare word ("HIPAA") said only there still tells which items speak of it at all. (With
        # one, every candidate has it somewhere.) Then the visitor's own words over synonyms; then the backend's
        # score (bm25, ts_rank).
        matched = matches.get(candidate.entry_id, Matches())
        has_all = candidate.entry_id in having_all
        body_weight = BODY_WEIGHT if len(weights) > 1 else 0
        coverage = sum(
            weight
            * (
                TITLE_WEIGHT * (index in matched.title)
                + (index in matched.summary)
                + body_weight * (index in matched.body)
            )
            for index, weight in enumerate(weights)
        )
        coverage += EVERY_WORD_WEIGHT * has_all
        return (candidate.entry_id != exact_id, -coverage, -len(matched.literal), candidate.score)

    entry_ids = [candidate.entry_id for candidate in sorted(found, key=order)]
    if exact_id is not None and exact_id not in entry_ids:  # more title matches than were ranked
        entry_ids.insert(0, exact_id)
    return Ranking(entry_ids[:MAX_RESULTS], more=len(entry_ids) > MAX_RESULTS)


def rarity_weights(engine, groups, language):
    """How much each group of a query counts in ranking, averaging 1: the less a visitor's word is used, the more
    it counts (inverse document frequency, as bm25 weighs words), on either database. So in "alcohol y sueño" the
    word naming what is asked about outweighs the one nearly every item uses.

    A group's weight is that of the word typed, not of its synonyms: the visitor chose it. Uses are counted up to
    FREQUENCY_CAP published items in the language searched, and so are the items: enough to tell a rare word from a
    common one, at a cost that does not grow with the site. A word no item uses is left out of the average.
    """
    if len(groups) < 2:
        return [1.0] * len(groups)
    items = SearchEntry.objects.published().filter(language=language)[:FREQUENCY_CAP].count()
    uses = [engine.frequency(group[0], FREQUENCY_CAP) for group in groups]
    rarity = [math.log(1 + (items - used + 0.5) / (used + 0.5)) for used in uses]
    used_rarity = [value for value, used in zip(rarity, uses, strict=True) if used]
    mean = sum(used_rarity) / len(used_rarity) if used_rarity else 1.0
    return [value / mean for value in rarity]


def _exact_title_id(query, language):
    """The published entry in the language searched titled exactly as the query, if any.

    Two steps, so the title index leads: asked at once, SQLite would walk every published entry instead.
    """
    titled = SearchEntry.objects.alias(lower_title=Lower("title")).filter(lower_title=as_title(query))
    same_title = list(titled.values_list("id", flat=True)[:MAX_RESULTS])
    public = SearchEntry.objects.published().filter(pk__in=same_title, language=language)
    return public.values_list("id", flat=True).first()


def cached_rank(query, groups, language):
    """``rank()``, kept in the shared cache per content generation for the queries analytics would count.

    Only ids are kept, beside a digest of the terms: never the query or a rendered page. A query that could name
    someone (digits, an @, many words: ``counted_query``) is ranked afresh each time instead. At most RANKING_SLOTS
    rankings are kept per generation; a query whose place holds another's is ranked afresh and takes it over.
    """
    if not counted_query(query):
        return rank(query, groups, language)
    generation = content_generation()
    digest = hashlib.sha256(json.dumps([language, as_title(query), groups]).encode()).hexdigest()
    key = f"search:ranking:{generation}:{int(digest, 16) % RANKING_SLOTS}"
    kept_digest, *ranking = cache.get(key, (None,))
    if kept_digest != digest:
        ranking = rank(query, groups, language)
        cache.set(key, (digest, *ranking), lifetime_in_generation(RANKING_SECONDS, generation))
    return Ranking(*ranking)


class SearchResults:
    """The ranked, highlighted matches of a visitor's query (published articles and pages only).

    Sliceable and countable, so Django's Paginator can page through them; titles and snippets are highlighted
    for the page shown only.
    """

    def __init__(self, query, synonym_lists, language):
        self.query = query
        self.language = language
        self.words = query_words(query, language)
        groups = query_groups(self.words, synonym_lists, language)
        self.groups = backend(language).alternatives(groups) if groups else groups
        self._ranking = None

    @property
    def ranking(self):
        if self._ranking is None:
            found = cached_rank(self.query, self.groups, self.language) if self.words else Ranking([], more=False)
            self._ranking = found
        return self._ranking

    def count(self):
        return len(self.ranking.entry_ids)

    def __len__(self):
        return self.count()

    def __getitem__(self, bounds):
        return self.hits(self.ranking.entry_ids[bounds])

    def hits(self, entry_ids):
        """The Hits of these entries, in this order, highlighted for this query."""
        if not entry_ids:
            return []
        rows = {row.entry_id: row for row in map(Row._make, backend(self.language).rows(self.groups, entry_ids))}
        entries = SearchEntry.objects.in_bulk(entry_ids)
        return [
            Hit(
                url=entries[pk].url,
                title_html=highlighted(rows[pk].title),
                snippet_html=highlighted(rows[pk].snippet),
                topics=entries[pk].topics,
                published_at=entries[pk].published_at,
                is_article=entries[pk].kind == SearchEntry.Kind.ARTICLE,
            )
            for pk in entry_ids
            if pk in rows and pk in entries  # unpublished or deleted since it was ranked
        ]


class Answer(NamedTuple):
    """What a search shows: its results, the correction they are the results of, or one offered as a link."""

    results: SearchResults
    corrected: str = ""  # the results are this correction's, not the query's
    suggestion: str = ""  # "Did you mean": a correction that finds something, for an exact search


def results_for(query, *, exact=False, language=None):
    """The Answer to a visitor's query, among the entries in ``language`` (by default the active one).

    A query that finds nothing, but whose correction does, shows the correction's results at once: someone typing
    "withdrawl" late at night should not have to click again. ``exact`` (the "Search instead for" link) searches
    what was typed and only offers the correction. A correction that finds nothing either is never offered.
    """
    language = search_language(language)
    # Read once: a corrected search ranks with the same list.
    synonyms = Synonym.objects.filter(language=language)
    synonym_lists = [synonym.term_list for synonym in synonyms] if query_words(query, language) else []
    found = SearchResults(query, synonym_lists, language)
    if not found.words or found.count():
        return Answer(found)
    correction = did_you_mean(found.words, IndexVocabulary(language))
    corrected = SearchResults(correction, synonym_lists, language) if correction else None
    if corrected is None or not corrected.count():
        return Answer(found)
    return Answer(found, suggestion=correction) if exact else Answer(corrected, corrected=correction)


def reading_for_families(language=None):
    """A few articles about families (the word in their title or summary), in the language searched: where an
    empty search about someone else can lead. None when no article is, rather than pages that only mention a
    family in passing."""
    language = search_language(language)
    found = SearchResults(FAMILY_WORD[language], [], language)
    entry_ids = found.ranking.entry_ids
    matches = backend(language).field_matches(found.groups, entry_ids) if entry_ids else {}
    about_families = [pk for pk in entry_ids if pk in matches and (matches[pk].title or matches[pk].summary)]
    articles = set(
        SearchEntry.objects.filter(pk__in=about_families, kind=SearchEntry.Kind.ARTICLE).values_list("pk", flat=True)
    )
    return found.hits([pk for pk in about_families if pk in articles][:FAMILY_READING])


class IndexVocabulary:
    """The words of the index, as ``did_you_mean`` asks for them: close look-alikes, and how often each is used.

    Look-alikes come from the term list's trigram index; uses are counted in published entries only, so a
    correction can never reveal a word of a draft. Both in one language: a Spanish search is corrected to a
    Spanish word.
    """

    def __init__(self, language):
        self.engine = backend(language)

    def near(self, word):
        return self.engine.near(word, NEAR_WORDS)

    def frequency(self, word):
        return self.engine.frequency(word, FREQUENCY_CAP)


def suggest_titles(query, limit=5, language=None):
    """Up to ``limit`` published titles with a word starting with each word typed, those starting so first.

    When no title has them all, the words are corrected as the results page corrects them and tried once more, so
    a typo ("outpatinet") still offers the title it meant.
    """
    language = search_language(language)
    typed = query_words(query, language)
    if not typed or len(words_of(query)[-1]) < 2:
        return []
    titles = _titles_starting(typed, limit, language)
    correction = did_you_mean(typed, IndexVocabulary(language)) if not titles else ""
    return _titles_starting(correction.split(), limit, language) if correction else titles


def _titles_starting(words, limit, language):
    entry_ids = backend(language).titles_starting(words, SUGGESTION_CANDIDATES)
    entries = SearchEntry.objects.filter(pk__in=entry_ids).values("title", "url")
    ordered = sorted(entries, key=lambda entry: (not entry["title"].lower().startswith(words[0]), entry["title"]))
    return ordered[:limit]
