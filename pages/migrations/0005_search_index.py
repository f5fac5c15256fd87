"""The full-text index over pages_searchentry: an FTS5 table on SQLite, a weighted tsvector column on PostgreSQL."""

from django.db import migrations

SQLITE = [
    # External-content FTS5 table: the text lives once, in pages_searchentry; triggers keep the index in step.
    "CREATE VIRTUAL TABLE pages_searchentry_fts USING fts5(title, summary, topics, body, "
    "content='pages_searchentry', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2')",
    "CREATE TRIGGER pages_searchentry_ai AFTER INSERT ON pages_searchentry BEGIN "
    "INSERT INTO pages_searchentry_fts(rowid, title, summary, topics, body) "
    "VALUES (new.id, new.title, new.summary, new.topics, new.body); END",
    "CREATE TRIGGER pages_searchentry_ad AFTER DELETE ON pages_searchentry BEGIN "
    "INSERT INTO pages_searchentry_fts(pages_searchentry_fts, rowid, title, summary, topics, body) "
    "VALUES ('delete', old.id, old.title, old.summary, old.topics, old.body); END",
    "CREATE TRIGGER pages_searchentry_au AFTER UPDATE ON pages_searchentry BEGIN "
    "INSERT INTO pages_searchentry_fts(pages_searchentry_fts, rowid, title, summary, topics, body) "
    "VALUES ('delete', old.id, old.title, old.summary, old.topics, old.body); "
    "INSERT INTO pages_searchentry_fts(rowid, title, summary, topics, body) "
    "VALUES (new.id, new.title, new.summary, new.topics, new.body); END",
]
SQLITE_REVERSE = [
    "DROP TRIGGER pages_searchentry_au",
    "DROP TRIGGER pages_searchentry_ad",
    "DROP TRIGGER pages_searchentry_ai",
    "DROP TABLE pages_searchentry_fts",
]
POSTGRESQL = [
    # Weights: title A, summary and headings B, topics C, body D.
    "ALTER TABLE pages_searchentry ADD COLUMN document tsvector GENERATED ALWAYS AS ("
    "setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', summary), 'B') || "
    "setweight(to_tsvector('english', topics), 'C') || setweight(to_tsvector('english', body), 'D')) STORED",
    "CREATE INDEX pages_searchentry_document ON pages_searchentry USING gin (document)",
]
POSTGRESQL_REVERSE = ["DROP INDEX pages_searchentry_document", "ALTER TABLE pages_searchentry DROP COLUMN document"]


def run(statements):
    def apply(apps, schema_editor):
        for statement in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return apply


class Migration(migrations.Migration):
    dependencies = [("pages", "0004_search_entry")]

    operations = [
        migrations.RunPython(
            run({"sqlite": SQLITE, "postgresql": POSTGRESQL}),
            run({"sqlite": SQLITE_REVERSE, "postgresql": POSTGRESQL_REVERSE}),
        ),
    ]
