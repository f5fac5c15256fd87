"""Delete closed and spam inquiries past the retention period, leaving an audit record of how many."""

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from contact.models import AuditEvent, Inquiry


class Command(BaseCommand):
    help = "Delete closed and spam inquiries received more than --older-than days ago."

    def add_arguments(self, parser):
        parser.add_argument(
            "--older-than",
            type=int,
            default=settings.CONTACT_RETENTION_DAYS,
            metavar="DAYS",
            help=f"Age in days (default {settings.CONTACT_RETENTION_DAYS}, from CONTACT_RETENTION_DAYS).",
        )
        parser.add_argument("--dry-run", action="store_true", help="Only count what would be deleted.")

    def handle(self, *, older_than, dry_run, **options):
        if older_than < 1:
            raise CommandError("--older-than must be at least 1 day.")
        cutoff = timezone.now() - datetime.timedelta(days=older_than)
        doomed = Inquiry.objects.purgeable(cutoff)
        if dry_run:
            self.stdout.write(f"Would delete {doomed.count()} closed or spam inquiries older than {older_than} days.")
            return
        with transaction.atomic():
            ids = list(doomed.values_list("pk", flat=True))
            Inquiry.objects.filter(pk__in=ids).delete()
            AuditEvent.record(
                AuditEvent.Action.PURGED, inquiry_ids=ids, detail=f"closed or spam, older than {older_than} days"
            )
        self.stdout.write(f"Deleted {len(ids)} closed or spam inquiries older than {older_than} days.")
