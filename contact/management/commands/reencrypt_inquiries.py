"""Re-encrypt every inquiry's personal fields with the newest INQUIRY_ENCRYPTION_KEYS key (after a rotation)."""

from django.core.management.base import BaseCommand
from django.db import transaction

from contact.models import Inquiry

PERSONAL_FIELDS = [
    "name", "email", "phone", "message",
    "insurance_payer", "insurance_member_id", "insurance_group_number", "insurance_policy_holder",
]  # fmt: skip
BATCH = 200


class Command(BaseCommand):
    help = (
        "Re-encrypt every inquiry with the newest key in INQUIRY_ENCRYPTION_KEYS and refresh the search "
        "hashes. Run it after putting a new key first; drop the old key only afterwards."
    )

    def handle(self, **options):
        ids = list(Inquiry.objects.order_by("pk").values_list("pk", flat=True))
        for start in range(0, len(ids), BATCH):
            with transaction.atomic():
                # Only the encrypted fields are written, so a status staff change meanwhile is kept.
                for inquiry in Inquiry.objects.select_for_update().filter(pk__in=ids[start : start + BATCH]):
                    inquiry.save(update_fields=PERSONAL_FIELDS)
        self.stdout.write(f"Re-encrypted {len(ids)} inquiries with the newest key.")
