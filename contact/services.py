"""What happens to an inquiry, top to bottom: judge spam → store in one transaction → schedule the staff email; and
who is told about inquiries."""

from functools import partial

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.views.decorators.debug import sensitive_variables

from .models import Inquiry, NotificationRecipient
from .notifications import inquiry_notify_staff
from .spam import spam_verdict


@sensitive_variables()
def inquiry_submit(form, *, site_origin, language):
    """Store a valid InquiryForm as an inquiry and schedule the staff email; returns the saved inquiry.

    ``language`` is that of the page the form was sent from (an ``Inquiry.Language``): the one to reply in.

    Suspected spam is stored too, with status "spam" and no email, so a false positive can be recovered; an
    inquiry with one doubtful sign is stored as "needs review" and emailed like any other.
    """
    data = form.cleaned_data
    verdict = spam_verdict(
        honeypot=data["website"],
        seconds_taken=data["started"].seconds_open,
        text=" ".join([data["name"], data["message"]]),
    )
    inquiry = form.save(commit=False)
    inquiry.site_origin = site_origin
    inquiry.language = language
    inquiry.status = verdict.status
    inquiry.spam_reason = "; ".join(verdict.reasons)[:200]
    notify = verdict.status != Inquiry.Status.SPAM
    if notify:
        inquiry.notify_next_attempt_at = timezone.now()  # the outbox entry: owed an email from now on
    with transaction.atomic():
        inquiry.save()
        if notify and settings.CONTACT_NOTIFY_ON_SUBMIT:
            transaction.on_commit(partial(inquiry_notify_staff, inquiry.pk))
    return inquiry


def notification_recipient_add(email, receives=NotificationRecipient.Receives.NEW_INQUIRIES, note=""):
    """Put ``email`` on the ``receives`` list, switching it back on if it was off; returns (recipient, what changed):
    "added", "reactivated" or "unchanged"."""
    recipient, created = NotificationRecipient.objects.get_or_create(
        email=email, receives=receives, defaults={"note": note[:100]}
    )
    if created:
        return recipient, "added"
    if recipient.active:
        return recipient, "unchanged"
    recipient.active = True
    recipient.save(update_fields=["active"])
    return recipient, "reactivated"
