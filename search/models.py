"""What site search keeps: the searchable text of each article and page, the editors' synonyms, the daily counts.

The tables keep the names they had when these models lived in pages (``pages_searchentry``…): the models moved in
state only (migrations/0001_initial.py), and the full-text index over ``pages_searchentry`` is named after it.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower

from pages.models import Publishable, PublishableQuerySet

from .query import MAX_WORD_LENGTH, words_of


class SearchEntry(models.Model):
    """The searchable text of one article, content page or program, kept for every item whatever its status.

    Visibility is decided when searching (status and ``published_at``), so a scheduled article appears at its
    time with no save event. The full-text index over these rows is database specific and reads each in its
    language: see search/backends.py.
    """

    class Kind(models.TextChoices):
        ARTICLE = "article", "Article"
        PAGE = "page", "Page"
        PROGRAM = "program", "Program"

    kind = models.CharField(max_length=10, choices=Kind.choices)
    # The item's own: a visitor searches the entries of the language of the page they are on (/es/search/).
    language = models.CharField(max_length=5, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE)
    object_id = models.PositiveIntegerField()
    title = models.CharField(max_length=200)
    summary = models.TextField(help_text="The summary and the headings of the body.")
    topics = models.TextField(blank=True)
    body = models.TextField(help_text="The body as plain text.")
    url = models.CharField(max_length=300)
    status = models.CharField(max_length=10, choices=Publishable.Status.choices)
    published_at = models.DateTimeField(null=True)

    # An entry copies its item's status and date, so the articles' own published() decides what search shows.
    objects = PublishableQuerySet.as_manager()

    class Meta:
        db_table = "pages_searchentry"
        constraints = [models.UniqueConstraint(fields=["kind", "object_id"], name="unique_search_entry")]
        indexes = [
            models.Index(fields=["status", "published_at"]),
            # The exact-title tie-break looks the typed query up here rather than among the ranked candidates.
            models.Index(Lower("title"), name="search_entry_lower_title"),
        ]
        verbose_name_plural = "search entries"

    def __str__(self):
        return self.title


class SearchTerm(models.Model):
    """A word that occurs somewhere in the indexed text: where corrections of a misspelt word are looked for.

    Words are added as items are indexed and only dropped when the index is rebuilt, so a term may come from a
    draft or a deleted item: a correction is only offered once it is found in published text (search/results.py).
    A trigram index over ``term`` (FTS5 ``trigram`` on SQLite, ``pg_trgm`` on PostgreSQL; search migration 0003)
    finds the close words of a misspelling without reading the others.

    Each language has its own words, so a correction is always in the language searched. ``stem`` is the form
    search compares a word by (search/languages.py): on SQLite, the Spanish words sharing a query word's stem are
    the forms searched for it.
    """

    language = models.CharField(max_length=5, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE)
    term = models.CharField(max_length=MAX_WORD_LENGTH)
    stem = models.CharField(max_length=MAX_WORD_LENGTH)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["language", "term"], name="unique_search_term_per_language")]
        indexes = [models.Index(fields=["language", "stem"], name="search_term_stem")]

    def __str__(self):
        return self.term


class Synonym(models.Model):
    """Words and phrases site search treats as the same: searching for any one finds all of them.

    A list is in one language and applies to the searches made in it (/search/ or /es/search/).
    """

    language = models.CharField(
        max_length=5,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text="The searches it applies to: those made on the pages in this language.",
    )
    terms = models.CharField(
        max_length=300,
        help_text="Words or short phrases that mean the same here, separated by commas: job, work, career.",
    )

    class Meta:
        db_table = "pages_synonym"
        ordering = ["language", "terms"]
        constraints = [models.UniqueConstraint(fields=["language", "terms"], name="unique_synonym_per_language")]

    def __str__(self):
        return self.terms

    @property
    def term_list(self):
        """The terms, lower case, each reduced to plain words."""
        terms = (" ".join(words_of(term)) for term in self.terms.split(","))
        return [term for term in terms if term]

    def clean(self):
        if len(self.term_list) < 2:
            raise ValidationError({"terms": "Give at least two words or phrases, separated by commas."})


class SearchCountQuerySet(models.QuerySet):
    def reportable(self):
        """Only the queries searched at least REPORT_MIN_SEARCHES times in all the kept days.

        A client counts once per query and day (search/analytics.py), so that takes several people, or one person
        on several days: a query only one visitor typed once never reaches a report.
        """
        common = (
            SearchCount.objects.order_by()
            .values("query")
            .annotate(total=models.Sum("searches"))
            .filter(total__gte=SearchCount.REPORT_MIN_SEARCHES)
            .values("query")
        )
        return self.filter(query__in=common)


class SearchCount(models.Model):
    """How often a query was searched on a day, and how often it found nothing.

    Counted per language searched, so the reports tell editors what Spanish readers miss.

    Deliberately anonymous: no IP address, session, user or time finer than the day is ever stored, and queries
    that could name someone (digits, an @, many words) are never counted. ``purge_search_counts`` deletes rows
    after SEARCH_ANALYTICS_RETENTION_DAYS (90).
    """

    REPORT_MIN_SEARCHES = 3

    query = models.CharField(max_length=100)
    language = models.CharField(max_length=5, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE)
    day = models.DateField()
    searches = models.PositiveIntegerField(default=0)
    searches_without_results = models.PositiveIntegerField(default=0)

    objects = SearchCountQuerySet.as_manager()

    class Meta:
        db_table = "pages_searchcount"
        constraints = [
            models.UniqueConstraint(fields=["query", "language", "day"], name="unique_search_count_per_language_day")
        ]
        ordering = ["-day", "-searches"]

    def __str__(self):
        return f"{self.query} ({self.day})"


class TopSearch(SearchCount):
    class Meta:
        proxy = True
        verbose_name = "top search"
        verbose_name_plural = "top searches"


class SearchWithoutResults(SearchCount):
    class Meta:
        proxy = True
        verbose_name = "search with no results"
        verbose_name_plural = "searches with no results"
