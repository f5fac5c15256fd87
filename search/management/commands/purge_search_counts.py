"""Delete search counts older than the retention period (SEARCH_ANALYTICS_RETENTION_DAYS, 90 days by default)."""

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from search.models import SearchCount


class Command(BaseCommand):
    help = "Delete the daily search counts of days more than --older-than days ago."

    def add_arguments(self, parser):
        parser.add_argument(
            "--older-than",
            type=int,
            default=settings.SEARCH_ANALYTICS_RETENTION_DAYS,
            metavar="DAYS",
            help=f"Age in days (default {settings.SEARCH_ANALYTICS_RETENTION_DAYS}, from "
            "SEARCH_ANALYTICS_RETENTION_DAYS).",
        )

    def handle(self, *, older_than, **options):
        if older_than < 1:
            raise CommandError("--older-than must be at least 1 day.")
        cutoff = timezone.localdate() - datetime.timedelta(days=older_than)
        deleted, _ = SearchCount.objects.filter(day__lt=cutoff).delete()
        self.stdout.write(f"Deleted {deleted} search counts older than {older_than} days.")
