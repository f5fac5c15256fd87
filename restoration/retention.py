"""What the purge commands share: how old is too old, given in days, with a floor no one can go below by mistake.

Inquiries, audit events and search counts each have a retention period of their own, stated to visitors or kept
as evidence; each app's ``purge_…`` command subclasses PurgeCommand and says only what it deletes.
"""

from django.core.management.base import BaseCommand, CommandError


class PurgeCommand(BaseCommand):
    """``--older-than DAYS`` (default: ``retention_days``), refused below ``minimum_days``; then ``purge()``."""

    retention_days = None  # a number, or a property reading the setting operators may change
    minimum_days = 1
    why_the_minimum = ""  # said when a shorter age is refused

    def add_arguments(self, parser):
        parser.add_argument(
            "--older-than",
            type=int,
            default=self.retention_days,
            metavar="DAYS",
            help=f"Age in days (default {self.retention_days}, the retention period).",
        )

    def handle(self, *args, older_than, **options):
        if older_than < self.minimum_days:
            unit = "day" if self.minimum_days == 1 else "days"
            raise CommandError(f"--older-than must be at least {self.minimum_days} {unit}{self.why_the_minimum}.")
        self.purge(older_than, **options)

    def purge(self, older_than, **options):
        raise NotImplementedError
