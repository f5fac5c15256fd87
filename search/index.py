"""Keeps the search index in step with the content, by listening to the signals pages sends.

Pages never imports search: every write to an article, page or topic sends post_save, post_delete or m2m_changed
(pages/services.py saves each item), and the benchmark articles pages/services.py inserts in bulk, which send none
of those, ``pages.signals.publication_changed``. The listeners are connected from SearchConfig.ready.
"""

import re

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.html import strip_tags

from center.translation import words
from pages.cache import content_changed
from pages.models import Article, ContentPage, Program, Topic
from pages.signals import publication_changed

from .languages import normalised
from .models import SearchEntry, SearchTerm
from .query import terms_of

BATCH_SIZE = 500
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


# The end of a block of text (heading, paragraph, list item, cell) in the HTML that pages/markdown.py makes.
_BLOCK_END = re.compile(r"</(?:h[1-6]|p|li|dt|dd|blockquote|pre|td|th|caption|figcaption)>", re.IGNORECASE)
_SENTENCE_END = (".", "!", "?", ":", ";", "…")


def _plain(text):
    return " ".join(_CONTROL.sub(" ", text).split())


def _blocks(texts):
    """Texts run together as sentences: each ends in a full stop unless it has its own punctuation, so a snippet
    never runs a heading or a list item into the words after it."""
    blocks = [_plain(text) for text in texts]
    return " ".join(block if block.endswith(_SENTENCE_END) else f"{block}." for block in blocks if block)


def _html_blocks(html):
    return [strip_tags(block) for block in _BLOCK_END.split(html)]


def _headings(markdown):
    return [line.lstrip("#").strip() for line in markdown.splitlines() if line.startswith("#")]


KINDS = {Article: SearchEntry.Kind.ARTICLE, ContentPage: SearchEntry.Kind.PAGE, Program: SearchEntry.Kind.PROGRAM}


def _kind(model):
    return KINDS[model]


# A program's facts, which its page shows around the body text, are searched as its body is.
PROGRAM_FACTS = ["suited_to", "not_suited_to", "first_day", "what_to_bring"]


def _entry_fields(item):
    is_article = isinstance(item, Article)
    topics = ", ".join(words(topic, "name", item.language) for topic in item.topics.all()) if is_article else ""
    facts = [getattr(item, name) for name in PROGRAM_FACTS] if isinstance(item, Program) else []
    return {
        "kind": _kind(type(item)),
        "object_id": item.pk,
        "language": item.language,
        "title": _plain(item.title),
        "summary": _blocks([item.summary, *_headings(item.body)]),
        "topics": _plain(topics),
        "body": _blocks([*_html_blocks(item.body_html), *facts]),
        "url": item.get_absolute_url(),
        "status": item.status,
        "published_at": item.published_at,
    }


def _remember_terms(entries):
    """Add the words of these entries' fields, each in its entry's language, to the term list that corrections
    (and on SQLite the forms of a Spanish word) are drawn from."""
    terms = {
        (entry["language"], term)
        for entry in entries
        for term in terms_of(" ".join([entry["title"], entry["summary"], entry["topics"], entry["body"]]))
    }
    SearchTerm.objects.bulk_create(
        [SearchTerm(language=language, term=term, stem=normalised(term, language)) for language, term in terms],
        batch_size=BATCH_SIZE,
        ignore_conflicts=True,
    )


def _store(items):
    """Write the entries of these items (all new) and remember their words."""
    fields = [_entry_fields(item) for item in items]
    SearchEntry.objects.bulk_create([SearchEntry(**entry) for entry in fields], batch_size=BATCH_SIZE)
    _remember_terms(fields)


def index_item(item):
    """Store (or refresh) the searchable text of an article, content page or program."""
    fields = _entry_fields(item)
    _remember_terms([fields])
    SearchEntry.objects.update_or_create(kind=fields.pop("kind"), object_id=fields.pop("object_id"), defaults=fields)


def unindex_item(item):
    """Remove a deleted article, content page or program from the index."""
    SearchEntry.objects.filter(kind=_kind(type(item)), object_id=item.pk).delete()


def rebuild_index():
    """Index every article, content page and program afresh; returns how many entries were written."""
    SearchEntry.objects.all().delete()
    SearchTerm.objects.all().delete()  # and words of deleted items with them
    items = [*Article.objects.prefetch_related("topics"), *ContentPage.objects.all(), *Program.objects.all()]
    _store(items)
    content_changed()  # rankings kept from the index before (an empty one, say) are no longer used
    return len(items)


def connect_index_updates():
    """Keep the index in step with every write to articles, pages, programs and topics (from SearchConfig.ready)."""

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
        # A bulk insert may add thousands of rows: their entries are written in a few queries.
        items = sender.objects.filter(pk__in=pks)
        items = items.prefetch_related("topics") if sender is Article else items
        SearchEntry.objects.filter(kind=_kind(sender), object_id__in=pks).delete()
        _store(items)

    for model in KINDS:
        post_save.connect(saved, sender=model, weak=False, dispatch_uid=f"search-index-save-{model.__name__}")
        post_delete.connect(deleted, sender=model, weak=False, dispatch_uid=f"search-index-delete-{model.__name__}")
    m2m_changed.connect(topics_changed, sender=Article.topics.through, weak=False, dispatch_uid="search-index-m2m")
    post_save.connect(topic_saved, sender=Topic, weak=False, dispatch_uid="search-index-topic")
    publication_changed.connect(publication_updated, weak=False, dispatch_uid="search-index-publication")
