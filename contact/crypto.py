"""Encryption at rest for an inquiry's personal fields, and keyed hashes for finding one by email or phone.

Built directly on ``cryptography``'s MultiFernet (AES-128-CBC + HMAC-SHA256, authenticated) rather than a
wrapper package: the wrappers we looked at take a single key or derive keys from SECRET_KEY, while rotation
needs "newest key encrypts, every listed key decrypts", which MultiFernet does in one line. The keys come from
``settings.INQUIRY_ENCRYPTION_KEYS`` (newest first).

A Fernet token is different every time, so the database cannot search ciphertext. Beside the email and the
phone we store an HMAC-SHA256 of the normalised value, keyed by a key derived (HKDF) from the newest
encryption key; a search hashes the term with every key, so it keeps working while keys rotate.

Each value is bound to its place: the table, column and primary key it was written for lead the plaintext inside the
token (Fernet takes no associated data; inside the token they are authenticated just the same), and reading checks
them. A token copied in SQL to another row or column is refused, logged and shown as "[could not be decrypted]".
A primary key exists only once the row is inserted, so a new row is inserted with its encrypted fields empty and
they are written in the same transaction (``BoundEncryptionModel``).
"""

import base64
import functools
import hashlib
import hmac
import logging

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models, transaction
from django.db.models.query_utils import DeferredAttribute

logger = logging.getLogger(__name__)

# What an encrypted field reads as when its token cannot be decrypted.
UNDECRYPTABLE_TEXT = "[could not be decrypted]"
# Between a value's place and the value in the plaintext: no form accepts a NUL character, so no text typed holds it.
PLACE_END = "\x00"


class UndecryptableError(Exception):
    """A stored value that no configured key decrypts (a key was dropped too early), or that belongs elsewhere."""


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


def place(table, column, pk):
    """Where a value is stored, as its token is bound to it."""
    return f"{table}.{column}.{pk}"


def encrypt(text, where=None):
    """``text`` as a Fernet token (str) under the newest key, bound to the place ``where`` when given."""
    plain = text if where is None else f"{where}{PLACE_END}{text}"
    return _fernet_for(_keys()).encrypt(plain.encode("utf-8")).decode("ascii")


def decrypt(token, where=None):
    """The text inside a Fernet token made with any configured key; with ``where``, only if it is bound to there."""
    try:
        plain = _fernet_for(_keys()).decrypt(token.encode("ascii")).decode("utf-8")
    except (InvalidToken, UnicodeEncodeError) as error:
        raise UndecryptableError(
            "no key in INQUIRY_ENCRYPTION_KEYS decrypts it; was a key removed before "
            "`manage.py reencrypt_inquiries` ran?"
        ) from error
    if where is None:
        return plain
    bound_to, end, text = plain.partition(PLACE_END)
    if not end:
        raise UndecryptableError("it is bound to no place; `manage.py migrate` binds values written before")
    if bound_to != where:
        raise UndecryptableError(f"it was written for {bound_to}: moved in the database?")
    return text


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


class Sealed:
    """A token as read from the database: decrypted on first read, when the row, and so its place, is known."""

    __slots__ = ["token"]

    def __init__(self, token):
        self.token = token

    def __repr__(self):
        return "<Sealed: an encrypted value, readable only from its model instance>"


class Undecryptable(str):
    """An encrypted field's value when its token cannot be decrypted: reads as UNDECRYPTABLE_TEXT, and a save writes
    the token back as it was found, for whoever looks into it."""

    def __new__(cls, token):
        value = super().__new__(cls, UNDECRYPTABLE_TEXT)
        value.token = token
        return value


class Token(str):
    """A token made for its row by ``EncryptedMixin.pre_save``: the only non-empty value the column is written with."""


class DecryptingAttribute(DeferredAttribute):
    """The field on an instance: decrypts the token read from the database the first time it is read."""

    def __get__(self, instance, cls=None):
        value = super().__get__(instance, cls)
        if isinstance(value, Sealed):
            value = instance.__dict__[self.field.attname] = self.field.open(instance, value.token)
        return value

    def __set__(self, instance, value):
        instance.__dict__[self.field.attname] = value


class EncryptedMixin:
    """Stores the value as a Fernet token bound to its row and column; Python code and forms see plain text.

    Ciphertext cannot be compared, so filter on these fields only with ``isnull`` or ``""`` (an empty value
    is stored as "", which reveals only that nothing was given). Only a model instance knows its row: read them
    from one (``values()`` gives the sealed token), write them with ``save()`` of a ``BoundEncryptionModel``
    (``update()`` and ``bulk_create()`` cannot).
    """

    descriptor_class = DecryptingAttribute

    def get_internal_type(self):
        return "TextField"  # tokens are longer than the plain text's max_length

    def from_db_value(self, value, expression, connection):
        return Sealed(value) if value else value

    def place_in(self, instance):
        return place(instance._meta.db_table, self.column, instance.pk)

    def open(self, instance, token):
        """The text of ``token`` read from ``instance``'s row, or Undecryptable, logged with the row and field only."""
        try:
            return decrypt(token, self.place_in(instance))
        except UndecryptableError as error:
            logger.error("%s: %s could not be decrypted: %s", instance, self.name, error)
            return Undecryptable(token)

    def pre_save(self, model_instance, add):
        value = getattr(model_instance, self.attname)
        if isinstance(value, Undecryptable):
            return Token(value.token)
        if not value:
            return value
        if model_instance.pk is None:
            raise ValueError(f"{self.name} is bound to a primary key its row does not have yet: save() the row.")
        return Token(encrypt(value, self.place_in(model_instance)))

    def get_prep_value(self, value):
        if value and not isinstance(value, Token):
            raise TypeError(f'{self.name} is encrypted for its row: write it with save(), compare it only with "".')
        return value


class EncryptedCharField(EncryptedMixin, models.CharField):
    pass


class EncryptedEmailField(EncryptedMixin, models.EmailField):
    pass


class EncryptedTextField(EncryptedMixin, models.TextField):
    pass


class BoundEncryptionModel(models.Model):
    """A model with encrypted fields, which are bound to its primary key: a new row gets its key from an INSERT that
    leaves them empty, and they are written in the same transaction."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.pk is not None:
            super().save(*args, **kwargs)
            return
        encrypted = [field.attname for field in encrypted_fields(self)]
        values = {name: getattr(self, name) for name in encrypted}
        with transaction.atomic(using=kwargs.get("using")):
            self.__dict__.update(dict.fromkeys(encrypted, ""))
            try:
                super().save(*args, **kwargs)
            finally:
                self.__dict__.update(values)
            super().save(update_fields=encrypted, using=kwargs.get("using"))


def encrypted_fields(instance):
    return [field for field in instance._meta.concrete_fields if isinstance(field, EncryptedMixin)]


def undecryptable_fields(instance):
    """The names of ``instance``'s encrypted fields that cannot be decrypted."""
    return [
        field.name
        for field in encrypted_fields(instance)
        if isinstance(getattr(instance, field.attname), Undecryptable)
    ]
