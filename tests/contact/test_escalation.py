"""Nothing waits unseen: an inquiry with no first contact when the reply time runs out is escalated, once a
business day, to the escalations list or to admissions staff, by a link that holds no personal data."""

import datetime
import io
import logging
import zoneinfo

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command

from center.models import SiteSettings, Weekday
from contact.models import Inquiry, NotificationRecipient
from contact.notifications import escalate, escalation_due, escalation_recipients, send_escalations
from tests.support.builders import make_staff
from tests.support.inquiries import form_data, make_inquiry
from tests.support.smtp import smtp_mailers

LA = zoneinfo.ZoneInfo("America/Los_Angeles")
FRIDAY_EVENING = datetime.datetime(2026, 12, 4, 21, 15, tzinfo=LA)  # the reply is promised by 10 a.m. Monday
MONDAY = datetime.date(2026, 12, 7)
PERSONAL = ["Jordan", "Quill", "jordan.quill@example.com", "555-0142", "5550142", "evening groups", "Quokka Health",
            "QH-778812", "GRP-4410", "Pat Quill"]  # fmt: skip


def at(day, hour, minute=0):
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=LA)


@pytest.fixture
def weekdays_with_a_two_hour_target(db):
    site = SiteSettings.load()
    site.response_target_hours = 2
    site.save()
    site.opening_hours.create(first_day=Weekday.MONDAY, last_day=Weekday.FRIDAY, opens="08:00", closes="18:00")


@pytest.fixture
def admissions_staff(db):
    user = make_staff("riley", group="Admissions")
    user.email = "riley@example.org"
    user.save()
    return user


def friday_evening_inquiry(client):
    """Sent through the form on Friday evening, with insurance details staff might have added since."""
    with time_machine.travel(FRIDAY_EVENING, tick=False):
        assert client.post("/contact/", form_data()).status_code == 302
    inquiry = Inquiry.objects.get()
    inquiry.insurance_payer, inquiry.insurance_member_id = "Quokka Health", "QH-778812"
    inquiry.insurance_group_number, inquiry.insurance_policy_holder = "GRP-4410", "Pat Quill"
    inquiry.save()
    return inquiry


def escalations_at(moment):
    with time_machine.travel(moment, tick=False):
        return send_escalations()


def test_an_inquiry_is_escalated_once_its_reply_time_has_passed_with_a_link_and_nothing_personal(
    client, weekdays_with_a_two_hour_target, admissions_staff, smtp, settings, caplog
):
    settings.SITE_URL = "https://www.example.org"
    inquiry = friday_evening_inquiry(client)
    with caplog.at_level(logging.DEBUG):
        assert escalations_at(at(MONDAY, 9, 59)) == 0, "the promise (10 a.m. Monday) still holds"
        assert escalations_at(at(MONDAY, 10, 1)) == 1
        assert escalations_at(at(MONDAY, 16)) == 0, "once, not on every pass"
    [(rcpt_tos, message)] = smtp.messages
    assert rcpt_tos == ["riley@example.org"]
    assert message["Subject"] == f"Inquiry #{inquiry.pk} is waiting past the reply time"
    body = message.get_content()
    assert f"https://www.example.org/admin/contact/inquiry/{inquiry.pk}/change/" in body
    assert "Received: Friday, December 4, 9:15 PM" in body
    for detail in PERSONAL:
        assert detail not in f"{message}\n{body}"
        assert detail not in caplog.text
    inquiry.refresh_from_db()
    assert inquiry.escalated_at == at(MONDAY, 10, 1)


def test_details_for_the_new_inquiry_email_never_reach_the_escalation(
    client, weekdays_with_a_two_hour_target, admissions_staff, settings
):
    settings.CONTACT_NOTIFY_INCLUDE_DETAILS = True
    friday_evening_inquiry(client)
    escalations_at(at(MONDAY, 11))
    [message] = mail.outbox
    for detail in PERSONAL:
        assert detail not in f"{message.subject}\n{message.body}"


def test_the_escalation_repeats_at_most_once_a_business_day_while_no_one_has_made_contact(
    client, weekdays_with_a_two_hour_target, admissions_staff
):
    inquiry = friday_evening_inquiry(client)
    tuesday, saturday = MONDAY + datetime.timedelta(days=1), MONDAY + datetime.timedelta(days=5)
    moments = [at(MONDAY, 10, 5), at(MONDAY, 17, 59), at(tuesday, 7, 59), at(tuesday, 8, 1), at(tuesday, 17)]
    assert [escalations_at(moment) for moment in moments] == [1, 0, 0, 1, 0]
    assert "It was escalated before and is still waiting." in mail.outbox[1].body
    # Friday's escalation is not followed by one on Saturday or Sunday, when the center is closed.
    assert [escalations_at(at(saturday - datetime.timedelta(days=1), 9)), escalations_at(at(saturday, 9))] == [1, 0]
    inquiry.refresh_from_db()
    assert inquiry.escalated_at == at(saturday - datetime.timedelta(days=1), 9)


def test_a_first_contact_or_a_closed_inquiry_stops_the_escalation(
    client, weekdays_with_a_two_hour_target, admissions_staff
):
    inquiry = friday_evening_inquiry(client)
    Inquiry.objects.filter(pk=inquiry.pk).update(status=Inquiry.Status.CONTACTED, first_contact_at=at(MONDAY, 9))
    assert escalations_at(at(MONDAY, 11)) == 0
    for status in (Inquiry.Status.NEW, Inquiry.Status.SPAM, Inquiry.Status.CLOSED):
        Inquiry.objects.filter(pk=inquiry.pk).update(status=status, first_contact_at=None)
        assert escalations_at(at(MONDAY, 11)) == (1 if status == Inquiry.Status.NEW else 0)
    assert len(mail.outbox) == 1


def test_an_inquiry_to_review_is_escalated_too(client, weekdays_with_a_two_hour_target, admissions_staff):
    make_inquiry(status=Inquiry.Status.NEEDS_REVIEW, created_at=FRIDAY_EVENING)
    assert escalations_at(at(MONDAY, 11)) == 1


def test_without_a_reply_time_nothing_was_promised_and_nothing_is_escalated(client, db, admissions_staff):
    SiteSettings.load().opening_hours.create(
        first_day=Weekday.MONDAY, last_day=Weekday.FRIDAY, opens="08:00", closes="18:00"
    )
    make_inquiry(created_at=FRIDAY_EVENING)
    assert escalations_at(at(MONDAY + datetime.timedelta(days=3), 11)) == 0


def test_the_escalations_list_comes_first_then_admissions_staff_then_the_new_inquiry_list(
    db, admissions_staff, settings
):
    settings.CONTACT_NOTIFY_EMAILS = ["intake@example.org"]
    make_staff("quinn", group="Admissions")  # no email address: cannot be told
    inactive = make_staff("sam", group="Admissions")
    inactive.email, inactive.is_active = "sam@example.org", False
    inactive.save()
    editor = make_staff("edi", group="Editors")
    editor.email = "edi@example.org"
    editor.save()
    assert escalation_recipients() == ["riley@example.org"]

    escalations = NotificationRecipient.Receives.ESCALATIONS
    NotificationRecipient.objects.create(email="lead@example.org", receives=escalations)
    NotificationRecipient.objects.create(email="away@example.org", receives=escalations, active=False)
    assert escalation_recipients() == ["lead@example.org"]

    NotificationRecipient.objects.all().delete()
    Group.objects.get(name="Admissions").user_set.clear()
    assert escalation_recipients() == ["intake@example.org"], "never unseen for want of an admissions account"


def test_a_failed_escalation_is_tried_again_on_the_next_pass(
    client, weekdays_with_a_two_hour_target, admissions_staff, settings, caplog
):
    inquiry = make_inquiry(created_at=FRIDAY_EVENING)
    good_mailers = settings.MAILERS
    settings.MAILERS = smtp_mailers(port=1)  # nothing listens there
    assert escalations_at(at(MONDAY, 11)) == 0
    assert f"Escalation of Inquiry #{inquiry.pk} failed: ConnectionRefusedError" in caplog.text
    inquiry.refresh_from_db()
    assert inquiry.escalated_at is None
    settings.MAILERS = good_mailers
    assert escalations_at(at(MONDAY, 11, 1)) == 1


def test_the_worker_escalates_as_it_sends(client, weekdays_with_a_two_hour_target, admissions_staff, smtp, settings):
    settings.CONTACT_NOTIFY_EMAILS = ["intake@example.org"]
    inquiry = friday_evening_inquiry(client)
    out = io.StringIO()
    with time_machine.travel(at(MONDAY, 10, 30), tick=False):
        call_command("send_pending_notifications", stdout=out)
        call_command("send_pending_notifications", stdout=out)
    assert out.getvalue() == "Delivered 1, failed 0.\nEscalated 1.\nDelivered 0, failed 0.\nEscalated 0.\n"
    assert smtp.subjects == [f"New inquiry #{inquiry.pk}", f"Inquiry #{inquiry.pk} is waiting past the reply time"]


def test_of_two_workers_that_find_the_same_inquiry_waiting_only_one_escalates_it(
    db, weekdays_with_a_two_hour_target, admissions_staff
):
    make_inquiry(created_at=FRIDAY_EVENING)
    with time_machine.travel(at(MONDAY, 11), tick=False):
        [first], [second] = escalation_due(), escalation_due()  # both read before either has written
        assert escalate(first, ["a@example.org"], at(MONDAY, 11)) is True
        assert escalate(second, ["a@example.org"], at(MONDAY, 11)) is False
    assert len(mail.outbox) == 1
