"""Writes to the center's facts that staff make in one step for many records, each through the record's save().

A save sends post_save, on which the page cache acts (pages/cache.py), so visitors see the change on their next
request whichever writer made it: the admin's action, a command or a shell.
"""

from django.db import transaction
from django.utils import timezone


@transaction.atomic
def payers_verify(payers, *, on=None):
    """Record that staff confirmed each of ``payers`` with the payer ``on`` (today): its page stops asking visitors
    to call to confirm. Returns how many were marked."""
    on = on or timezone.localdate()
    payers = list(payers)
    for payer in payers:
        payer.verified_on = on
        payer.save(update_fields=["verified_on"])
    return len(payers)
