"""purge_inquiries gives every inquiry a maximum age: closed and spam ones past it are deleted, open ones are first
flagged to staff in the admin and deleted on the first run 14 days later; the audit trail counts what went."""

import datetime
import io
import re

import pytest
from django.core.management import CommandError, call_command
from django.utils import formats, timezone

from contact.models import RETENTION_GRACE, Inquiry
from staff.models import AuditEvent
from tests.support.builders import staff_login
from tests.support.htmlpage import parse_html
from tests.support.inquiries import LIST_URL, make_inquiry

pytestmark = pytest.mark.django_db


def aged(days, status):
    return make_inquiry(status=status, created_at=timezone.now() - datetime.timedelta(days=days))


def purge(*args):
    out = io.StringIO()
    call_command("purge_inquiries", *args, stdout=out)
    return " ".join(out.getvalue().split())


def days_pass(days):
    """As if the runs so far had happened ``days`` ago: every inquiry and every flag is that much older."""
    past = datetime.timedelta(days=days)
    for inquiry in Inquiry.objects.all():
        inquiry.created_at -= past
        if inquiry.flagged_for_deletion_at:
            inquiry.flagged_for_deletion_at -= past
        inquiry.save(update_fields=["created_at", "flagged_for_deletion_at"])


def remaining():
    return set(Inquiry.objects.values_list("pk", flat=True))


@pytest.fixture
def inquiries():
    return {
        "old closed": aged(400, "closed"),
        "old spam": aged(400, "spam"),
        "old but open": aged(400, "contacted"),
        "old and new": aged(400, "new"),
        "recent closed": aged(10, "closed"),
        "recent new": aged(10, "new"),
    }


def test_old_closed_and_spam_inquiries_are_deleted_at_once_and_the_count_is_audited(inquiries):
    assert "Deleted 2 inquiries older than 365 days (2 closed or spam, 0 open)." in purge("--older-than", "365")
    gone = {inquiries["old closed"].pk, inquiries["old spam"].pk}
    assert remaining() == {i.pk for i in inquiries.values()} - gone
    event = AuditEvent.objects.get()
    assert (event.action, event.count, event.inquiry_ids) == ("purged", 2, sorted(gone))


def test_old_open_inquiries_are_flagged_to_staff_in_the_admin_before_they_are_deleted(inquiries, client, admissions):
    output = purge()
    due = formats.date_format(timezone.localdate() + datetime.timedelta(days=14))
    assert f"Flagged 2 open inquiries older than 365 days: the first run after {due} deletes them." in output
    assert {inquiries["old but open"].pk, inquiries["old and new"].pk} <= remaining()

    staff_login(client, admissions)
    rows = inbox_rows(client)
    flagged = {number for number, text in rows.items() if "Will be deleted" in text}
    assert flagged == {inquiries["old but open"].pk, inquiries["old and new"].pk}
    for number in flagged:
        assert f"Will be deleted on the next purge after {due}" in rows[number]


def test_the_inbox_warns_of_flagged_inquiries_above_the_list_where_no_column_can_hide_it(inquiries, client, admissions):
    staff_login(client, admissions)
    assert "past the retention period" not in client.get(LIST_URL).content.decode()
    purge()
    due = formats.date_format(timezone.localdate() + datetime.timedelta(days=14))
    messages = re.search(r'<ul class="messagelist">.*?</ul>', client.get(LIST_URL).content.decode(), re.DOTALL)
    assert messages, "a message above the list"
    expected = f"2 open inquiries are past the retention period and will be deleted by the first purge after {due}"
    assert expected in parse_html(messages.group().encode()).text


def inbox_rows(client):
    """The text of each row of the admin inbox, by inquiry number."""
    content = client.get(LIST_URL).content.decode()
    rows = [parse_html(row.encode()).text for row in re.findall(r"<tr>.*?</tr>", content, flags=re.DOTALL)]
    return {int(re.match(r"#(\d+)", row).group(1)): row for row in rows if row.startswith("#")}


def test_flagged_open_inquiries_are_deleted_on_the_first_run_after_14_days(inquiries):
    open_and_old = {inquiries["old but open"].pk, inquiries["old and new"].pk}
    purge()
    assert "Deleted 0 inquiries" in purge(), "a second run the same day deletes nothing it flagged"
    days_pass(13)
    purge()
    assert open_and_old <= remaining(), "13 days after the flag they are still there"
    days_pass(1)
    assert "Deleted 2 inquiries older than 365 days (0 closed or spam, 2 open)." in purge()
    assert not open_and_old & remaining()
    assert {inquiries["recent new"].pk, inquiries["recent closed"].pk} <= remaining()
    last = AuditEvent.objects.filter(action=AuditEvent.Action.PURGED).order_by("pk").last()
    assert last.inquiry_ids == sorted(open_and_old)


@pytest.mark.parametrize("status", Inquiry.Status.values)
def test_no_inquiry_outlives_the_retention_period_by_more_than_the_grace_period(status):
    inquiry = aged(366, status)
    purge()
    days_pass(14)
    purge()
    assert not Inquiry.objects.filter(pk=inquiry.pk).exists()


def test_a_flag_is_lifted_when_the_retention_period_grows_past_the_inquiry(inquiries, settings):
    purge()
    settings.CONTACT_RETENTION_DAYS = 500
    purge()
    days_pass(20)
    purge()
    assert {inquiries["old but open"].pk, inquiries["old and new"].pk} <= remaining()
    assert not Inquiry.objects.filter(flagged_for_deletion_at__isnull=False).exists()


def test_a_dry_run_only_counts(inquiries):
    output = purge("--older-than", "365", "--dry-run")
    assert "Would delete 2 inquiries older than 365 days (2 closed or spam, 0 open)" in output
    assert "Would flag 2 open inquiries" in output
    assert Inquiry.objects.count() == 6
    assert not Inquiry.objects.filter(flagged_for_deletion_at__isnull=False).exists()
    assert not AuditEvent.objects.exists()


def test_the_default_period_comes_from_the_settings(inquiries, settings):
    settings.CONTACT_RETENTION_DAYS = 5
    # The default is read when the command is built, so it follows the setting in force.
    assert "Deleted 3 inquiries" in purge()


def test_a_period_below_one_day_is_refused(inquiries):
    with pytest.raises(CommandError, match="at least 1 day"):
        purge("--older-than", "0")
    assert Inquiry.objects.count() == 6


def test_the_privacy_page_promises_what_the_command_does(seeded, client, settings):
    text = parse_html(client.get("/privacy/").content).text
    assert "deleted one year after it reaches us, whatever its state" in text
    assert settings.CONTACT_RETENTION_DAYS == 365
    assert "marked for deletion where they can see it, and deleted 14 days later" in text
    assert datetime.timedelta(days=14) == RETENTION_GRACE
