"""Licenses, certifications and accreditations about to run out: what staff are warned of in the admin.

The footer stops stating a record the day after its last day, so staff hear of it EXPIRY_WARNING_DAYS ahead, on
the admin's home page (through the readiness checks) and on the record's own list.
"""

from django.contrib import messages
from django.utils import timezone

from .models import EXPIRY_WARNING_DAYS, Accreditation, License


def expiring_records(models=(License, Accreditation), today=None):
    """``(model, sentence)`` for each record whose last day is at most EXPIRY_WARNING_DAYS away, the soonest first."""
    today = today or timezone.localdate()
    expiring = []
    for model in models:
        for record in model.objects.expiring_within(EXPIRY_WARNING_DAYS, today):
            last_day = getattr(record, model.last_day_field)
            days = (last_day - today).days
            when = "today" if days == 0 else "tomorrow" if days == 1 else f"in {days} days"
            sentence = (
                f"{model._meta.verbose_name.capitalize()} “{record}” runs out {when}, on {last_day:%B %-d, %Y}. "
                "After that day the site no longer shows it: once it is renewed, enter the new date here."
            )
            expiring.append((last_day, model, sentence))
    return [(model, sentence) for _, model, sentence in sorted(expiring, key=lambda item: item[0])]


def expiry_warnings(models=(License, Accreditation), today=None):
    """One sentence per record about to run out, the soonest first."""
    return [sentence for _, sentence in expiring_records(models, today)]


def warn_staff_of_expiry(request, models=(License, Accreditation)):
    """Show each warning as an admin message to staff who may see those records, on pages they open (not on a form
    post, whose redirect would repeat them on the next page)."""
    if request.method != "GET":
        return
    visible = [model for model in models if request.user.has_perm(f"center.view_{model._meta.model_name}")]
    for sentence in expiry_warnings(visible):
        messages.warning(request, sentence)
