"""What admissions has to do now, first on the admin's home page: new inquiries, overdue ones, those to review.

Counts only, each linking to the inbox filtered to them: no one's details, so the home page holds no personal data.
"""

from dataclasses import dataclass

from django.db.models import Count, Q
from django.template.defaultfilters import pluralize
from django.urls import reverse
from django.utils import timezone

from center.hours import admissions_calendar
from contact.models import Inquiry


@dataclass(frozen=True)
class Pile:
    """One kind of inquiry waiting: how many, in words, and the inbox list of them."""

    count: int
    label: str
    explanation: str
    url: str
    urgent: bool = False


@dataclass(frozen=True)
class AdmissionsWork:
    piles: list
    inbox_url: str
    mine_url: str


def admissions_work(user, now=None):
    """The inquiry piles for a staff member who may read inquiries; None for everyone else (editors)."""
    if not user.has_perm("contact.view_inquiry"):
        return None
    now = now or timezone.now()
    inbox = reverse("admin:contact_inquiry_changelist")
    counts = Inquiry.objects.aggregate(
        new=Count("pk", filter=Q(status=Inquiry.Status.NEW)),
        review=Count("pk", filter=Q(status=Inquiry.Status.NEEDS_REVIEW)),
    )
    overdue = Inquiry.objects.overdue(now).count()
    piles = [
        Pile(counts["new"], "new", "not yet contacted", f"{inbox}?status__exact=new"),
        Pile(overdue, "overdue", _overdue_explanation(now), f"{inbox}?reply=overdue", urgent=overdue > 0),
        Pile(counts["review"], "to review", "possibly spam: check before replying", f"{inbox}?status__exact=review"),
    ]
    return AdmissionsWork(piles=piles, inbox_url=inbox, mine_url=f"{inbox}?assigned=me")


def _overdue_explanation(now):
    calendar = admissions_calendar()
    if calendar.reply_by(now) is None:
        return "none can be: set the response target and opening hours in the site settings"
    hours = int(calendar.target.total_seconds() // 3600)
    return f"no first contact within {hours} business hour{pluralize(hours)}"
