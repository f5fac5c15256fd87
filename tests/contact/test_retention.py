"""purge_inquiries deletes only closed and spam inquiries past retention, and says so in the audit trail."""

import datetime
import io

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from contact.models import AuditEvent, Inquiry
from tests.contact.test_admin import make_inquiry

pytestmark = pytest.mark.django_db


def aged(days, status):
    return make_inquiry(status=status, created_at=timezone.now() - datetime.timedelta(days=days))


def purge(*args):
    out = io.StringIO()
    call_command("purge_inquiries", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def inquiries():
    return {
        "old closed": aged(400, "closed"),
        "old spam": aged(400, "spam"),
        "old but open": aged(400, "contacted"),
        "old and new": aged(400, "new"),
        "recent closed": aged(10, "closed"),
    }


def test_old_closed_and_spam_inquiries_are_deleted_and_the_count_is_audited(inquiries):
    assert "Deleted 2 closed or spam inquiries older than 365 days." in purge("--older-than", "365")
    remaining = set(Inquiry.objects.values_list("pk", flat=True))
    assert remaining == {inquiries[k].pk for k in ("old but open", "old and new", "recent closed")}
    event = AuditEvent.objects.get()
    assert (event.action, event.count) == ("purged", 2)
    assert event.inquiry_ids == sorted([inquiries["old closed"].pk, inquiries["old spam"].pk])


def test_a_dry_run_only_counts(inquiries):
    assert "Would delete 2" in purge("--older-than", "365", "--dry-run")
    assert Inquiry.objects.count() == 5
    assert not AuditEvent.objects.exists()


def test_the_default_period_comes_from_the_settings(inquiries, settings):
    settings.CONTACT_RETENTION_DAYS = 5
    # The default is read when the command is built, so it follows the setting in force.
    assert "Deleted 3" in purge()


def test_a_period_below_one_day_is_refused(inquiries):
    with pytest.raises(CommandError, match="at least 1 day"):
        purge("--older-than", "0")
    assert Inquiry.objects.count() == 5
