"""The staff email that says a new inquiry arrived, and the outbox that makes sure it is sent exactly once.

How delivery works: an inquiry is saved with ``notify_next_attempt_at`` set (the outbox entry). A sender
claims due rows — ``SELECT … FOR UPDATE SKIP LOCKED`` on PostgreSQL, then a lease (``notify_claimed_until``)
written with a conditional UPDATE, which also serialises senders on SQLite — sends outside any transaction,
and records the outcome on the row. Several senders on several machines never pick the same row; a sender
that dies mid-send leaves a lease that expires, so the inquiry is retried rather than lost.

We chose this outbox over a thread started after commit: the worker (`send_pending_notifications --loop`)
is the only sender in production, so the visitor never waits on SMTP and nothing is lost when a web
worker is recycled. In development (``CONTACT_NOTIFY_ON_SUBMIT``) the same claim-and-send runs after commit.
"""

import datetime
import logging
import smtplib

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from .models import Inquiry, NotificationRecipient

logger = logging.getLogger(__name__)

# Longer than any SMTP timeout, so a live sender never loses its claim mid-send.
CLAIM_LEASE = datetime.timedelta(minutes=5)
MAX_BACKOFF = datetime.timedelta(hours=1)


def retry_delay(attempts):
    """How long to wait after ``attempts`` failed sends: 1, 2, 4 … minutes, at most an hour."""
    minutes = 2 ** min(max(attempts - 1, 0), 6)  # the exponent is capped so a long outage cannot overflow
    return min(datetime.timedelta(minutes=minutes), MAX_BACKOFF)


def notification_recipients():
    """The active admin-managed addresses, or CONTACT_NOTIFY_EMAILS when there are none."""
    emails = list(NotificationRecipient.objects.filter(active=True).values_list("email", flat=True))
    return emails or list(settings.CONTACT_NOTIFY_EMAILS)


def inquiry_admin_url(inquiry):
    """Absolute link to the inquiry in the admin: from SITE_URL, else the host the form was sent to."""
    path = reverse("admin:contact_inquiry_change", args=[inquiry.pk])
    return f"{settings.SITE_URL or inquiry.site_origin}{path}"


def notification_message(inquiry, recipients):
    """The staff email. Its headers hold nothing the visitor typed, so they cannot be injected.

    One our spam checks were unsure of (status "needs review") says so, so that staff look at it.
    """
    to_review = inquiry.status == Inquiry.Status.NEEDS_REVIEW
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
        claimed = (
            Inquiry.objects.notification_due(now).filter(pk=inquiry.pk).update(notify_claimed_until=now + CLAIM_LEASE)
        )
    return inquiry if claimed else None


def send_claimed(inquiry):
    """Send the staff email for a claimed inquiry and record the outcome on the row; True if delivered."""
    attempts = inquiry.notify_attempts + 1
    recipients = notification_recipients()
    if not recipients:
        return _record_failure(inquiry, attempts, "no recipients configured (admin or CONTACT_NOTIFY_EMAILS)")
    try:
        notification_message(inquiry, recipients).send()
    except (smtplib.SMTPException, OSError, ValueError) as error:
        # OSError covers refused connections and timeouts; ValueError is Django's bad-header error.
        return _record_failure(inquiry, attempts, f"{type(error).__name__}: {error}")
    Inquiry.objects.filter(pk=inquiry.pk).update(
        notify_attempts=attempts,
        notify_last_error="",
        notified_at=timezone.now(),
        notify_next_attempt_at=None,
        notify_claimed_until=None,
    )
    logger.info("Staff email for %s delivered to %d recipient(s)", inquiry, len(recipients))
    return True


def _record_failure(inquiry, attempts, reason):
    """Note a failed send on the row, release the claim and schedule the next try; returns False."""
    Inquiry.objects.filter(pk=inquiry.pk).update(
        notify_attempts=attempts,
        notify_last_error=reason[:300],
        notify_next_attempt_at=timezone.now() + retry_delay(attempts),
        notify_claimed_until=None,
    )
    logger.warning("Staff email for %s failed (attempt %d): %s", inquiry, attempts, reason)
    return False


def inquiry_notify_staff(pk):
    """Tell admissions staff about inquiry ``pk`` now, unless another sender already has or is doing it."""
    inquiry = claim_due_inquiry(pk)
    return send_claimed(inquiry) if inquiry else False


def send_pending_notifications(limit=100):
    """Send every due staff email (up to ``limit``); returns (delivered, failed)."""
    delivered = failed = 0
    for _ in range(limit):
        inquiry = claim_due_inquiry()
        if inquiry is None:
            break
        if send_claimed(inquiry):
            delivered += 1
        else:
            failed += 1
    return delivered, failed
