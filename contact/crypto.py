"""Encryption at rest for an inquiry's personal fields, and keyed hashes for finding one by email or phone.

Built directly on ``cryptography``'s MultiFernet (AES-128-CBC + HMAC-SHA256, authenticated) rather than a
wrapper package: the wrappers we looked at take a single key or derive keys from SECRET_KEY, while rotation
needs "newest key encrypts, every listed key decrypts", which MultiFernet does in one line. The keys come from
``settings.INQUIRY_ENCRYPTION_KEYS`` (newest first).

A Fernet token is different every time, so the database cannot search ciphertext. Beside the email and the
phone we store an HMAC-SHA256 of the normalised value, keyed by a key derived (HKDF) from the newest
encryption key; a search hashes the term with every key, so it keeps working while keys rotate.
"""

import base64
import functools
import hashlib
import hmac

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models


class UndecryptableError(Exception):
    """A stored value that none of the configured keys can decrypt (a key was dropped too early)."""


@functools.cache
def _fernet_for(keys):
    try:
        return MultiFernet([Fernet(key) for key in keys])
    except ValueError as error:
        raise ImproperlyConfigured(
            "INQUIRY_ENCRYPTION_KEYS must hold Fernet keys (44 URL-safe base64 characters each), newest first."
        ) from error


def _keys():
    keys = tuple(settings.INQUIRY_ENCRYPTION_KEYS)
    if not keys:
        raise ImproperlyConfigured("INQUIRY_ENCRYPTION_KEYS is empty: inquiries cannot be stored or read.")
    return keys


def encrypt(text):
    """``text`` as a Fernet token (str) under the newest key."""
    return _fernet_for(_keys()).encrypt(text.encode("utf-8")).decode("ascii")


def decrypt(token):
    """The text inside a Fernet token made with any configured key."""
    try:
        return _fernet_for(_keys()).decrypt(token.encode("ascii")).decode("utf-8")
    except (InvalidToken, UnicodeEncodeError) as error:
        raise UndecryptableError(
            "An inquiry field cannot be decrypted with INQUIRY_ENCRYPTION_KEYS; was a key removed before "
            "`manage.py reencrypt_inquiries` ran?"
        ) from error


@functools.cache
def _lookup_key(fernet_key):
    raw = base64.urlsafe_b64decode(fernet_key)
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"inquiry-lookup").derive(raw)


def normalise_email(value):
    return value.strip().lower()


def lookup_hash(value, key=None):
    """The keyed hash stored beside a normalised email or phone ("" for an empty value)."""
    if not value:
        return ""
    secret = _lookup_key(key or _keys()[0])
    return hmac.new(secret, value.encode("utf-8"), hashlib.sha256).hexdigest()


def lookup_hashes(value):
    """The hash of ``value`` under every configured key, for searching while keys rotate."""
    return [lookup_hash(value, key) for key in _keys()] if value else []


class EncryptedMixin:
    """Stores the value as a Fernet token in a text column; Python code and forms see plain text.

    Ciphertext cannot be compared, so filter on these fields only with ``isnull`` or ``""`` (an empty value
    is stored as "", which reveals only that nothing was given).
    """

    def get_internal_type(self):
        return "TextField"  # tokens are longer than the plain text's max_length

    def from_db_value(self, value, expression, connection):
        return decrypt(value) if value else value

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        return encrypt(value) if value else value


class EncryptedCharField(EncryptedMixin, models.CharField):
    pass


class EncryptedEmailField(EncryptedMixin, models.EmailField):
    pass


class EncryptedTextField(EncryptedMixin, models.TextField):
    pass
