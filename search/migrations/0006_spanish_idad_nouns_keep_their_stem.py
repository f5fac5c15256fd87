"""Spanish nouns in "-idad" keep their own stem: "seguridad" (safety) is no longer found by "seguro" (insurance).

- SQLite: the words already listed are compared by the new stem (search/languages.py), so the forms searched for
  "seguro" no longer include "seguridad", without a rebuild.
- PostgreSQL: Snowball's Spanish dictionary cuts "-idad" off, and a dictionary of exceptions would need a file on
  the database server. Instead ``spanish_nouns_apart`` turns such a noun, singular or plural, into one that ends
  in "idadd", which Snowball leaves whole ("seguridades" → 'seguridadd'); Spanish documents are built from its
  output, and search/backends.py passes Spanish queries through it too. Highlights stem the text as written.

The rule is copied here from search/languages.py, so that this migration keeps meaning what it meant. Going back
restores Snowball's stems and search 0005's documents.
"""

import importlib
import re
import unicodedata

import snowballstemmer
from django.db import migrations

QUALITY_NOUN = re.compile(r"(\w+idad)(?:es)?")
CONFIGURATION = "CASE language WHEN 'es' THEN 'spanish_unaccent'::regconfig ELSE 'english'::regconfig END"
FUNCTION = (
    "CREATE FUNCTION spanish_nouns_apart(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE "
    r"RETURN regexp_replace($1, '\Yidad(es)?\M', 'idadd', 'gi')"
)


def _text(column):
    return f"CASE language WHEN 'es' THEN spanish_nouns_apart({column}) ELSE {column} END"


POSTGRESQL = [
    FUNCTION,
    "ALTER TABLE pages_searchentry DROP COLUMN document",
    "ALTER TABLE pages_searchentry DROP COLUMN title_document",
    "ALTER TABLE pages_searchentry ADD COLUMN document tsvector GENERATED ALWAYS AS ("
    f"setweight(to_tsvector({CONFIGURATION}, {_text('title')}), 'A') || "
    f"setweight(to_tsvector({CONFIGURATION}, {_text('summary')}), 'B') || "
    f"setweight(to_tsvector({CONFIGURATION}, {_text('topics')}), 'C') || "
    f"setweight(to_tsvector({CONFIGURATION}, {_text('body')}), 'D')) STORED",
    "CREATE INDEX pages_searchentry_document ON pages_searchentry USING gin (document)",
    "ALTER TABLE pages_searchentry ADD COLUMN title_document tsvector "
    f"GENERATED ALWAYS AS (to_tsvector({CONFIGURATION}, {_text('title')})) STORED",
    "CREATE INDEX pages_searchentry_title_document ON pages_searchentry USING gin (title_document)",
]


def _folded(term):
    decomposed = unicodedata.normalize("NFKD", term.lower())
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def _restem(apps, stem_of):
    SearchTerm = apps.get_model("search", "SearchTerm")
    terms = list(SearchTerm.objects.filter(language="es", term__iregex=r".idad(es)?$"))
    for term in terms:
        term.stem = stem_of(_folded(term.term))
    SearchTerm.objects.bulk_update(terms, ["stem"], batch_size=500)


def nouns_apart(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in POSTGRESQL:
            schema_editor.execute(statement)
    _restem(apps, lambda folded: QUALITY_NOUN.fullmatch(folded).group(1))


def nouns_with_their_adjectives(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        before = importlib.import_module("search.migrations.0005_search_in_each_language")
        for statement in [*before._documents(before.CONFIGURATION), "DROP FUNCTION spanish_nouns_apart(text)"]:
            schema_editor.execute(statement)
    _restem(apps, snowballstemmer.stemmer("spanish").stemWord)


class Migration(migrations.Migration):
    dependencies = [("search", "0005_search_in_each_language")]

    operations = [migrations.RunPython(nouns_apart, nouns_with_their_adjectives)]
