"""The one way articles and content pages are saved, published and unpublished.

Every writer goes through here: the admin's form and its bulk actions, and the importer. Visitors must see and find
the change on their next request, so a write updates the row, the search index and the page cache together:
``save()`` through the post_save signal (on which pages/cache.py and the search index act), the bulk
functions, whose ``queryset.update()`` sends no such signal, by sending ``pages.signals.publication_changed``
(the search index listens to it; pages never imports search code) and by making cached pages stale themselves.

A draft has no publication date. Publishing stamps the moment, unless the editor chose a date: a future one is a
schedule, and the item appears when its time comes, with no further write.
"""

from django.db import transaction
from django.utils import timezone

from .cache import content_changed
from .models import Publishable
from .signals import publication_changed


def save(item):
    """Save an article or content page as an editor or the importer left it, dating it if it is newly published."""
    if item.status == Publishable.Status.PUBLISHED and item.published_at is None:
        item.published_at = timezone.now()
    item.save()


@transaction.atomic
def publish(queryset):
    """Make the items of ``queryset`` public now; returns how many were not public before.

    Drafts and scheduled items are dated now; items already public keep the date visitors know them by.
    """
    now = timezone.now()
    pks = list(queryset.exclude(pk__in=queryset.published().values("pk")).values_list("pk", flat=True))
    return _update(queryset.model, pks, status=Publishable.Status.PUBLISHED, published_at=now, updated_at=now)


@transaction.atomic
def unpublish(queryset):
    """Turn the published (or scheduled) items of ``queryset`` back into drafts; returns how many changed."""
    pks = list(queryset.filter(status=Publishable.Status.PUBLISHED).values_list("pk", flat=True))
    return _update(queryset.model, pks, status=Publishable.Status.DRAFT, updated_at=timezone.now())


def _update(model, pks, **values):
    count = model.objects.filter(pk__in=pks).update(**values)
    publication_changed.send(sender=model, pks=pks)
    content_changed()
    return count
