"""What keeps search fast as the site grows: a term list with a trigram index, and title-only lookups.

- ``search_searchterm`` holds every word of the indexed text, with a trigram index (FTS5 ``trigram`` tokenizer on
  SQLite, ``pg_trgm`` on PostgreSQL), so the close words of a misspelling are found without reading every word.
- An index on ``lower(title)`` answers the exact-title tie-break; on PostgreSQL a stored ``title_document``
  tsvector with its own GIN index answers "which titles match" (ranking's first tier and the type-ahead) without
  rechecking each body. SQLite's FTS5 table already has a title column for that.

The term list is filled from the entries already indexed; the word rule is copied here so that this migration
keeps meaning what it meant.
"""

import re

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations, models
from django.db.models.functions import Lower

SQLITE = [
    "CREATE VIRTUAL TABLE search_searchterm_trigram USING fts5(term, content='search_searchterm', "
    "content_rowid='id', tokenize='trigram')",
    # Terms are only ever inserted and deleted, never changed.
    "CREATE TRIGGER search_searchterm_ai AFTER INSERT ON search_searchterm BEGIN "
    "INSERT INTO search_searchterm_trigram(rowid, term) VALUES (new.id, new.term); END",
    "CREATE TRIGGER search_searchterm_ad AFTER DELETE ON search_searchterm BEGIN "
    "INSERT INTO search_searchterm_trigram(search_searchterm_trigram, rowid, term) VALUES ('delete', old.id, old.term); "
    "END",
]
SQLITE_REVERSE = ["DROP TRIGGER search_searchterm_ad", "DROP TRIGGER search_searchterm_ai",
                  "DROP TABLE search_searchterm_trigram"]  # fmt: skip
POSTGRESQL = [
    "CREATE INDEX search_searchterm_trigram ON search_searchterm USING gin (term gin_trgm_ops)",
    "ALTER TABLE pages_searchentry ADD COLUMN title_document tsvector "
    "GENERATED ALWAYS AS (to_tsvector('english', title)) STORED",
    "CREATE INDEX pages_searchentry_title_document ON pages_searchentry USING gin (title_document)",
]
POSTGRESQL_REVERSE = ["DROP INDEX pages_searchentry_title_document",
                      "ALTER TABLE pages_searchentry DROP COLUMN title_document",
                      "DROP INDEX search_searchterm_trigram"]  # fmt: skip
WORD = re.compile(r"\w+")


def run(statements):
    def apply(apps, schema_editor):
        for statement in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return apply


def fill_terms(apps, schema_editor):
    SearchEntry = apps.get_model("search", "SearchEntry")
    SearchTerm = apps.get_model("search", "SearchTerm")
    terms = set()
    for texts in SearchEntry.objects.values_list("title", "summary", "topics", "body").iterator():
        words = WORD.findall(" ".join(texts).lower())
        terms.update(word for word in words if 2 < len(word) <= 40 and not word.isdigit())
    SearchTerm.objects.bulk_create([SearchTerm(term=term) for term in sorted(terms)], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [("search", "0002_concept_word_synonyms")]

    operations = [
        TrigramExtension(),
        migrations.CreateModel(
            name="SearchTerm",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("term", models.CharField(max_length=40, unique=True)),
            ],
        ),
        migrations.AddIndex(
            model_name="searchentry",
            index=models.Index(Lower("title"), name="search_entry_lower_title"),
        ),
        migrations.RunPython(
            run({"sqlite": SQLITE, "postgresql": POSTGRESQL}),
            run({"sqlite": SQLITE_REVERSE, "postgresql": POSTGRESQL_REVERSE}),
        ),
        migrations.RunPython(fill_terms, migrations.RunPython.noop),
    ]
