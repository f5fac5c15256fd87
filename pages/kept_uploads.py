"""Uploads kept across a failed form submit, so an editor never has to choose the same file twice.

A browser cannot refill a file input, so when a form holding a good upload fails for another reason the cleaned
file is stored in the default storage under ``FOLDER``, and the form carries a signed reference to it
(django.core.signing) to the next submit. The signature means a submit can only name a file this site kept, and
only for ``KEPT_FOR`` seconds. A kept file is deleted once the form that carried it is saved; files of forms that
were abandoned are swept whenever another file is kept, so no scheduled job is needed.
"""

import datetime

from django.core import signing
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

FOLDER = "kept-uploads"
KEPT_FOR = 24 * 60 * 60
SALT = "pages.kept-uploads"


def keep(upload):
    """Store ``upload`` and return the signed reference that gets it back."""
    sweep()
    stored = default_storage.save(f"{FOLDER}/{upload.name}", upload)
    return signing.dumps({"stored": stored, "name": upload.name}, salt=SALT)


def _load(reference):
    if not reference:
        return None
    try:
        return signing.loads(reference, salt=SALT, max_age=KEPT_FOR)
    except signing.BadSignature:  # forged, or older than KEPT_FOR (SignatureExpired)
        return None


def kept_file(reference):
    """The file ``reference`` names, as a new upload with its original name; None if forged, expired or gone."""
    kept = _load(reference)
    if kept is None or not default_storage.exists(kept["stored"]):
        return None
    with default_storage.open(kept["stored"], "rb") as stored:
        return ContentFile(stored.read(), name=kept["name"])


def discard(reference):
    """Delete the file ``reference`` names, if there is one: its form was saved, or another file replaced it."""
    kept = _load(reference)
    if kept is not None:
        default_storage.delete(kept["stored"])


def sweep():
    """Delete kept files older than ``KEPT_FOR``: no reference to them is valid any more."""
    try:
        _, names = default_storage.listdir(FOLDER)
    except FileNotFoundError:  # nothing was ever kept (a folder on disk; a bucket just lists nothing)
        return
    cutoff = timezone.now() - datetime.timedelta(seconds=KEPT_FOR)
    for name in names:
        path = f"{FOLDER}/{name}"
        if default_storage.get_modified_time(path) < cutoff:
            default_storage.delete(path)
