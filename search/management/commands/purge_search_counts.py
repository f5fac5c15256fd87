"""Delete search counts older than the retention period (SEARCH_ANALYTICS_RETENTION_DAYS, 90 days by default)."""

import datetime

from django.conf import settings
from django.utils import timezone

from restoration.retention import PurgeCommand
from search.models import SearchCount


class Command(PurgeCommand):
    help = "Delete the daily search counts of days more than --older-than days ago."

    @property
    def retention_days(self):
        return settings.SEARCH_ANALYTICS_RETENTION_DAYS

    def purge(self, older_than, **options):
        cutoff = timezone.localdate() - datetime.timedelta(days=older_than)
        deleted, _ = SearchCount.objects.filter(day__lt=cutoff).delete()
        self.stdout.write(f"Deleted {deleted} search counts older than {older_than} days.")
