"""python manage.py go_live_check — list what must be filled in before the site goes live; fails while anything is."""

from django.core.management.base import BaseCommand, CommandError

from center.readiness import go_live_readiness


class Command(BaseCommand):
    help = (
        "List every fact about the center that is still a placeholder and every notice or record a California "
        "treatment provider must publish; exit non-zero while any is missing. Warnings (a license running out "
        "within 60 days, a payer not verified in 90 days) are listed but do not fail."
    )

    def handle(self, *args, **options):
        readiness = go_live_readiness()
        for heading, items in (("Missing before going live", readiness.gaps), ("Needs attention", readiness.warnings)):
            if items:
                self.stdout.write(f"{heading} ({len(items)}):")
                for item in items:
                    self.stdout.write(f"  - {item.area}: {item.message}")
        if not readiness.ready:
            raise CommandError(f"Not ready to go live: {len(readiness.gaps)} item(s) missing.")
        self.stdout.write(self.style.SUCCESS("Ready to go live: every fact and notice is in place."))
