"""Delete audit events older than the retention period: six years, the span health-care records rules ask for."""

import datetime

from django.utils import timezone

from restoration.retention import PurgeCommand
from staff.models import AuditEvent


class Command(PurgeCommand):
    help = "Delete audit-trail events older than --older-than days."
    retention_days = 6 * 365
    minimum_days = 365
    why_the_minimum = ": the audit trail is evidence"

    def purge(self, older_than, **options):
        cutoff = timezone.now() - datetime.timedelta(days=older_than)
        deleted, _ = AuditEvent.objects.filter(created_at__lt=cutoff).delete()
        AuditEvent.record(AuditEvent.Action.PURGED, count=deleted, detail=f"audit events older than {older_than} days")
        self.stdout.write(f"Deleted {deleted} audit events older than {older_than} days.")
