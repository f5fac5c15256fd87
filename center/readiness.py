"""Is the site ready to go live? Every fact about the center that is still a placeholder, and every duty unmet.

The site never makes up a fact about the center: until staff enter one, the page shows a placeholder. The checks
list those placeholders, and what a California treatment provider must publish, so that a site full of them is
not mistaken for a finished one. ``manage.py go_live_check`` prints the list and fails while it is not empty; the
admin's home page shows it to staff.

This module holds the checks of the center's own facts. Each app that owns something else a visitor would miss
adds its checks with ``@readiness_check`` in its ``readiness`` module, which its AppConfig.ready imports (pages:
programs, people, translations; contact: who is told of inquiries), as Django's own system checks are registered.

A *gap* blocks going live; a *warning* (a license running out, a payer not re-verified) needs attention soon.
"""

from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from restoration.phone import national_digits

from .expiry import expiring_records
from .models import Accreditation, License, Notice, Payer, RecoveryResidenceInterest, SiteSettings
from .notice_rules import PART_2_COMPLIANCE_DATE, missing_elements
from .translation import language_name, untranslated_texts, visitor_text

# Reserved for fiction (555-0100 to 555-0199) and for documentation (example.org and the like, RFC 2606).
FICTIONAL_PHONE_PREFIX = "55501"
EXAMPLE_DOMAINS = ("example.org", "example.com", "example.net")


@dataclass(frozen=True)
class AdminPage:
    """Where in the admin something is put right, and the permission that lets a staff member put it right there."""

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
    # Gaps and warnings left out because they are for other staff to put right (see for_user).
    others_gaps: int = 0
    others_warnings: int = 0

    @property
    def ready(self):
        return not self.gaps and not self.others_gaps

    @property
    def others_items(self):
        return self.others_gaps + self.others_warnings

    def for_user(self, user):
        """Only what this staff member may put right (an editor may view the site settings but not change them, and
        is not told about inquiries); the rest only counted, for them to ask an administrator."""

        def theirs(items):
            return [item for item in items if user.has_perm(item.admin_page.permission)]

        gaps, warnings = theirs(self.gaps), theirs(self.warnings)
        return Readiness(
            gaps=gaps,
            warnings=warnings,
            others_gaps=len(self.gaps) - len(gaps),
            others_warnings=len(self.warnings) - len(warnings),
        )


# The checks go_live_readiness runs, in the order they were registered: the center's, then each app's.
CHECKS = []


def readiness_check(check):
    """Register ``check(today)``, which returns ``(gaps, warnings)``, two lists of Item."""
    if check not in CHECKS:
        CHECKS.append(check)
    return check


def admin_page(name, *args):
    """The admin page named ``<app>_<model>_<view>``, for whoever may add (an ``add`` page) or change that model."""
    app_label, model_name, view = name.split("_", 2)
    action = "add" if view == "add" else "change"
    return AdminPage(url=reverse(f"admin:{name}", args=args), permission=f"{app_label}.{action}_{model_name}")


def _is_placeholder(record, field_name):
    """A value still at its default, or written as a placeholder in square brackets."""
    value = getattr(record, field_name)
    return value == record._meta.get_field(field_name).get_default() or "[" in value


def _site_settings_gaps(site):
    """What the site settings record still holds as a placeholder, or leaves unsaid."""
    url = admin_page("center_sitesettings_change", site.pk)
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
    if visitor_text(site, "self_pay_information", settings.LANGUAGE_CODE) is None:
        gaps.append(Item("Insurance and cost", "No self-pay information is given.", url))
    if visitor_text(site, "family_services", settings.LANGUAGE_CODE) is None:
        gaps.append(Item("For families", "What the center offers families is not described.", url))
    if site.is_placeholder:
        message = "The footer still says the details are placeholders: untick “Is placeholder” once they are real."
        gaps.append(Item("Site settings", message, url))
    return gaps


@readiness_check
def site_settings_items(today):
    """Each detail of the site settings still a placeholder or left unsaid: gaps."""
    return _site_settings_gaps(SiteSettings.load()), []


@readiness_check
def license_items(today):
    """No license in force, one run out (gaps), one about to run out (a warning)."""
    gaps, warnings = [], []
    if not License.objects.current(today).exists():
        gaps.append(
            Item(
                "Licenses",
                "No license or certification in force: the footer cannot make the statement H&SC §11831.12 requires.",
                admin_page("center_license_changelist"),
            )
        )
    for model in (License, Accreditation):
        last_day_field = model.last_day_field
        for record in model.objects.filter(**{f"{last_day_field}__lt": today}):
            url = admin_page(f"center_{model._meta.model_name}_change", record.pk)
            gaps.append(Item("Licenses", f"{record} ran out on {getattr(record, last_day_field):%B %-d, %Y}.", url))
    for model, sentence in expiring_records(today=today):
        warnings.append(Item("Licenses", sentence, admin_page(f"center_{model._meta.model_name}_changelist")))
    return gaps, warnings


@readiness_check
def payer_items(today):
    """No payer listed (a gap), one not verified for too long (a warning)."""
    if not Payer.objects.exists():
        return [Item("Insurance and cost", "No insurance plans are listed.", admin_page("center_payer_changelist"))], []
    stale = Payer.objects.needing_confirmation(today)
    warnings = [
        Item(
            "Insurance and cost",
            f"{payer} was last verified on {payer.verified_on:%B %-d, %Y}: visitors are asked to call to confirm.",
            admin_page("center_payer_change", payer.pk),
        )
        for payer in stale
    ]
    return [], warnings


# The notices 42 CFR 2.22 and 45 CFR 164.520 say what must be in (center/notice_rules.py).
NOTICES_WITH_REQUIRED_ELEMENTS = (Notice.Kind.PRIVACY_PRACTICES, Notice.Kind.RECORDS_CONFIDENTIALITY)


def _notice_content_gaps(notice):
    """What the version in effect of a privacy notice lacks, element by element, and whether it predates the 2024
    Part 2 rule's compliance date."""
    url = admin_page("center_notice_change", notice.pk)
    label = notice.get_kind_display()
    gaps = [
        Item("Notices", f"The {label} in effect lacks {element.name} (see the notices checklist).", url)
        for element in missing_elements(notice.body)
    ]
    if notice.effective_on < PART_2_COMPLIANCE_DATE:
        message = (
            f"The {label} in effect took effect on {notice.effective_on:%B %-d, %Y}, before the 2024 Part 2 rule's "
            f"compliance date ({PART_2_COMPLIANCE_DATE:%B %-d, %Y}): issue a version that meets it."
        )
        gaps.append(Item("Notices", message, url))
    return gaps


@readiness_check
def notice_items(today):
    """Each notice the center must make available that has no version in effect; for a privacy notice in effect,
    each required element its text lacks."""
    gaps = []
    for kind, label in Notice.Kind.choices:
        notice = Notice.objects.in_effect(kind, today)
        if notice is None:
            message = f"No {label} is in effect: the page says it is available on request."
            gaps.append(Item("Notices", message, admin_page("center_notice_add")))
        elif kind in NOTICES_WITH_REQUIRED_ELEMENTS:
            gaps += _notice_content_gaps(notice)
    return gaps, []


@readiness_check
def civil_rights_items(today):
    """Section 1557 (45 CFR 92.10): whether the center receives federal financial assistance, and with yes, each
    detail its Notice of nondiscrimination still shows as a placeholder."""
    site = SiteSettings.load()
    url = admin_page("center_sitesettings_change", site.pk)
    if not site.receives_federal_assistance:
        message = (
            "Say whether the center receives federal financial assistance (Medi-Cal, Medicare, a federal grant): "
            "with yes, the site must publish a Notice of nondiscrimination (Section 1557, 45 CFR 92.10)."
        )
        return [Item("Nondiscrimination", message, url)], []
    if not site.publishes_nondiscrimination_notice:
        return [], []
    details = {
        "civil_rights_coordinator": "the civil rights coordinator's name or title",
        "civil_rights_phone": "the coordinator's phone",
        "civil_rights_email": "the coordinator's email",
        "civil_rights_address": "the coordinator's mailing address",
        "grievance_procedure": "the grievance procedure",
    }
    gaps = [
        Item("Nondiscrimination", f"The Notice of nondiscrimination does not give {label} yet.", url)
        for field, label in details.items()
        if not getattr(site, field).strip()
    ]
    return gaps, []


@readiness_check
def translation_items(today):
    """Each text staff wrote in English with no version yet in another language the site speaks, and each notice in
    effect with none (warnings): pages in that language show the English, marked as English."""
    warnings = []
    for missing in untranslated_texts():
        record = missing.edited_on
        language = language_name(missing.language)
        where = str(record) if record is missing.record else f"{record}, {missing.record._meta.verbose_name}"
        english = visitor_text(missing.record, missing.field, settings.LANGUAGE_CODE).text
        message = (
            f"{where}: “{missing.field_label}” (“{truncate(english)}”) has no {language} version; "
            f"{language} pages show it in English."
        )
        url = admin_page(f"{record._meta.app_label}_{record._meta.model_name}_change", record.pk)
        warnings.append(Item("Translations", message, url))
    for kind, label in Notice.Kind.choices:
        if Notice.objects.in_effect(kind, today) is None:
            continue  # notice_items asks for the notice itself first
        for language, _ in settings.LANGUAGES:
            if Notice.objects.in_effect(kind, today, language) is None:
                name = language_name(language)
                message = f"The {label} has no {name} version in effect; the {name} page shows the English one."
                warnings.append(Item("Translations", message, admin_page("center_notice_add")))
    return [], warnings


def truncate(words, length=60):
    return words if len(words) <= length else words[: length - 1].rstrip() + "…"


@readiness_check
def recovery_residence_items(today):
    """H&SC §11857.3: the program's ownership of or financial interest in a recovery residence, or that it has none."""
    site = SiteSettings.load()
    answer = site.recovery_residence_interest
    if answer == RecoveryResidenceInterest.NONE or (
        answer and visitor_text(site, "recovery_residences", settings.LANGUAGE_CODE)
    ):
        return [], []
    message = (
        "Say whether the center owns or has a financial interest in a recovery residence (sober living home), and "
        "list them if so: the program and About pages must disclose it (H&SC §11857.3)."
    )
    return [Item("Recovery residences", message, admin_page("center_sitesettings_change", site.pk))], []


def go_live_readiness(today=None):
    """Everything that stands between this site and going live, and what needs attention soon."""
    today = today or timezone.localdate()
    gaps, warnings = [], []
    for check in CHECKS:
        check_gaps, check_warnings = check(today)
        gaps += check_gaps
        warnings += check_warnings
    return Readiness(gaps=gaps, warnings=warnings)
