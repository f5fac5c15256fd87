"""What happens to an inquiry, top to bottom: judge spam → store in one transaction → schedule the staff email; what
staff do with it (take it, change its status), each change recorded for the audit trail; and who is told about
inquiries."""

from functools import partial

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.views.decorators.debug import sensitive_variables

from . import signals
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
    # A form sent without the choice (an old copy of the page) prefers the language it was written in.
    inquiry.preferred_language = inquiry.preferred_language or language
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


def inquiry_take(inquiry, *, user, seen_assignee_id):
    """Assign ``inquiry`` to ``user``, who pressed "I'm taking this" while it was assigned to ``seen_assignee_id``
    (None: to no one); returns whether it is theirs now.

    One conditional UPDATE: of two coordinators who press at once, the first takes it and the second is told, rather
    than both being told it is theirs. The audit trail records the take, and only a take that happened.
    """
    taken = Inquiry.objects.filter(pk=inquiry.pk, assigned_to=seen_assignee_id).update(assigned_to=user)
    if taken:
        detail = f"assigned to {user.get_username()}"
        signals.inquiries_changed.send(Inquiry, user=user, inquiry_ids=[inquiry.pk], detail=detail)
    return bool(taken)


def inquiries_set_status(inquiries, status, *, user):
    """Give ``inquiries`` (a queryset) ``status``, as staff do from the list; returns how many changed.

    Marked as spam, an inquiry is no longer owed the staff email: staff already know of it.
    """
    ids = list(inquiries.values_list("pk", flat=True))
    with transaction.atomic():
        if status == Inquiry.Status.SPAM:
            Inquiry.objects.filter(pk__in=ids, notified_at__isnull=True).update(notify_next_attempt_at=None)
        updated = Inquiry.objects.filter(pk__in=ids).set_status(status)
    signals.inquiries_changed.send(Inquiry, user=user, inquiry_ids=ids, detail=f"status → {status}")
    return updated


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
