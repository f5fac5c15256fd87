"""Bind every encrypted value to its table, column and primary key (contact/crypto.py), so that one copied in SQL to
another row or column is refused. The encrypted fields read only bound tokens, so the data step uses raw SQL."""

from django.db import migrations

from contact.crypto import decrypt, encrypt, place

ENCRYPTED = {
    "contact_inquiry": [
        "name", "email", "phone", "message",
        "insurance_payer", "insurance_member_id", "insurance_group_number", "insurance_policy_holder",
    ],
    "contact_inquirynote": ["text"],
}  # fmt: skip


def _rewrite(schema_editor, convert):
    quote = schema_editor.connection.ops.quote_name
    with schema_editor.connection.cursor() as cursor:
        for table, columns in ENCRYPTED.items():
            cursor.execute(f"SELECT id, {', '.join(map(quote, columns))} FROM {quote(table)}")  # noqa: S608
            for pk, *tokens in cursor.fetchall():
                new = [
                    convert(token, place(table, column, pk)) if token else token
                    for column, token in zip(columns, tokens, strict=True)
                ]
                assignments = ", ".join(f"{quote(column)} = %s" for column in columns)
                cursor.execute(f"UPDATE {quote(table)} SET {assignments} WHERE id = %s", [*new, pk])  # noqa: S608


def bind(apps, schema_editor):
    _rewrite(schema_editor, lambda token, where: encrypt(decrypt(token), where))


def unbind(apps, schema_editor):
    _rewrite(schema_editor, lambda token, where: encrypt(decrypt(token, where)))


class Migration(migrations.Migration):
    dependencies = [
        ("contact", "0011_inquiry_language"),
    ]

    operations = [migrations.RunPython(bind, unbind)]
