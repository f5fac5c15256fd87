"""Personal fields are encrypted at rest: a database dump alone shows no names, contacts or messages."""

import csv
import io
import logging

import pytest
from cryptography.fernet import Fernet
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from contact.crypto import decrypt
from contact.models import Inquiry, InquiryNote
from staff.models import AuditEvent
from tests.support.builders import staff_login
from tests.support.inquiries import LIST_URL, change_url, make_inquiry, search

pytestmark = pytest.mark.django_db

PERSONAL = {
    "name": "Jordan Quill",
    "email": "jordan.quill@example.com",
    "phone": "(916) 555-0142",
    "message": "Evening groups, please.",
}
INSURANCE = {
    "insurance_payer": "Blue Harbor Health",
    "insurance_member_id": "XQM4471902",
    "insurance_group_number": "GRP88231",
    "insurance_policy_holder": "Morgan Quill",
}
NOTE = "Called back on Tuesday."


def raw_rows(table="contact_inquiry"):
    """Every row of ``table`` as the database holds it, read with plain SQL (what a leaked dump would show)."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608 (a name from this file)
        return [" ".join(str(value) for value in row) for row in cursor.fetchall()]


def make_inquiry_with_a_note():
    inquiry = make_inquiry(**PERSONAL, **INSURANCE)
    InquiryNote.objects.create(inquiry=inquiry, text=NOTE)
    return inquiry


def test_a_raw_select_shows_no_readable_personal_data_insurance_details_or_notes():
    make_inquiry_with_a_note()
    [row] = raw_rows()
    [note] = raw_rows("contact_inquirynote")
    # Whole values: "555" alone could turn up by chance in ciphertext or a hex hash.
    for value in [
        *PERSONAL.values(), *INSURANCE.values(), NOTE,
        "Quill", "jordan", "555-0142", "5550142", "Evening", "Harbor", "4471902", "88231", "Morgan", "Tuesday",
    ]:  # fmt: skip
        assert value not in row
        assert value not in note
    stored = Inquiry.objects.get()
    assert (stored.name, stored.insurance_member_id, stored.notes.get().text) == ("Jordan Quill", "XQM4471902", NOTE)


def test_the_same_text_encrypts_differently_each_time():
    make_inquiry(name="Sam")
    make_inquiry(name="Sam")
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM contact_inquiry")
        first, second = (row[0] for row in cursor.fetchall())
    assert first != second


def copy_in_sql(source, source_column, target, target_column):
    """What write access to the database alone allows: copy one stored value over another, in plain SQL."""
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE contact_inquiry SET {quote(target_column)} = "  # noqa: S608 (names from this file, quoted)
            f"(SELECT {quote(source_column)} FROM contact_inquiry WHERE id = %s) WHERE id = %s",
            [source.pk, target.pk],
        )


@pytest.mark.parametrize(
    ("source_column", "target_column", "same_row", "shown_as"),
    [
        ("insurance_member_id", "message", False, "Message"),  # another row and column
        ("name", "name", False, "Name"),  # the same column of another row
        ("insurance_member_id", "message", True, "Message"),  # another column of the same row
    ],
)
def test_a_value_moved_in_the_database_is_logged_and_never_shown_or_exported(
    client, admissions, caplog, source_column, target_column, same_row, shown_as
):
    source = make_inquiry(**PERSONAL, **INSURANCE)
    target = source if same_row else make_inquiry(name="Alex Other", phone="(530) 555-0199", message="Mornings.")
    moved = {**PERSONAL, **INSURANCE}[source_column]
    copy_in_sql(source, source_column, target, target_column)
    staff_login(client, admissions)

    with caplog.at_level(logging.ERROR):
        response = client.post(LIST_URL, {"action": "export_csv", "_selected_action": [target.pk]})
        page = client.get(change_url(target)).content.decode()
    text = response.content.decode("utf-8-sig")
    header, row = csv.reader(io.StringIO(text))
    exported = dict(zip(header, row, strict=True))
    assert exported[shown_as] == "[could not be decrypted]"
    assert moved not in text
    assert exported["Phone"] == ("(916) 555-0142" if same_row else "(530) 555-0199"), "the rest of the row is read"
    event = AuditEvent.objects.get(action="exported")
    assert event.detail == f"could not be decrypted: #{target.pk} {shown_as}"
    assert "[could not be decrypted]" in page
    assert page.count(moved) == (1 if same_row else 0), "only in its own field"
    assert f"Inquiry #{target.pk}: {target_column} could not be decrypted" in caplog.text
    assert moved not in caplog.text


def test_rotating_keys_and_reencrypting_keeps_every_inquiry_readable(client, admissions, settings):
    old_key = settings.INQUIRY_ENCRYPTION_KEYS[0]
    inquiries = [make_inquiry_with_a_note(), make_inquiry(name="Alex Other", phone="(530) 555-0199", email="")]
    new_key = Fernet.generate_key().decode()
    settings.INQUIRY_ENCRYPTION_KEYS = [new_key, old_key]
    out = io.StringIO()
    call_command("reencrypt_inquiries", stdout=out)
    assert "Re-encrypted 2 inquiries and 1 notes" in out.getvalue()

    settings.INQUIRY_ENCRYPTION_KEYS = [new_key]  # the old key is gone for good
    staff_login(client, admissions)
    page = client.get(change_url(inquiries[0])).content.decode()
    for value in ["Jordan Quill", "jordan.quill@example.com", "(916) 555-0142", "Evening groups, please.", NOTE]:
        assert value in page
    assert "XQM4471902" in page, "the insurance details too"
    assert client.get(change_url(inquiries[1])).status_code == 200
    found = search(client, "jordan.quill@example.com").context["cl"].result_list
    assert list(found) == [inquiries[0]], "the search hashes were refreshed with the new key"


def test_search_still_finds_rows_not_yet_reencrypted_during_a_rotation(client, admissions, settings):
    inquiry = make_inquiry(**PERSONAL)
    settings.INQUIRY_ENCRYPTION_KEYS = [Fernet.generate_key().decode(), *settings.INQUIRY_ENCRYPTION_KEYS]
    staff_login(client, admissions)
    found = search(client, "(916) 555-0142").context["cl"].result_list
    assert list(found) == [inquiry]


def test_dropping_a_key_before_reencrypting_says_what_went_wrong_and_loses_nothing(
    client, admissions, settings, caplog
):
    inquiry = make_inquiry(**PERSONAL, **INSURANCE)
    old_keys = settings.INQUIRY_ENCRYPTION_KEYS
    settings.INQUIRY_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]
    staff_login(client, admissions)
    page = client.get(change_url(inquiry)).content.decode()
    assert "[could not be decrypted]" in page
    why = "no key in INQUIRY_ENCRYPTION_KEYS decrypts it; was a key removed before `manage.py reencrypt_inquiries` ran?"
    assert f"Inquiry #{inquiry.pk}: name could not be decrypted: {why}" in caplog.text
    assert client.post(change_url(inquiry), {"status": "contacted"}).status_code == 302, "staff can still work it"

    with pytest.raises(
        CommandError, match=f"could not be decrypted and were left as stored: Inquiry #{inquiry.pk} name, "
    ):
        call_command("reencrypt_inquiries", stdout=io.StringIO())
    settings.INQUIRY_ENCRYPTION_KEYS = old_keys
    stored = Inquiry.objects.get()
    assert (stored.status, stored.name, stored.insurance_member_id) == ("contacted", "Jordan Quill", "XQM4471902"), (
        "putting the key back recovers every value"
    )


@pytest.fixture
def _latest_schema_afterwards(transactional_db):
    """The migration test migrates back; the tests after it need today's tables."""
    yield
    call_command("migrate", stdout=io.StringIO())


@pytest.mark.usefixtures("_latest_schema_afterwards")
def test_the_migrations_encrypt_rows_stored_as_plain_text_and_keep_the_old_notes_box(transactional_db):
    """A row written before encryption existed (at contact 0002) is encrypted by 0003, its notes box becomes the
    first entry of its timeline in 0010, and 0012 binds each value to its row (and unbinds it going back)."""
    call_command("migrate", "contact", "0002", stdout=io.StringIO())
    then = MigrationExecutor(connection).loader.project_state(("contact", "0002_admissions_group")).apps
    then.get_model("contact", "Inquiry").objects.create(
        **PERSONAL, staff_notes=NOTE, preferred_contact="phone", inquiry_for="myself", consent=True
    )
    assert "Jordan Quill" in raw_rows()[0]

    call_command("migrate", "contact", "0003", stdout=io.StringIO())
    [row] = raw_rows()
    assert "Jordan Quill" not in row and NOTE not in row
    with connection.cursor() as cursor:
        cursor.execute("SELECT name, staff_notes FROM contact_inquiry")
        assert [decrypt(value) for value in cursor.fetchone()] == ["Jordan Quill", NOTE]

    call_command("migrate", stdout=io.StringIO())
    stored = Inquiry.objects.get()
    assert (stored.name, stored.email) == ("Jordan Quill", PERSONAL["email"])
    assert Inquiry.objects.filter(email_hash=stored.email_hash).exclude(email_hash="").exists()
    [note] = stored.notes.all()
    assert (note.text, note.author, note.created_at) == (NOTE, None, stored.created_at), "dated when received"
    assert NOTE not in raw_rows("contact_inquirynote")[0]

    call_command("migrate", "contact", "0011", stdout=io.StringIO())
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM contact_inquiry")
        assert decrypt(cursor.fetchone()[0]) == "Jordan Quill"
    # Only the name: the columns later migrations add (text_consent, 0013) are not there at 0011.
    assert Inquiry.objects.only("name").get().name == "[could not be decrypted]", "a value bound to no row is refused"
