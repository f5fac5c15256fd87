"""Personal fields are encrypted at rest: a database dump alone shows no names, contacts or messages."""

import importlib
import io
from types import SimpleNamespace

import pytest
from cryptography.fernet import Fernet
from django.core.management import call_command
from django.db import connection

from contact.crypto import UndecryptableError
from contact.models import Inquiry
from tests.support.builders import staff_login
from tests.support.inquiries import change_url, make_inquiry, search

pytestmark = pytest.mark.django_db

PERSONAL = {
    "name": "Jordan Quill",
    "email": "jordan.quill@example.com",
    "phone": "(916) 555-0142",
    "message": "Evening groups, please.",
    "staff_notes": "Called back on Tuesday.",
}


def raw_rows():
    """Every inquiry row as the database holds it, read with plain SQL (what a leaked dump would show)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM contact_inquiry")
        return [" ".join(str(value) for value in row) for row in cursor.fetchall()]


def test_a_raw_select_shows_no_readable_personal_data():
    make_inquiry(**PERSONAL)
    [row] = raw_rows()
    # Whole values: "555" alone could turn up by chance in ciphertext or a hex hash.
    for value in [*PERSONAL.values(), "Quill", "jordan", "555-0142", "5550142", "Evening", "Tuesday"]:
        assert value not in row
    assert Inquiry.objects.get().name == "Jordan Quill", "the application still reads the plain text"


def test_the_same_text_encrypts_differently_each_time():
    make_inquiry(name="Sam")
    make_inquiry(name="Sam")
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM contact_inquiry")
        first, second = (row[0] for row in cursor.fetchall())
    assert first != second


def test_rotating_keys_and_reencrypting_keeps_every_inquiry_readable(client, admissions, settings):
    old_key = settings.INQUIRY_ENCRYPTION_KEYS[0]
    inquiries = [make_inquiry(**PERSONAL), make_inquiry(name="Alex Other", phone="(530) 555-0199", email="")]
    new_key = Fernet.generate_key().decode()
    settings.INQUIRY_ENCRYPTION_KEYS = [new_key, old_key]
    out = io.StringIO()
    call_command("reencrypt_inquiries", stdout=out)
    assert "Re-encrypted 2 inquiries" in out.getvalue()

    settings.INQUIRY_ENCRYPTION_KEYS = [new_key]  # the old key is gone for good
    staff_login(client, admissions)
    page = client.get(change_url(inquiries[0])).content.decode()
    for value in ["Jordan Quill", "jordan.quill@example.com", "(916) 555-0142", "Evening groups, please."]:
        assert value in page
    assert client.get(change_url(inquiries[1])).status_code == 200
    found = search(client, "jordan.quill@example.com").context["cl"].result_list
    assert list(found) == [inquiries[0]], "the search hashes were refreshed with the new key"


def test_search_still_finds_rows_not_yet_reencrypted_during_a_rotation(client, admissions, settings):
    inquiry = make_inquiry(**PERSONAL)
    settings.INQUIRY_ENCRYPTION_KEYS = [Fernet.generate_key().decode(), *settings.INQUIRY_ENCRYPTION_KEYS]
    staff_login(client, admissions)
    found = search(client, "(916) 555-0142").context["cl"].result_list
    assert list(found) == [inquiry]


def test_dropping_a_key_before_reencrypting_says_what_went_wrong(settings):
    make_inquiry(**PERSONAL)
    settings.INQUIRY_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]
    with pytest.raises(UndecryptableError, match="reencrypt_inquiries"):
        Inquiry.objects.get()


def test_the_migration_encrypts_rows_stored_as_plain_text(settings):
    """Rows written before encryption existed are converted by migration 0003 (run here on a plain-text row)."""
    migration = importlib.import_module("contact.migrations.0003_encrypt_personal_fields")
    inquiry = make_inquiry(**PERSONAL)
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE contact_inquiry SET name = %s, email = %s, phone = %s, message = %s, staff_notes = %s,"
            " email_hash = '', phone_hash = '' WHERE id = %s",
            [*PERSONAL.values(), inquiry.pk],
        )
    assert "Jordan Quill" in raw_rows()[0]

    migration.encrypt_existing(None, SimpleNamespace(connection=connection))  # what the migration runs

    assert "Jordan Quill" not in raw_rows()[0]
    stored = Inquiry.objects.get()
    assert (stored.name, stored.email, stored.staff_notes) == (
        "Jordan Quill",
        PERSONAL["email"],
        "Called back on Tuesday.",
    )
    assert Inquiry.objects.filter(email_hash=inquiry.email_hash).exists()
