"""Retention: delete inquiries past the retention period, signalling how many went (for the audit trail).

Every inquiry has the same maximum age. Closed and spam ones past it are deleted at once. An open one past it may
still be in hand, so the first run flags it (the admin inbox shows when it goes) and the first run after the
grace period (RETENTION_GRACE, two weeks) deletes it. The privacy page describes exactly this.
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.template.defaultfilters import pluralize
from django.utils import formats, timezone

from contact import signals
from contact.models import RETENTION_GRACE, Inquiry
from restoration.retention import PurgeCommand


def inquiries(count, kind=""):
    return f"{count} {kind}inquir{pluralize(count, 'y,ies')}"


class Command(PurgeCommand):
    help = (
        "Delete closed and spam inquiries received more than --older-than days ago; flag open ones as old, and "
        "delete them once they have been flagged for the grace period."
    )

    @property
    def retention_days(self):
        return settings.CONTACT_RETENTION_DAYS

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument("--dry-run", action="store_true", help="Only count what would be deleted and flagged.")

    def purge(self, older_than, *, dry_run, **options):
        now = timezone.now()
        cutoff = now - datetime.timedelta(days=older_than)
        with transaction.atomic():
            doomed = list(Inquiry.objects.purgeable(cutoff, now).values_list("pk", "status"))
            closed = sum(status in Inquiry.CLOSED_STATUSES for _, status in doomed)
            deleted = f"{inquiries(len(doomed))} older than {older_than} days ({closed} closed or spam, "
            deleted += f"{len(doomed) - closed} open)"
            to_flag = Inquiry.objects.open().filter(created_at__lt=cutoff, flagged_for_deletion_at__isnull=True)
            if dry_run:
                self.stdout.write(f"Would delete {deleted}.")
                self.stdout.write(f"Would flag {inquiries(to_flag.count(), 'open ')} older than {older_than} days.")
                return
            ids = [pk for pk, _ in doomed]
            Inquiry.objects.filter(pk__in=ids).delete()
            signals.inquiries_purged.send(Inquiry, user=None, inquiry_ids=ids, detail=deleted)
            flagged = to_flag.update(flagged_for_deletion_at=now)
            # A flag set under a shorter retention period no longer holds.
            Inquiry.objects.filter(created_at__gte=cutoff, flagged_for_deletion_at__isnull=False).update(
                flagged_for_deletion_at=None
            )
        self.stdout.write(f"Deleted {deleted}.")
        due = formats.date_format(timezone.localdate(now + RETENTION_GRACE))
        self.stdout.write(
            f"Flagged {inquiries(flagged, 'open ')} older than {older_than} days: "
            f"the first run after {due} deletes them."
        )
