"""The staff email that says a new inquiry arrived, and the outbox that makes sure it is sent exactly once.

How delivery works: an inquiry is saved with ``notify_next_attempt_at`` set (the outbox entry). A sender
claims due rows — ``SELECT … FOR UPDATE SKIP LOCKED`` on PostgreSQL, then a lease (``notify_claimed_until``)
written with a conditional UPDATE, which also serialises senders on SQLite — sends outside any transaction,
and records the outcome on the row. Several senders on several machines never pick the same row; a sender
that dies mid-send leaves a lease that expires, so the inquiry is retried rather than lost. A sender whose
database goes away between sending and recording keeps trying to record while its lease lasts, so the email is
neither sent again nor left unrecorded for the rest of the lease once the database is back.

We chose this outbox over a thread started after commit: the worker (`send_pending_notifications --loop`)
is the only sender in production, so the visitor never waits on SMTP and nothing is lost when a web
worker is recycled. In development (``CONTACT_NOTIFY_ON_SUBMIT``) the same claim-and-send runs after commit.

While no one is set to receive the email (a site just installed), nothing is claimed and nothing is counted as a
failure: the inquiries wait, the admin's home page says in red that no one is told, and the first pass after a
recipient is added sends them all.

Escalation: an inquiry still without a first contact when its response target (in business hours, from the
center's opening hours) has run out is escalated by the same worker: one email, a link only, to the
"escalations" list, else to every active member of the Admissions group with an email address. It repeats at
most once a business day while nobody has made that first contact.
"""

import datetime
import logging
import smtplib
import time

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db import connection, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from center.hours import admissions_calendar
from restoration.health import DATABASE_UNREACHABLE

from .models import Inquiry, NotificationRecipient

logger = logging.getLogger(__name__)

# Longer than any SMTP timeout, so a live sender never loses its claim mid-send.
CLAIM_LEASE = datetime.timedelta(minutes=5)
MAX_BACKOFF = datetime.timedelta(hours=1)
# How often a sender that could not record a send's outcome (the database went away) tries again.
RECORD_RETRY_SECONDS = 1.0


def retry_delay(attempts):
    """How long to wait after ``attempts`` failed sends: 1, 2, 4 … minutes, at most an hour."""
    minutes = 2 ** min(max(attempts - 1, 0), 6)  # the exponent is capped so a long outage cannot overflow
    return min(datetime.timedelta(minutes=minutes), MAX_BACKOFF)


# The group a data migration creates (contact 0002): its members answer inquiries.
ADMISSIONS_GROUP = "Admissions"


def _active_recipients(receives):
    return list(NotificationRecipient.objects.filter(active=True, receives=receives).values_list("email", flat=True))


def notification_recipients():
    """Who gets the "new inquiry" email: the active admin-managed addresses, or CONTACT_NOTIFY_EMAILS."""
    return _active_recipients(NotificationRecipient.Receives.NEW_INQUIRIES) or list(settings.CONTACT_NOTIFY_EMAILS)


def escalation_recipients():
    """Who is told of an inquiry left waiting: the "escalations" list, else every active member of the Admissions
    group with an email address, else (so that it never goes unseen) whoever gets the new-inquiry email."""
    admissions_staff = (
        get_user_model()
        .objects.filter(is_active=True, groups__name=ADMISSIONS_GROUP)
        .exclude(email="")
        .order_by("email")
        .values_list("email", flat=True)
        .distinct()
    )
    return (
        _active_recipients(NotificationRecipient.Receives.ESCALATIONS)
        or list(admissions_staff)
        or notification_recipients()
    )


def inquiry_admin_url(inquiry):
    """Absolute link to the inquiry in the admin: from SITE_URL, else the site's address the form was sent to."""
    path = reverse("admin:contact_inquiry_change", args=[inquiry.pk])
    return f"{settings.SITE_URL or inquiry.site_origin}{path}"


def notification_message(inquiry, recipients):
    """The staff email. Its headers hold nothing the visitor typed, so they cannot be injected.

    One our spam checks were unsure of (status "needs review") says so, so that staff look at it.
    """
    to_review = inquiry.status == Inquiry.Status.NEEDS_REVIEW
    # Staff read English, and this may be sent right after a Spanish form's request, in its language.
    with translation.override("en"):
        body = render_to_string(
            "contact/notification_email.txt",
            {
                "inquiry": inquiry,
                "admin_url": inquiry_admin_url(inquiry),
                "include_details": settings.CONTACT_NOTIFY_INCLUDE_DETAILS,
                "to_review": to_review,
            },
        )
    subject = f"New inquiry #{inquiry.pk}{', to review' if to_review else ''}"
    return EmailMessage(subject=subject, body=body, to=recipients)


def claim_due_inquiry(pk=None):
    """Claim the next inquiry whose email is due (or inquiry ``pk`` if it is due); None if there is none."""
    now = timezone.now()
    with transaction.atomic():
        due = Inquiry.objects.notification_due(now).select_for_update(skip_locked=True)
        if pk is not None:
            due = due.filter(pk=pk)
        inquiry = due.order_by("notify_next_attempt_at", "pk").first()
        if inquiry is None:
            return None
        # The conditional UPDATE is the claim itself: on SQLite, where FOR UPDATE is a no-op, it is what
        # stops two senders from both taking the row.
        inquiry.notify_claimed_until = now + CLAIM_LEASE
        claimed = (
            Inquiry.objects.notification_due(now)
            .filter(pk=inquiry.pk)
            .update(notify_claimed_until=inquiry.notify_claimed_until)
        )
    return inquiry if claimed else None


def send_claimed(inquiry, recipients):
    """Send the staff email for a claimed inquiry and record the outcome on the row; True if delivered."""
    attempts = inquiry.notify_attempts + 1
    try:
        notification_message(inquiry, recipients).send()
    except (smtplib.SMTPException, OSError, ValueError) as error:
        # OSError covers refused connections and timeouts; ValueError is Django's bad-header error.
        return _record_failure(inquiry, attempts, f"{type(error).__name__}: {error}")
    _record_outcome(
        inquiry, notify_attempts=attempts, notify_last_error="", notified_at=timezone.now(), notify_next_attempt_at=None
    )
    logger.info("Staff email for %s delivered to %d recipient(s)", inquiry, len(recipients))
    return True


def _record_failure(inquiry, attempts, reason):
    """Note a failed send on the row, release the claim and schedule the next try; returns False."""
    _record_outcome(
        inquiry,
        notify_attempts=attempts,
        notify_last_error=reason[:300],
        notify_next_attempt_at=timezone.now() + retry_delay(attempts),
    )
    logger.warning("Staff email for %s failed (attempt %d): %s", inquiry, attempts, reason)
    return False


def _record_outcome(inquiry, **outcome):
    """Write a send's outcome on the claimed row and release the claim, trying again while the database is away.

    The email has already gone (or failed): forgotten, the row would sit claimed until its lease ran out and then
    be sent a second time. Past the lease another sender may take the row, so then the error is raised.
    """
    while True:
        try:
            Inquiry.objects.filter(pk=inquiry.pk).update(**outcome, notify_claimed_until=None)
            return
        except DATABASE_UNREACHABLE as error:
            if timezone.now() >= inquiry.notify_claimed_until:
                raise
            logger.warning(
                "Database unavailable (%s) while recording the staff email for %s; trying again in %s s",
                type(error).__name__,
                inquiry,
                RECORD_RETRY_SECONDS,
            )
            connection.close()  # the next try connects afresh rather than reuse the broken connection
            time.sleep(RECORD_RETRY_SECONDS)


def inquiry_notify_staff(pk):
    """Tell admissions staff about inquiry ``pk`` now, unless another sender already has or is doing it, or there
    is no one to tell yet (then it waits for the worker)."""
    recipients = notification_recipients()
    inquiry = claim_due_inquiry(pk) if recipients else None
    return send_claimed(inquiry, recipients) if inquiry else False


def send_pending_notifications(limit=100):
    """Send every due staff email (up to ``limit``); returns (delivered, failed). Sends nothing, and counts nothing
    as failed, while there is no recipient."""
    delivered = failed = 0
    recipients = notification_recipients()
    for _ in range(limit if recipients else 0):
        inquiry = claim_due_inquiry()
        if inquiry is None:
            break
        if send_claimed(inquiry, recipients):
            delivered += 1
        else:
            failed += 1
    return delivered, failed


def waiting_for_a_recipient():
    """How many staff emails are owed but held back because no one is set to receive them."""
    return 0 if notification_recipients() else Inquiry.objects.notification_due().count()


def escalation_due(now=None, calendar=None):
    """Inquiries that should be escalated at ``now``: still new (or to review) with no first contact, past their
    response target in business hours, and not escalated yet, or last escalated before an earlier business day
    began. Empty when the center has set no response target or opening hours (then nothing was promised)."""
    now = now or timezone.now()
    calendar = calendar or admissions_calendar()
    overdue = Inquiry.objects.overdue(now).order_by("created_at", "pk")  # the inbox's own "Overdue"
    return [inquiry for inquiry in overdue if _escalation_may_repeat(calendar, inquiry.escalated_at, now)]


def _escalation_may_repeat(calendar, escalated_at, now):
    """Never escalated, or the center has been open on a later day than the last escalation (once a business day)."""
    if escalated_at is None:
        return True
    next_day = timezone.localtime(escalated_at).date() + datetime.timedelta(days=1)
    next_midnight = timezone.make_aware(datetime.datetime.combine(next_day, datetime.time()))
    return now > next_midnight and calendar.business_time_between(next_midnight, now) > datetime.timedelta()


def escalation_message(inquiry, recipients):
    """The escalation email: the inquiry's number, how long it has waited and a link; never anything the visitor
    typed, whatever CONTACT_NOTIFY_INCLUDE_DETAILS says."""
    with translation.override("en"):  # staff read English, whichever language the inquiry came in
        body = render_to_string(
            "contact/escalation_email.txt",
            {"inquiry": inquiry, "admin_url": inquiry_admin_url(inquiry), "repeat": inquiry.escalated_at is not None},
        )
    subject = f"Inquiry #{inquiry.pk} is waiting past the reply time"
    return EmailMessage(subject=subject, body=body, to=recipients)


def escalate(inquiry, recipients, now):
    """Send one escalation for ``inquiry`` and record it in ``escalated_at``; False if another sender took it first or
    the email could not be sent (then it is tried again on the next pass)."""
    # The conditional UPDATE is the claim: of two workers, only the one that changes the row sends.
    previous = inquiry.escalated_at
    if not Inquiry.objects.filter(pk=inquiry.pk, escalated_at=previous).update(escalated_at=now):
        return False
    try:
        escalation_message(inquiry, recipients).send()
    except (smtplib.SMTPException, OSError, ValueError) as error:
        Inquiry.objects.filter(pk=inquiry.pk, escalated_at=now).update(escalated_at=previous)
        logger.warning("Escalation of %s failed: %s: %s", inquiry, type(error).__name__, error)
        return False
    logger.info("%s escalated to %d recipient(s)", inquiry, len(recipients))
    return True


def send_escalations(now=None):
    """Escalate every inquiry left waiting past its response target; returns how many were escalated."""
    now = now or timezone.now()
    due = escalation_due(now)
    recipients = escalation_recipients() if due else []
    if not recipients:
        return 0
    return sum(escalate(inquiry, recipients, now) for inquiry in due)
