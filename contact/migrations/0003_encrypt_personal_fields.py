"""Encrypt the inquiry's personal fields at rest and add the email/phone search hashes.

Existing rows hold plain text, which the encrypted fields cannot read, so the data step uses raw SQL.
"""

from django.db import migrations, models

import contact.crypto
from contact.crypto import decrypt, encrypt, lookup_hash, normalise_email
from restoration.phone import national_digits

PERSONAL = ["name", "email", "phone", "message", "staff_notes"]


def _rewrite(schema_editor, convert, with_hashes):
    connection = schema_editor.connection
    table = connection.ops.quote_name("contact_inquiry")
    columns = ", ".join(connection.ops.quote_name(c) for c in PERSONAL)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT id, {columns} FROM {table}")  # noqa: S608 (constant names, quoted)
        rows = cursor.fetchall()
        for pk, *values in rows:
            plain = dict(zip(PERSONAL, values, strict=True))
            new = [convert(value) if value else value for value in values]
            assignments = ", ".join(f"{connection.ops.quote_name(c)} = %s" for c in PERSONAL)
            params = new
            if with_hashes:
                assignments += ", email_hash = %s, phone_hash = %s"
                params = [
                    *new,
                    lookup_hash(normalise_email(plain["email"] or "")),
                    lookup_hash(national_digits(plain["phone"] or "")),
                ]
            cursor.execute(f"UPDATE {table} SET {assignments} WHERE id = %s", [*params, pk])  # noqa: S608


def encrypt_existing(apps, schema_editor):
    _rewrite(schema_editor, encrypt, with_hashes=True)


def decrypt_existing(apps, schema_editor):
    _rewrite(schema_editor, decrypt, with_hashes=False)


class Migration(migrations.Migration):
    dependencies = [
        ("contact", "0002_admissions_group"),
    ]

    operations = [
        migrations.AddField(
            model_name="inquiry",
            name="email_hash",
            field=models.CharField(blank=True, db_index=True, editable=False, max_length=64),
        ),
        migrations.AddField(
            model_name="inquiry",
            name="phone_hash",
            field=models.CharField(blank=True, db_index=True, editable=False, max_length=64),
        ),
        migrations.AlterField(
            model_name="inquiry",
            name="email",
            field=contact.crypto.EncryptedEmailField(blank=True, max_length=254),
        ),
        migrations.AlterField(
            model_name="inquiry",
            name="message",
            field=contact.crypto.EncryptedTextField(blank=True, max_length=2000),
        ),
        migrations.AlterField(
            model_name="inquiry",
            name="name",
            field=contact.crypto.EncryptedCharField(max_length=100),
        ),
        migrations.AlterField(
            model_name="inquiry",
            name="phone",
            field=contact.crypto.EncryptedCharField(blank=True, max_length=30),
        ),
        migrations.AlterField(
            model_name="inquiry",
            name="staff_notes",
            field=contact.crypto.EncryptedTextField(blank=True),
        ),
        migrations.RunPython(encrypt_existing, decrypt_existing),
    ]
