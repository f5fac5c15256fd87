"""Search in each language: entries, words, synonyms and counts get a language, and Spanish text is indexed as Spanish.

- SQLite: English entries stay in ``pages_searchentry_fts`` (``porter``), exactly as ranked before; Spanish ones go
  to ``search_searchentry_es_fts``, whose tokenizer folds accents (``remove_diacritics 2``). FTS5 has no Spanish
  stemmer: the term list keeps each word's Snowball stem (``stem``) and search looks for every indexed form of a
  typed word (search/backends.py). The triggers of pages 0005 fill one table or the other by the row's language.
- PostgreSQL: the ``unaccent`` extension and a ``spanish_unaccent`` text-search configuration (accents folded, then
  Spanish stems and stop words); ``document`` and ``title_document`` are built with each row's configuration.
  A production database needs ``unaccent`` (contrib, in every PostgreSQL package; trusted since PostgreSQL 13, so
  the database's owner may create it, else a superuser runs ``CREATE EXTENSION unaccent`` once before migrating)
  and the right to create a text-search configuration in the schema (the owner has it).
- The seeded synonyms gain Spanish lists, which apply to Spanish searches only.

On SQLite, adding a column rebuilds the table, which drops its triggers (as pages 0013 says): they are created
again here, and going back the first operation restores pages 0005's and search 0003's as they were. Going back
also deletes what is not English (entries, words, synonyms, counts), which the older tables cannot tell apart.
Statements and the word rule are copied here, so this migration keeps meaning what it meant.
"""

import importlib
import re
import unicodedata

import snowballstemmer
from django.db import migrations, models

LANGUAGES = [("en", "English"), ("es", "Español")]
FIELDS = "title, summary, topics, body"
NEW = "new.id, new.title, new.summary, new.topics, new.body"
OLD = "old.id, old.title, old.summary, old.topics, old.body"
FTS_TABLES = {"en": "pages_searchentry_fts", "es": "search_searchentry_es_fts"}


def _index(row, language):
    return f"INSERT INTO {FTS_TABLES[language]}(rowid, {FIELDS}) SELECT {row} WHERE new.language = '{language}';"


def _unindex(row, language):
    table = FTS_TABLES[language]
    return f"INSERT INTO {table}({table}, rowid, {FIELDS}) SELECT 'delete', {row} WHERE old.language = '{language}';"


SQLITE_TRIGGERS = [
    "CREATE TRIGGER pages_searchentry_ai AFTER INSERT ON pages_searchentry BEGIN "
    f"{_index(NEW, 'en')} {_index(NEW, 'es')} END",
    "CREATE TRIGGER pages_searchentry_ad AFTER DELETE ON pages_searchentry BEGIN "
    f"{_unindex(OLD, 'en')} {_unindex(OLD, 'es')} END",
    "CREATE TRIGGER pages_searchentry_au AFTER UPDATE ON pages_searchentry BEGIN "
    f"{_unindex(OLD, 'en')} {_unindex(OLD, 'es')} {_index(NEW, 'en')} {_index(NEW, 'es')} END",
]
SQLITE_TRIGGER_NAMES = ["pages_searchentry_ai", "pages_searchentry_ad", "pages_searchentry_au"]
TERM_TRIGGER_NAMES = ["search_searchterm_ai", "search_searchterm_ad"]  # search 0003's, on the rebuilt term list
SQLITE_SPANISH_TABLE = (
    f"CREATE VIRTUAL TABLE search_searchentry_es_fts USING fts5({FIELDS}, "
    "content='pages_searchentry', content_rowid='id', tokenize='unicode61 remove_diacritics 2')"
)


def _refill(language):
    """Each table holds its language's rows only (an external-content table's 'rebuild' would take them all)."""
    table = FTS_TABLES[language]
    return [
        f"INSERT INTO {table}({table}) VALUES ('delete-all')",  # noqa: S608 - constants only
        f"INSERT INTO {table}(rowid, {FIELDS}) SELECT id, {FIELDS} "  # noqa: S608 - constants only
        f"FROM pages_searchentry WHERE language = '{language}'",
    ]


CONFIGURATION = "CASE language WHEN 'es' THEN 'spanish_unaccent'::regconfig ELSE 'english'::regconfig END"


def _documents(configuration):
    return [
        "ALTER TABLE pages_searchentry DROP COLUMN document",
        "ALTER TABLE pages_searchentry DROP COLUMN title_document",
        "ALTER TABLE pages_searchentry ADD COLUMN document tsvector GENERATED ALWAYS AS ("
        f"setweight(to_tsvector({configuration}, title), 'A') || "
        f"setweight(to_tsvector({configuration}, summary), 'B') || "
        f"setweight(to_tsvector({configuration}, topics), 'C') || "
        f"setweight(to_tsvector({configuration}, body), 'D')) STORED",
        "CREATE INDEX pages_searchentry_document ON pages_searchentry USING gin (document)",
        "ALTER TABLE pages_searchentry ADD COLUMN title_document tsvector "
        f"GENERATED ALWAYS AS (to_tsvector({configuration}, title)) STORED",
        "CREATE INDEX pages_searchentry_title_document ON pages_searchentry USING gin (title_document)",
    ]


POSTGRESQL = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "CREATE TEXT SEARCH CONFIGURATION spanish_unaccent (COPY = spanish)",
    "ALTER TEXT SEARCH CONFIGURATION spanish_unaccent ALTER MAPPING FOR hword, hword_part, word "
    "WITH unaccent, spanish_stem",
    *_documents(CONFIGURATION),
]
# The extension stays: something else may use it, and it costs nothing unused.
POSTGRESQL_REVERSE = [*_documents("'english'::regconfig"), "DROP TEXT SEARCH CONFIGURATION spanish_unaccent"]

# Words that mean the same in Spanish, as a Spanish reader searches (stems make plurals and accents alike).
SPANISH_SEED = [
    "esposo, esposa, marido, pareja",
    "seguro médico, aseguranza, aseguradora, plan de salud",
    "alcohol, alcoholismo, bebida",
    "tratamiento, programa, terapia",
    "familia, familiar, ser querido",
    "ayuda, apoyo",
    "iop, programa ambulatorio intensivo",
    "desintoxicación, detox",
    "adicción, trastorno por consumo de sustancias",
    "intérprete, asistencia con el idioma",
]
WORD = re.compile(r"\w+")


def _stem(term):
    """search/languages.py's rule for Spanish: accents dropped, then the Snowball stem."""
    folded = "".join(c for c in unicodedata.normalize("NFKD", term) if not unicodedata.combining(c))
    return snowballstemmer.stemmer("spanish").stemWord(unicodedata.normalize("NFC", folded))


def _execute(schema_editor, statements):
    for statement in statements:
        schema_editor.execute(statement)


def restore_english_only_index(apps, schema_editor):
    """Going back, last: pages 0005's and search 0003's triggers, and the English table holding every row again."""
    if schema_editor.connection.vendor != "sqlite":
        return
    _execute(schema_editor, [f"DROP TRIGGER IF EXISTS {name}" for name in [*SQLITE_TRIGGER_NAMES, *TERM_TRIGGER_NAMES]])
    for module in ("pages.migrations.0005_search_index", "search.migrations.0003_search_terms_and_title_index"):
        _execute(schema_editor, [s for s in importlib.import_module(module).SQLITE if s.startswith("CREATE TRIGGER")])
    schema_editor.execute("INSERT INTO pages_searchentry_fts(pages_searchentry_fts) VALUES ('rebuild')")


def entries_and_words_in_their_language(apps, schema_editor):
    """Entries take their item's language; the words already listed are English ones, compared as they are."""
    SearchEntry = apps.get_model("search", "SearchEntry")
    for kind, model in (("article", "Article"), ("page", "ContentPage"), ("program", "Program")):
        items = apps.get_model("pages", model).objects.exclude(language="en").values_list("pk", "language")
        for pk, language in items:
            SearchEntry.objects.filter(kind=kind, object_id=pk).update(language=language)
    apps.get_model("search", "SearchTerm").objects.update(stem=models.F("term"))
    terms = set()
    for texts in SearchEntry.objects.filter(language="es").values_list("title", "summary", "topics", "body"):
        terms.update(
            word for word in WORD.findall(" ".join(texts).lower()) if 2 < len(word) <= 40 and not word.isdigit()
        )
    apps.get_model("search", "SearchTerm").objects.bulk_create(
        [apps.get_model("search", "SearchTerm")(language="es", term=term, stem=_stem(term)) for term in sorted(terms)],
        batch_size=500,
    )


def seed_spanish_synonyms(apps, schema_editor):
    Synonym = apps.get_model("search", "Synonym")
    for terms in SPANISH_SEED:
        Synonym.objects.get_or_create(language="es", terms=terms)


def remove_spanish_synonyms(apps, schema_editor):
    apps.get_model("search", "Synonym").objects.filter(language="es", terms__in=SPANISH_SEED).delete()


def index_each_language(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        _execute(schema_editor, POSTGRESQL)
    elif vendor == "sqlite":
        search_terms = importlib.import_module("search.migrations.0003_search_terms_and_title_index")
        names = [*SQLITE_TRIGGER_NAMES, *TERM_TRIGGER_NAMES]
        _execute(schema_editor, [f"DROP TRIGGER IF EXISTS {name}" for name in names])
        _execute(schema_editor, [s for s in search_terms.SQLITE if s.startswith("CREATE TRIGGER")])
        _execute(schema_editor, [SQLITE_SPANISH_TABLE, *SQLITE_TRIGGERS, *_refill("en"), *_refill("es")])


def index_english_only(apps, schema_editor):
    """Going back: one index again, and only what the older tables can hold (English)."""
    for model in ("SearchEntry", "SearchTerm", "Synonym", "SearchCount"):
        apps.get_model("search", model).objects.exclude(language="en").delete()
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        _execute(schema_editor, POSTGRESQL_REVERSE)
    elif vendor == "sqlite":
        _execute(schema_editor, [f"DROP TRIGGER {name}" for name in SQLITE_TRIGGER_NAMES])
        schema_editor.execute("DROP TABLE search_searchentry_es_fts")


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0004_programs_are_searched"),
        ("pages", "0018_languages"),
    ]

    operations = [
        # Undone last: the older triggers again, after the tables were rebuilt back.
        migrations.RunPython(migrations.RunPython.noop, restore_english_only_index),
        migrations.AddField(
            model_name="searchentry",
            name="language",
            field=models.CharField(choices=LANGUAGES, default="en", max_length=5),
        ),
        migrations.AddField(
            model_name="searchterm",
            name="language",
            field=models.CharField(choices=LANGUAGES, default="en", max_length=5),
        ),
        migrations.AddField(
            model_name="searchterm",
            name="stem",
            field=models.CharField(default="", max_length=40),
            preserve_default=False,
        ),
        migrations.AlterField(model_name="searchterm", name="term", field=models.CharField(max_length=40)),
        migrations.AddConstraint(
            model_name="searchterm",
            constraint=models.UniqueConstraint(fields=("language", "term"), name="unique_search_term_per_language"),
        ),
        migrations.AddIndex(
            model_name="searchterm",
            index=models.Index(fields=["language", "stem"], name="search_term_stem"),
        ),
        migrations.AddField(
            model_name="synonym",
            name="language",
            field=models.CharField(
                choices=LANGUAGES,
                default="en",
                help_text="The searches it applies to: those made on the pages in this language.",
                max_length=5,
            ),
        ),
        migrations.AlterField(
            model_name="synonym",
            name="terms",
            field=models.CharField(
                help_text="Words or short phrases that mean the same here, separated by commas: job, work, career.",
                max_length=300,
            ),
        ),
        migrations.AddConstraint(
            model_name="synonym",
            constraint=models.UniqueConstraint(fields=("language", "terms"), name="unique_synonym_per_language"),
        ),
        migrations.AlterModelOptions(name="synonym", options={"ordering": ["language", "terms"]}),
        migrations.RemoveConstraint(model_name="searchcount", name="unique_search_count_per_day"),
        migrations.AddField(
            model_name="searchcount",
            name="language",
            field=models.CharField(choices=LANGUAGES, default="en", max_length=5),
        ),
        migrations.AddConstraint(
            model_name="searchcount",
            constraint=models.UniqueConstraint(
                fields=("query", "language", "day"), name="unique_search_count_per_language_day"
            ),
        ),
        migrations.RunPython(entries_and_words_in_their_language, migrations.RunPython.noop),
        migrations.RunPython(seed_spanish_synonyms, remove_spanish_synonyms),
        migrations.RunPython(index_each_language, index_english_only),
    ]
