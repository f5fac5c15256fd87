"""The two full-text backends, chosen by the database: SQLite FTS5 and PostgreSQL tsvector.

Both answer the same questions for groups of alternative terms (search/query.py), always among published entries:

- ``candidates``: up to N matching entries with a score, those with a word in the title found first. Each is a
  LIMITed index scan, so the cost stays flat however many entries a broad word matches;
- ``field_matches``: for those candidates only, which groups each has in its title, summary, and as typed
  (search/results.py ranks them on that, and caches the order);
- ``rows``: the title and snippet of the entries on the page shown, highlighted;
- ``titles_starting``: entries whose title has a word starting with each word typed (the type-ahead);
- ``near`` and ``frequency``: the known words sharing most trigrams with a misspelling, and how many published
  entries use a word (corrections).

Each language has its own index. On SQLite, English entries are in ``pages_searchentry_fts`` (``porter`` stems them)
and Spanish ones in ``search_searchentry_es_fts``, which folds accents but has no stemmer: ``alternatives`` adds to
each Spanish term the indexed words sharing its Snowball stem (kept in the term list), so highlights and snippets
still show the text as written. On PostgreSQL one ``document`` column is built with each row's configuration
(``english``, or ``spanish_unaccent``: accents folded, Spanish stems) and queries use the same one. Both keep a
Spanish noun in "-idad" apart from its adjective ("seguridad" is not "seguro"): on SQLite through the stems of
search/languages.py, on PostgreSQL through ``spanish_nouns_apart``, which documents and queries pass through first.

Highlights come back wrapped in control-character sentinels (START, STOP) that no indexed text contains;
search/results.py escapes the text and only then turns them into ``<mark>``. The index over ``pages_searchentry``
is built by pages' migrations 0005 and 0013 (an FTS5 table and triggers, or a generated weighted ``document``
tsvector with a GIN index), search's 0003 (the term list's trigram index, and PostgreSQL's ``title_document``) and
search's 0005 (the index in each language).
"""

import itertools
from typing import NamedTuple

from django.db import connection, transaction

from .languages import ENGLISH, SPANISH, normalised, search_language, without_accents
from .models import SearchEntry, SearchTerm

SNIPPET_WORDS = 30
START, STOP = "\x02", "\x03"
FTS_TABLES = {ENGLISH: "pages_searchentry_fts", SPANISH: "search_searchentry_es_fts"}
CONFIGURATIONS = {ENGLISH: "english", SPANISH: "spanish_unaccent"}
# PostgreSQL's SQL function that keeps a Spanish noun in "-idad" from Snowball's stem of its adjective (search 0006)
SPANISH_NOUNS_APART = "spanish_nouns_apart"
MAX_FORMS = 20  # indexed forms of a Spanish word (or phrase) searched for it on SQLite: a verb has dozens


class Candidate(NamedTuple):
    """A published entry that matches, with the backend's own score for it (lower ranks first)."""

    entry_id: int
    score: float


class Row(NamedTuple):
    """One ranked match: its entry, and its title and snippet with the highlight sentinels in them."""

    entry_id: int
    title: str
    snippet: str


class Matches(NamedTuple):
    """Which of a query's groups (by index) an entry has in its title, its summary or topics, its body, and as
    typed."""

    title: frozenset = frozenset()
    summary: frozenset = frozenset()
    body: frozenset = frozenset()
    literal: frozenset = frozenset()


def _matches_by_entry(rows):
    """{entry id: Matches} from (group index, field, entry id) rows."""
    found = {}
    for index, field, entry_id in rows:
        found.setdefault(entry_id, {}).setdefault(field, set()).add(index)
    return {entry_id: Matches(**{field: frozenset(indexes) for field, indexes in fields.items()})
            for entry_id, fields in found.items()}  # fmt: skip


def published_condition():
    """``SearchEntry.objects.published()`` as an SQL condition and its parameters: compiled, never copied.

    Its columns are qualified by the table's own name (``pages_searchentry``), so the queries below leave that
    table unaliased wherever they filter on it.
    """
    query = SearchEntry.objects.published().query
    return query.get_compiler(connection=connection).compile(query.where)


class SqliteBackend:
    def __init__(self, language):
        self.language = language
        self.table = FTS_TABLES[language]

    def alternatives(self, groups):
        """The groups to search for: for Spanish, each term with the indexed words sharing its stem, in one query
        ("seguros medicos" finds "seguro médico"); English ones as they are (``porter`` stems those).

        What was typed stays each group's first term, so ranking still prefers the visitor's own words.
        """
        if self.language != SPANISH:
            return groups
        words = {word for group in groups for term in group for word in term.split()}
        stems = {word: normalised(word, SPANISH) for word in words}
        forms = {}
        known = SearchTerm.objects.filter(language=SPANISH, stem__in=set(stems.values())).order_by("term")
        for stem, term in known.values_list("stem", "term"):
            forms.setdefault(stem, {}).setdefault(without_accents(term), term)  # one form for each accent-free one

        def forms_of(term):
            per_word = [[word, *forms.get(stems[word], {}).values()][:MAX_FORMS] for word in term.split()]
            return [" ".join(combination) for combination in itertools.islice(itertools.product(*per_word), MAX_FORMS)]

        return [tuple(dict.fromkeys(form for term in group for form in forms_of(term))) for group in groups]

    def match(self, groups, require_all):
        # Terms are plain words (see query_words), so quoting each one makes it a literal term or phrase.
        alternatives = ("(" + " OR ".join(f'"{term}"' for term in group) + ")" for group in groups)
        return (" AND " if require_all else " OR ").join(alternatives)

    def _ids(self, match, limit, rank=""):
        """(rowid[, rank]) of up to ``limit`` published entries matching ``match``, in index order.

        CROSS JOIN keeps the full-text match as the outer loop (SQLite would otherwise scan the entries and run the
        MATCH once per entry), and with no ORDER BY the LIMIT stops the scan: what is selected, bm25 included, is
        computed for those rows only.
        """
        published, published_params = published_condition()
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT f.rowid{rank} FROM {self.table} f "  # noqa: S608 - placeholders and constants only
                "CROSS JOIN pages_searchentry ON pages_searchentry.id = f.rowid "
                f"WHERE {self.table} MATCH %s AND {published} LIMIT %s",
                [match, *published_params, limit],
            )
            return cursor.fetchall()

    def candidates(self, groups, require_all, limit):
        match = self.match(groups, require_all)
        in_title = f"title : ({self.match(groups, False)})"
        # When more have every word than are ranked, those with a word in the title are the ones kept. Items with
        # some of the words rank after all of those anyway: telling their title matches apart first would read
        # every doclist in full when few titles match.
        tiers = [f"({match}) AND {in_title}", f"({match}) NOT {in_title}"] if require_all else [match]
        found = []
        for expression in tiers:
            rows = self._ids(expression, limit - len(found), rank=f", bm25({self.table}, 10.0, 4.0, 2.0, 1.0)")
            found += [Candidate(rowid, score) for rowid, score in rows]
            if len(found) >= limit:
                break
        return found

    def frequency(self, word, limit):
        return len(self._ids(self.match(self.alternatives([(word,)]), True), limit))

    def field_matches(self, groups, entry_ids):
        # One statement. Each part is a MATCH within the candidates' rowid range, which FTS5 seeks to; the rows
        # outside the candidates are dropped here. (With "rowid IN (…)" SQLite runs the MATCH over every entry.)
        parts, params = [], []
        for index, group in enumerate(groups):
            alternatives = self.match([group], True)
            for field, expression in (("title", f"title : {alternatives}"),
                                      ("summary", f"{{summary topics}} : {alternatives}"),
                                      ("body", f"body : {alternatives}"),
                                      ("literal", f'{{title summary topics}} : ("{group[0]}")')):  # fmt: skip
                parts.append(
                    f"SELECT %s, %s, rowid FROM {self.table} "  # noqa: S608 - placeholders and constants only
                    f"WHERE {self.table} MATCH %s AND rowid BETWEEN %s AND %s"
                )
                params += [index, field, expression, min(entry_ids), max(entry_ids)]
        candidates = set(entry_ids)
        with connection.cursor() as cursor:
            cursor.execute(" UNION ALL ".join(parts), params)
            return _matches_by_entry(row for row in cursor.fetchall() if row[2] in candidates)

    def rows(self, groups, entry_ids):
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT f.rowid, highlight({self.table}, 0, %s, %s), "  # noqa: S608 - placeholders, constants only
                f"snippet({self.table}, -1, %s, %s, '…', %s) FROM {self.table} f "
                f"WHERE {self.table} MATCH %s AND f.rowid BETWEEN %s AND %s "  # the range FTS5 seeks to
                f"AND f.rowid IN ({', '.join(['%s'] * len(entry_ids))})",
                [START, STOP, START, STOP, SNIPPET_WORDS, self.match(groups, False), min(entry_ids), max(entry_ids),
                 *entry_ids],
            )  # fmt: skip
            return cursor.fetchall()

    def titles_starting(self, words, limit):
        # Each word a prefix of a title word: "relap" offers "Understanding Relapse".
        prefixes = " AND ".join(f'"{word}"*' for word in words)
        return [rowid for (rowid,) in self._ids(f"title : ({prefixes})", limit)]

    def near(self, word, limit):
        # The trigram tokenizer has no similarity function: bm25 over the word's trigrams, OR-ed, ranks the terms
        # sharing the most (and the rarest) of them first. Only the words of the language searched are offered.
        trigrams = " OR ".join(dict.fromkeys(f'"{word[i : i + 3]}"' for i in range(len(word) - 2)))
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT t.term FROM search_searchterm_trigram f CROSS JOIN search_searchterm t ON t.id = f.rowid "
                "WHERE search_searchterm_trigram MATCH %s AND t.language = %s "
                "ORDER BY bm25(search_searchterm_trigram) LIMIT %s",
                [trigrams, self.language, limit],
            )
            return [term for (term,) in cursor.fetchall()]


class PostgresBackend:
    def __init__(self, language):
        self.language = language
        self.config = CONFIGURATIONS[language]

    def alternatives(self, groups):
        """The groups as they are: the text-search configuration stems (and for Spanish unaccents) every term."""
        return groups

    def phrase(self, *, nouns_apart=True):
        """A term as a tsquery, its Spanish nouns in "-idad" kept apart as the documents keep them (search migration
        0006); ``nouns_apart=False`` for highlighting, which stems the text as written."""
        if self.language == SPANISH and nouns_apart:
            return f"phraseto_tsquery('{self.config}', {SPANISH_NOUNS_APART}(%s))"
        return f"phraseto_tsquery('{self.config}', %s)"

    def tsquery(self, groups, require_all, *, nouns_apart=True):
        joiner = " && " if require_all else " || "
        phrase = self.phrase(nouns_apart=nouns_apart)
        alternatives = ["(" + " || ".join([phrase] * len(group)) + ")" for group in groups]
        return "(" + joiner.join(alternatives) + ")", [term for group in groups for term in group]

    def _ids(self, condition, params, limit, rank="", rank_params=()):
        """(id[, rank]) of up to ``limit`` published entries meeting ``condition``, in the order found.

        With no ORDER BY the LIMIT stops the scan of the GIN index's matches, and the rank is computed for the rows
        returned only. Sequential scans are turned off for this statement: with a LIMIT, the planner's estimate of
        the matches (often thousands where there are none) makes reading the table until it finds enough look
        cheaper, and at 100 000 entries a query that matches nothing then took 136 ms instead of 1.5. Only the
        entries in the language searched, whose document was built with the configuration the query uses.
        """
        published, published_params = published_condition()
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute(
                f"SELECT id{rank} FROM pages_searchentry "  # noqa: S608 - placeholders only
                f"WHERE {condition} AND language = %s AND {published} LIMIT %s",
                [*rank_params, *params, self.language, *published_params, limit],
            )
            found = cursor.fetchall()
            cursor.execute("SET LOCAL enable_seqscan TO DEFAULT")  # for the rest of an enclosing transaction
            return found

    def candidates(self, groups, require_all, limit):
        match, match_params = self.tsquery(groups, require_all)
        in_title, in_title_params = self.tsquery(groups, False)
        # When more have every word than are ranked, those with a word in the title are the ones kept (as on
        # SQLite, and for the same reason only then). The score adds the title's own rank divided by its length
        # to the document's: bm25 normalises each column by its length, ts_rank only the whole document, which let
        # a long title with the word in passing tie with the short title about it.
        with_title = [*match_params, *in_title_params]
        tiers = [(f"document @@ {match} AND title_document @@ {in_title}", with_title),
                 (f"document @@ {match} AND NOT title_document @@ {in_title}", with_title)]  # fmt: skip
        found = []
        for condition, params in tiers if require_all else [(f"document @@ {match}", match_params)]:
            rows = self._ids(
                condition, params, limit - len(found),
                rank=f", -(ts_rank(document, {match}, 1) + ts_rank(title_document, {match}, 2))",
                rank_params=[*match_params, *match_params],
            )  # fmt: skip
            found += [Candidate(pk, score) for pk, score in rows]
            if len(found) >= limit:
                break
        return found

    def frequency(self, word, limit):
        return len(self._ids(f"document @@ {self.phrase()}", [word], limit))

    def field_matches(self, groups, entry_ids):
        # Summary and topics are the document's weights B and C, the body D (pages migration 0005).
        checks, params, fields = [], [], []
        for index, group in enumerate(groups):
            alternatives, terms = self.tsquery([group], True)
            checks += [f"title_document @@ {alternatives}", f"ts_filter(document, '{{b,c}}') @@ {alternatives}",
                       f"ts_filter(document, '{{d}}') @@ {alternatives}",
                       f"ts_filter(document, '{{a,b,c}}') @@ {self.phrase()}"]  # fmt: skip
            params += [*terms, *terms, *terms, group[0]]
            fields += [(index, "title"), (index, "summary"), (index, "body"), (index, "literal")]
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT id, {', '.join(checks)} FROM pages_searchentry WHERE id = ANY(%s)",  # noqa: S608
                [*params, list(entry_ids)],
            )
            return _matches_by_entry(
                (index, field, entry_id)
                for entry_id, *checked in cursor.fetchall()
                for (index, field), matched in zip(fields, checked, strict=True)
                if matched
            )

    def rows(self, groups, entry_ids):
        sql, params = self.tsquery(groups, False, nouns_apart=False)
        options = f"StartSel={START}, StopSel={STOP}, MaxWords={SNIPPET_WORDS}, MinWords=12, MaxFragments=2"
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT e.id, ts_headline('{self.config}', e.title, q, %s), "  # noqa: S608 - placeholders only
                f"ts_headline('{self.config}', e.summary || ' ' || e.body, q, %s) "
                f"FROM pages_searchentry e, (SELECT {sql} AS q) query WHERE e.id = ANY(%s)",
                [f"{options}, HighlightAll=true", options, *params, list(entry_ids)],
            )
            return cursor.fetchall()

    def titles_starting(self, words, limit):
        # Each word a prefix of a title word: "relap" offers "Understanding Relapse". Words are \w+ only, so
        # quoting them makes a literal to_tsquery lexeme.
        prefixes = " & ".join(f"'{word}':*" for word in words)
        condition = f"title_document @@ to_tsquery('{self.config}', %s)"
        return [pk for (pk,) in self._ids(condition, [prefixes], limit)]

    def near(self, word, limit):
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT term FROM search_searchterm WHERE term %% %s AND language = %s "
                "ORDER BY similarity(term, %s) DESC, term LIMIT %s",
                [word, self.language, word, limit],
            )
            return [term for (term,) in cursor.fetchall()]


def backend(language=None):
    """The backend for the database in use, searching the entries in ``language`` (by default the active one)."""
    language = search_language(language)
    return PostgresBackend(language) if connection.vendor == "postgresql" else SqliteBackend(language)
