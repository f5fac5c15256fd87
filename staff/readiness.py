"""Is the site ready to go live? Every fact about the center that is still a placeholder, and every duty unmet.

The site never makes up a fact about the center: until staff enter one, the page shows a placeholder. This module
lists those placeholders, and what a California treatment provider must publish, so that a site full of them is
not mistaken for a finished one. ``manage.py go_live_check`` prints the list and fails while it is not empty; the
admin's home page shows it to staff.

A *gap* blocks going live; a *warning* (a license running out, a payer not re-verified) needs attention soon.
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone

from contact.notifications import notification_recipients
from pages.expiry import expiring_records
from pages.models import (
    Accreditation,
    Article,
    License,
    Notice,
    Payer,
    Person,
    Program,
    SiteSettings,
    language_name,
)
from restoration.phone import national_digits

# Reserved for fiction (555-0100 to 555-0199) and for documentation (example.org and the like, RFC 2606).
FICTIONAL_PHONE_PREFIX = "55501"
EXAMPLE_DOMAINS = ("example.org", "example.com", "example.net")


@dataclass(frozen=True)
class AdminPage:
    """Where in the admin something is put right, and the permission that lets a staff member see it."""

    url: str
    permission: str


@dataclass(frozen=True)
class Item:
    """One thing to put right: what it is, in words for staff, and the admin page where it is done."""

    area: str
    message: str
    admin_page: AdminPage


@dataclass(frozen=True)
class Readiness:
    gaps: list
    warnings: list
    # Gaps left out of ``gaps`` because they are for other staff to put right (see for_user).
    others_gaps: int = 0
    # No one receives the new-inquiry email: the admin's home page says so in red, above everything else, to those
    # who work inquiries or may add a recipient (templates/admin/includes/no_recipients.html).
    no_recipients: bool = False

    @property
    def ready(self):
        return not self.gaps and not self.others_gaps

    def for_user(self, user):
        """Only what this staff member may see and put right (an editor is not told about inquiries)."""

        def visible(items):
            return [item for item in items if user.has_perm(item.admin_page.permission)]

        gaps = visible(self.gaps)
        concerned = user.has_perm("contact.view_inquiry") or user.has_perm("contact.view_notificationrecipient")
        return Readiness(
            gaps=gaps,
            warnings=visible(self.warnings),
            others_gaps=len(self.gaps) - len(gaps),
            no_recipients=self.no_recipients and concerned,
        )


def _admin(name, *args):
    """The admin page named ``<app>_<model>_<view>``, seen by whoever may view that model."""
    app_label, model_name, _ = name.split("_", 2)
    return AdminPage(url=reverse(f"admin:{name}", args=args), permission=f"{app_label}.view_{model_name}")


def _is_placeholder(record, field_name):
    """A value still at its default, or written as a placeholder in square brackets."""
    value = getattr(record, field_name)
    return value == record._meta.get_field(field_name).get_default() or "[" in value


def _site_settings_gaps(site):
    url = _admin("pages_sitesettings_change", site.pk)
    gaps = [
        Item("Site settings", f"The {site._meta.get_field(name).verbose_name} is still a placeholder.", url)
        for name in ("street_address", "postal_code")
        if _is_placeholder(site, name)
    ]
    if _is_placeholder(site, "phone") or national_digits(site.phone)[3:8] == FICTIONAL_PHONE_PREFIX:
        gaps.append(Item("Site settings", f"The phone number {site.phone} is a placeholder.", url))
    if _is_placeholder(site, "email") or site.email.rpartition("@")[2].lower() in EXAMPLE_DOMAINS:
        gaps.append(Item("Site settings", f"The email address {site.email} is a placeholder.", url))
    if not site.hours:
        gaps.append(Item("Site settings", "No opening hours are set.", url))
    if not site.response_target_hours:
        message = "No reply time is set: the contact and thank-you pages promise no time for a reply."
        gaps.append(Item("Site settings", message, url))
    if not site.self_pay_information.strip():
        gaps.append(Item("Insurance and cost", "No self-pay information is given.", url))
    if not site.family_services.strip():
        gaps.append(Item("For families", "What the center offers families is not described.", url))
    if site.is_placeholder:
        message = "The footer still says the details are placeholders: untick “Is placeholder” once they are real."
        gaps.append(Item("Site settings", message, url))
    return gaps


def _license_items(today):
    gaps, warnings = [], []
    if not License.objects.current(today).exists():
        gaps.append(
            Item(
                "Licenses",
                "No license or certification in force: the footer cannot make the statement H&SC §11831.12 requires.",
                _admin("pages_license_changelist"),
            )
        )
    for model in (License, Accreditation):
        last_day_field = model.last_day_field
        for record in model.objects.filter(**{f"{last_day_field}__lt": today}):
            url = _admin(f"pages_{model._meta.model_name}_change", record.pk)
            gaps.append(Item("Licenses", f"{record} ran out on {getattr(record, last_day_field):%B %-d, %Y}.", url))
    for model, sentence in expiring_records(today=today):
        warnings.append(Item("Licenses", sentence, _admin(f"pages_{model._meta.model_name}_changelist")))
    return gaps, warnings


PROGRAM_FACTS = {
    "level_of_care": "the ASAM level of care",
    "service_category": "the DHCS service category",
    "hours_per_week": "the hours per week",
    "length_weeks": "the typical length",
    "suited_to": "who it is for",
    "not_suited_to": "who it is not for",
    "first_day": "what happens on the first day",
    "what_to_bring": "what to bring",
}


# What a program's translation writes in its own language; the other facts and the schedule are the original's.
PROGRAM_TEXT_FACTS = ("suited_to", "not_suited_to", "first_day", "what_to_bring")


def _program_gaps():
    gaps = []
    for program in Program.objects.published().filter(translation_of=None).prefetch_related("sessions"):
        missing = [label for field, label in PROGRAM_FACTS.items() if getattr(program, field) in (None, "")]
        if not program.sessions.all():
            missing.append("the session schedule")
        if missing:
            url = _admin("pages_program_change", program.pk)
            gaps.append(Item("Programs", f"{program.title}: {', '.join(missing)} not yet given.", url))
    return gaps


def _program_translation_warnings():
    """A published translation whose own text facts are empty: its page shows placeholders in their place."""
    warnings = []
    for program in Program.objects.published().exclude(translation_of=None):
        missing = [PROGRAM_FACTS[field] for field in PROGRAM_TEXT_FACTS if not getattr(program, field)]
        if missing:
            message = (
                f"{program.title} ({language_name(program.language)}): {', '.join(missing)} not yet given in "
                f"{language_name(program.language)}; its page shows a placeholder for each."
            )
            warnings.append(Item("Programs", message, _admin("pages_program_change", program.pk)))
    return warnings


def _translation_review_warnings():
    """Translated articles waiting, as drafts, for a qualified reviewer before they may be published."""
    warnings = []
    for article in Article.objects.translations_awaiting_review().select_related("translation_of"):
        language = language_name(article.language)
        message = (
            f"“{article.title}”, the {language} translation of “{article.translation_of.title}”, is a draft awaiting "
            f"a qualified reviewer: a credentialed clinician who reads {language} must check it, and be entered as "
            "its medical reviewer, before it is published."
        )
        warnings.append(Item("Translations", message, _admin("pages_article_change", article.pk)))
    return warnings


def _payer_items(today):
    if not Payer.objects.exists():
        return [Item("Insurance and cost", "No insurance plans are listed.", _admin("pages_payer_changelist"))], []
    stale = Payer.objects.needing_confirmation(today)
    warnings = [
        Item(
            "Insurance and cost",
            f"{payer} was last verified on {payer.verified_on:%B %-d, %Y}: visitors are asked to call to confirm.",
            _admin("pages_payer_change", payer.pk),
        )
        for payer in stale
    ]
    return [], warnings


def _notice_gaps(today):
    return [
        Item(
            "Notices", f"No {label} is in effect: the page says it is available on request.", _admin("pages_notice_add")
        )
        for kind, label in Notice.Kind.choices
        if Notice.objects.in_effect(kind, today) is None
    ]


def _people_gaps():
    gaps = []
    if not Person.objects.on_team().exists():
        gaps.append(Item("Our team", "No one is shown on the “Our team” page.", _admin("pages_person_changelist")))
    published = Article.objects.published()
    unreviewed = published.filter(reviewer__isnull=True) | published.with_uncredentialed_reviewer()
    for article in unreviewed.select_related("reviewer"):
        reviewer = article.reviewer
        if reviewer:
            why = f"is reviewed by {reviewer.name}, who has no license or credential"
        else:
            why = "has no medical reviewer"
        gaps.append(Item("Articles", f"“{article.title}” {why}.", _admin("pages_article_change", article.pk)))
    return gaps


def _notification_gaps(no_recipients):
    if not no_recipients:
        return []
    message = "No one is told about new inquiries: add a notification recipient."
    return [Item("Inquiries", message, _admin("contact_notificationrecipient_changelist"))]


def go_live_readiness(today=None):
    """Everything that stands between this site and going live, and what needs attention soon."""
    today = today or timezone.localdate()
    license_gaps, license_warnings = _license_items(today)
    payer_gaps, payer_warnings = _payer_items(today)
    no_recipients = not notification_recipients()
    gaps = [
        *_site_settings_gaps(SiteSettings.load()),
        *license_gaps,
        *_program_gaps(),
        *payer_gaps,
        *_notice_gaps(today),
        *_people_gaps(),
        *_notification_gaps(no_recipients),
    ]
    warnings = [
        *license_warnings,
        *payer_warnings,
        *_program_translation_warnings(),
        *_translation_review_warnings(),
    ]
    return Readiness(gaps=gaps, warnings=warnings, no_recipients=no_recipients)
