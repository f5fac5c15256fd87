"""A first-time operator sets who is told about inquiries from a shell, before anyone signs in to the admin."""

import io

import pytest
from django.core.management import CommandError, call_command

from contact.models import NotificationRecipient
from contact.notifications import escalation_recipients, notification_recipients


def add(*args):
    out = io.StringIO()
    call_command("add_notification_recipient", *args, stdout=out)
    return out.getvalue()


def test_an_address_added_from_the_shell_receives_the_new_inquiry_email(db, settings):
    settings.CONTACT_NOTIFY_EMAILS = []
    assert add(" intake@example.org ") == "intake@example.org now receives the email about new inquiries.\n"
    assert notification_recipients() == ["intake@example.org"]
    assert add("intake@example.org") == "intake@example.org already receives the email about new inquiries.\n"
    assert NotificationRecipient.objects.count() == 1


def test_with_escalations_it_joins_the_escalations_list_only(db, settings):
    settings.CONTACT_NOTIFY_EMAILS = []
    out = add("lead@example.org", "--escalations", "--note", "Clinical lead")
    assert out == "lead@example.org now receives the email about inquiries waiting past the reply time.\n"
    assert escalation_recipients() == ["lead@example.org"]
    assert notification_recipients() == []
    assert NotificationRecipient.objects.get().note == "Clinical lead"


def test_adding_a_switched_off_address_switches_it_back_on(db):
    NotificationRecipient.objects.create(email="intake@example.org", active=False)
    assert add("intake@example.org") == "intake@example.org receives the email about new inquiries again.\n"
    assert NotificationRecipient.objects.get().active


@pytest.mark.parametrize("typed", ["intake", "intake@", "not an email@example.org", ""])
def test_a_mistyped_address_is_refused_with_an_example(db, typed):
    with pytest.raises(CommandError, match=r"is not an email address, such as admissions@example\.org"):
        add(typed)
    assert not NotificationRecipient.objects.exists()
