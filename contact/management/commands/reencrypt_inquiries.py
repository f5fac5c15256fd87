"""Re-encrypt every inquiry's personal fields and notes with the newest INQUIRY_ENCRYPTION_KEYS key (a rotation)."""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from contact.crypto import undecryptable_fields
from contact.models import Inquiry, InquiryNote

PERSONAL_FIELDS = [
    "name", "email", "phone", "message",
    "insurance_payer", "insurance_member_id", "insurance_group_number", "insurance_policy_holder",
]  # fmt: skip
BATCH = 200


class Command(BaseCommand):
    help = (
        "Re-encrypt every inquiry and note with the newest key in INQUIRY_ENCRYPTION_KEYS and refresh the search "
        "hashes. Run it after putting a new key first; drop the old key only afterwards."
    )

    def handle(self, **options):
        inquiries, unreadable = reencrypt(Inquiry.objects, PERSONAL_FIELDS)
        notes, unreadable_notes = reencrypt(InquiryNote.objects, ["text"])
        self.stdout.write(f"Re-encrypted {inquiries} inquiries and {notes} notes with the newest key.")
        if unreadable or unreadable_notes:
            raise CommandError(
                f"These could not be decrypted and were left as stored: {', '.join(unreadable + unreadable_notes)}. "
                "The log says why; do not remove a key while a value needs it."
            )


def reencrypt(manager, fields):
    """Save ``fields`` of every row again, a batch per transaction; how many rows there were, and the fields that
    could not be decrypted ("Inquiry #2 name"), which are written back as they were."""
    ids = list(manager.order_by("pk").values_list("pk", flat=True))
    unreadable = []
    for start in range(0, len(ids), BATCH):
        with transaction.atomic():
            # Only the encrypted fields are written, so a status staff change meanwhile is kept.
            for row in manager.select_for_update().filter(pk__in=ids[start : start + BATCH]):
                unreadable += [f"{row} {name}" for name in undecryptable_fields(row)]
                row.save(update_fields=fields)
    return len(ids), unreadable
