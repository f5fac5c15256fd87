"""What happens to an inquiry, top to bottom: judge spam → store in one transaction → schedule the staff email."""

from functools import partial

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.views.decorators.debug import sensitive_variables

from .models import Inquiry
from .notifications import inquiry_notify_staff
from .spam import spam_reasons


@sensitive_variables()
def inquiry_submit(form, *, site_origin):
    """Store a valid InquiryForm as an inquiry and schedule the staff email; returns the saved inquiry.

    Suspected spam is stored too, with status "spam" and no email, so a false positive can be recovered.
    """
    data = form.cleaned_data
    reasons = spam_reasons(
        honeypot=data["website"],
        seconds_taken=data["started"].seconds_open,
        text=" ".join([data["name"], data["message"]]),
    )
    inquiry = form.save(commit=False)
    inquiry.site_origin = site_origin
    if reasons:
        inquiry.status = Inquiry.Status.SPAM
        inquiry.spam_reason = "; ".join(reasons)[:200]
    else:
        inquiry.notify_next_attempt_at = timezone.now()  # the outbox entry: owed an email from now on
    with transaction.atomic():
        inquiry.save()
        if not reasons and settings.CONTACT_NOTIFY_ON_SUBMIT:
            transaction.on_commit(partial(inquiry_notify_staff, inquiry.pk))
    return inquiry
