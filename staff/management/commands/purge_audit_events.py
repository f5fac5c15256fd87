"""Delete audit events older than the retention period (AUDIT_RETENTION_DAYS, six years by default)."""

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from staff.models import AuditEvent


class Command(BaseCommand):
    help = "Delete audit-trail events older than --older-than days."

    def add_arguments(self, parser):
        parser.add_argument(
            "--older-than",
            type=int,
            default=settings.AUDIT_RETENTION_DAYS,
            metavar="DAYS",
            help=f"Age in days (default {settings.AUDIT_RETENTION_DAYS}, from AUDIT_RETENTION_DAYS).",
        )

    def handle(self, *, older_than, **options):
        if older_than < 365:
            raise CommandError("--older-than must be at least 365 days: the audit trail is evidence.")
        cutoff = timezone.now() - datetime.timedelta(days=older_than)
        deleted, _ = AuditEvent.objects.filter(created_at__lt=cutoff).delete()
        AuditEvent.record(AuditEvent.Action.PURGED, count=deleted, detail=f"audit events older than {older_than} days")
        self.stdout.write(f"Deleted {deleted} audit events older than {older_than} days.")
