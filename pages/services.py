"""The one way articles, content pages and programs are saved, published and unpublished.

Every writer goes through here: the admin's form and its bulk actions, the importer and the benchmark's demo
articles. Visitors must see and find the change on their next request, so each item is written with its own
``save()``: the post_save it sends is what the page cache (pages/cache.py) and the search index (search/index.py) act
on, whichever writer made the change. Only the benchmark's thousands of articles are inserted in bulk, and the
function that does it tells both in its own way.

A draft has no publication date. Publishing stamps the moment, unless the editor chose a date: a future one is a
schedule, and the item appears when its time comes, with no further write.
"""

import reversion
from django.db import transaction
from django.utils import timezone

from restoration.markdown import render_markdown
from revisions import history

from . import translation_sync
from .cache import content_changed
from .models import Article, Publishable
from .signals import publication_changed


def save(item):
    """Save an article, content page or program as an editor or the importer left it, dating it if it is newly
    published; the save is kept as a version in its history (in the admin's revision, which names the editor, when
    the admin is saving)."""
    with reversion.create_revision():
        if item.status == Publishable.Status.PUBLISHED and item.published_at is None:
            item.published_at = timezone.now()
        translation_sync.remember_source(item)
        item.save()


def restore(version, editor):
    """Bring back a kept version of an item's texts as a new version, written by ``save`` (so its page and the
    search index follow on the next request); whether it is public does not change."""
    return history.restore(version, user=editor, save=save)


@transaction.atomic
def publish(queryset):
    """Make the items of ``queryset`` public now; returns how many were not public before.

    Drafts and scheduled items are dated now; items already public keep the date visitors know them by.
    """
    now = timezone.now()
    items = list(queryset.exclude(pk__in=queryset.published().values("pk")))
    with reversion.create_revision():
        history.describe(comment="Published.")
        for item in items:
            item.status, item.published_at = Publishable.Status.PUBLISHED, now
            save(item)
    return len(items)


@transaction.atomic
def unpublish(queryset):
    """Turn the published (or scheduled) items of ``queryset`` back into drafts; returns how many changed."""
    items = list(queryset.filter(status=Publishable.Status.PUBLISHED))
    with reversion.create_revision():
        history.describe(comment="Unpublished (back to draft).")
        for item in items:
            item.status = Publishable.Status.DRAFT
            save(item)
    return len(items)


def add_published_articles(articles, topic_ids):
    """Insert new published ``articles`` (unsaved, dated) in bulk, each with the topic of the same place in
    ``topic_ids``: thousands in a few queries, for benchmarks. Returns the saved articles.

    A bulk insert sends no post_save: the search index hears of them from ``publication_changed``, and cached pages
    are made stale here.
    """
    for article in articles:
        article.body_html = render_markdown(article.body)  # as save() would
    articles = Article.objects.bulk_create(articles)
    Article.topics.through.objects.bulk_create(
        Article.topics.through(article_id=article.pk, topic_id=topic_id)
        for article, topic_id in zip(articles, topic_ids, strict=True)
    )
    publication_changed.send(sender=Article, pks=[article.pk for article in articles])
    content_changed()
    return articles
