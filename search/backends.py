"""The two full-text backends, chosen by the database: SQLite FTS5 and PostgreSQL tsvector.

Both answer the same two questions for groups of alternative terms (search/query.py): how many published entries
match, and which ones rank on a given page, with title and snippet highlighted. Highlights come back wrapped in
control-character sentinels (START, STOP) that no indexed text contains; search/results.py escapes the text and
only then turns them into ``<mark>``. The index itself is built by pages' migrations 0005 and 0013 (FTS5 table and
triggers, or a generated ``document`` column with a GIN index) over ``pages_searchentry``.
"""

from typing import NamedTuple

from django.db import connection

from .models import SearchEntry

SNIPPET_WORDS = 30
START, STOP = "\x02", "\x03"


class Row(NamedTuple):
    """One ranked match: its entry, and its title and snippet with the highlight sentinels in them."""

    entry_id: int
    title: str
    snippet: str


def published_condition():
    """``SearchEntry.objects.published()`` as an SQL condition and its parameters: compiled, never copied.

    Its columns are qualified by the table's own name (``pages_searchentry``), so the queries below leave that
    table unaliased wherever they filter on it.
    """
    query = SearchEntry.objects.published().query
    return query.get_compiler(connection=connection).compile(query.where)


class SqliteBackend:
    def match(self, groups, require_all):
        # Terms are plain words (see query_words), so quoting each one makes it a literal term or phrase.
        alternatives = ("(" + " OR ".join(f'"{term}"' for term in group) + ")" for group in groups)
        return (" AND " if require_all else " OR ").join(alternatives)

    # CROSS JOIN keeps the full-text match as the outer loop: SQLite would otherwise scan the entries and run
    # the MATCH once per entry.
    def count(self, groups, require_all):
        published, published_params = published_condition()
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM pages_searchentry_fts f "  # noqa: S608 - placeholders only
                "CROSS JOIN pages_searchentry ON pages_searchentry.id = f.rowid "
                f"WHERE pages_searchentry_fts MATCH %s AND {published}",
                [self.match(groups, require_all), *published_params],
            )
            return cursor.fetchone()[0]

    def rows(self, groups, require_all, title, offset, limit):
        match = self.match(groups, require_all)
        published, published_params = published_condition()
        with connection.cursor() as cursor:
            # Ranked first, highlighted after: SQLite would otherwise build a snippet for every match, not just
            # the page shown. bm25's IDF is near zero for words most items share, so a title match is a tier.
            cursor.execute(
                "SELECT f.rowid FROM pages_searchentry_fts f "  # noqa: S608 - placeholders only
                "CROSS JOIN pages_searchentry ON pages_searchentry.id = f.rowid "
                f"WHERE pages_searchentry_fts MATCH %s AND {published} "
                "ORDER BY lower(pages_searchentry.title) = %s DESC, f.rowid IN (SELECT rowid FROM "
                "pages_searchentry_fts WHERE pages_searchentry_fts MATCH %s) DESC, "
                "bm25(pages_searchentry_fts, 10.0, 4.0, 2.0, 1.0) LIMIT %s OFFSET %s",
                [match, *published_params, title, "title : (" + self.match(groups, False) + ")", limit, offset],
            )  # fmt: skip
            ranked = [row[0] for row in cursor.fetchall()]
            if not ranked:
                return []
            cursor.execute(
                "SELECT f.rowid, highlight(pages_searchentry_fts, 0, %s, %s), "  # noqa: S608 - placeholders only
                "snippet(pages_searchentry_fts, -1, %s, %s, '…', %s) FROM pages_searchentry_fts f "
                f"WHERE pages_searchentry_fts MATCH %s AND f.rowid IN ({', '.join(['%s'] * len(ranked))})",
                [START, STOP, START, STOP, SNIPPET_WORDS, match, *ranked],
            )  # fmt: skip
            rows = {row.entry_id: row for row in map(Row._make, cursor.fetchall())}
            return [rows[pk] for pk in ranked]


class PostgresBackend:
    def tsquery(self, groups, require_all):
        joiner = " && " if require_all else " || "
        alternatives = ["(" + " || ".join(["phraseto_tsquery('english', %s)"] * len(group)) + ")" for group in groups]
        return "(" + joiner.join(alternatives) + ")", [term for group in groups for term in group]

    def count(self, groups, require_all):
        sql, params = self.tsquery(groups, require_all)
        published, published_params = published_condition()
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT count(*) FROM pages_searchentry WHERE document @@ {sql} AND {published}",  # noqa: S608 - placeholders only
                [*params, *published_params],
            )
            return cursor.fetchone()[0]

    def rows(self, groups, require_all, title, offset, limit):
        sql, params = self.tsquery(groups, require_all)
        published, published_params = published_condition()
        options = f"StartSel={START}, StopSel={STOP}, MaxWords={SNIPPET_WORDS}, MinWords=12, MaxFragments=2"
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT e.id, ts_headline('english', e.title, q, %s), "  # noqa: S608 - placeholders only
                "ts_headline('english', e.summary || ' ' || e.body, q, %s) "
                "FROM (SELECT id, ts_rank_cd(document, q) AS rank, q FROM pages_searchentry, "
                f"(SELECT {sql} AS q) query "
                f"WHERE document @@ q AND {published} "
                "ORDER BY lower(title) = %s DESC, rank DESC, id LIMIT %s OFFSET %s) r "
                "JOIN pages_searchentry e ON e.id = r.id ORDER BY lower(e.title) = %s DESC, r.rank DESC, e.id",
                [f"{options}, HighlightAll=true", options, *params, *published_params, title, limit, offset, title],
            )  # fmt: skip
            return [Row._make(row) for row in cursor.fetchall()]


def backend():
    """The backend for the database in use."""
    return PostgresBackend() if connection.vendor == "postgresql" else SqliteBackend()
