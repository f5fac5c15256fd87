"""Admin for the center's facts: site settings and opening hours, licenses, accreditations, payers, notices."""

from django.conf import settings
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.text import capfirst
from modeltranslation.admin import TranslationAdmin
from modeltranslation.utils import build_localized_fieldname

from revisions.admin import HistoryAdmin

from . import notice_rules, services
from .expiry import warn_staff_of_expiry
from .forms import LabelledRowsFormSet, WeeklyHoursForm
from .models import EXPIRY_WARNING_DAYS, Accreditation, License, Notice, OpeningHours, Payer, SiteSettings
from .translation import language_name


class OpeningHoursInline(admin.TabularInline):
    model = OpeningHours
    form = WeeklyHoursForm
    formset = LabelledRowsFormSet
    extra = 0
    fields = ["first_day", "last_day", "opens", "closes"]


def expiry_status(record):
    """ "Expired", "Expires in 12 days" (a warning within EXPIRY_WARNING_DAYS), "Current until …" or "Starts on …"."""
    today = timezone.localdate()
    first_day = getattr(record, record.first_day_field) if record.first_day_field else None
    last_day = getattr(record, record.last_day_field)
    days = (last_day - today).days
    if days < 0:
        # format_html escapes its arguments into strings first, so the date is written out before.
        return format_html('<strong class="expired">Expired on {}</strong>', f"{last_day:%b %-d, %Y}")
    if first_day and first_day > today:
        return f"Starts on {first_day:%b %-d, %Y}, until {last_day:%b %-d, %Y}"
    if days <= EXPIRY_WARNING_DAYS:
        return format_html('<strong class="expiring">Expires in {} day{}</strong>', days, "" if days == 1 else "s")
    return f"Current until {last_day:%b %-d, %Y}"


class DatedRecordAdmin(admin.ModelAdmin):
    """Licenses and accreditations: the list warns of each one running out within EXPIRY_WARNING_DAYS."""

    def changelist_view(self, request, extra_context=None):
        warn_staff_of_expiry(request, models=[self.model])
        return super().changelist_view(request, extra_context)

    @admin.display(description="Status")
    def status(self, record):
        return expiry_status(record)


@admin.register(License)
class LicenseAdmin(DatedRecordAdmin):
    list_display = ["__str__", "issuer", "expires_on", "status"]


@admin.register(Accreditation)
class AccreditationAdmin(DatedRecordAdmin):
    list_display = ["body", "scope", "valid_from", "valid_until", "status"]


VERIFIED = "Verified"
CALL_TO_CONFIRM = f"Please call to confirm (not verified in {Payer.VERIFIED_DAYS} days)"


class PayerVerificationFilter(admin.SimpleListFilter):
    """Finds the payers whose status visitors are asked to call to confirm: the ones to check again."""

    title = "shown to visitors as"
    parameter_name = "verification"

    def lookups(self, request, model_admin):
        return [("verified", VERIFIED), ("call", CALL_TO_CONFIRM)]

    def queryset(self, request, queryset):
        stale = queryset.needing_confirmation()
        if self.value() == "call":
            return stale
        if self.value() == "verified":
            return queryset.exclude(pk__in=stale.values("pk"))
        return queryset


@admin.register(Payer)
class PayerAdmin(admin.ModelAdmin):
    list_display = ["name", "plan_types", "network_status", "verified_on", "verification"]
    list_filter = [PayerVerificationFilter, "network_status"]
    search_fields = ["name", "plan_types"]
    actions = ["mark_verified_today"]

    @admin.display(description="Shown to visitors as")
    def verification(self, payer):
        return CALL_TO_CONFIRM if payer.needs_confirmation() else VERIFIED

    def get_changeform_initial_data(self, request):
        # A payer is usually entered right after the call that confirmed it.
        return {"verified_on": timezone.localdate(), **super().get_changeform_initial_data(request)}

    def view_on_site(self, payer):
        return reverse("pages:insurance")

    @admin.action(description="Mark as verified today (after confirming each with the payer)")
    def mark_verified_today(self, request, queryset):
        count = services.payers_verify(queryset)
        self.message_user(request, f"Marked {count} payer{'' if count == 1 else 's'} as verified today.")


@admin.register(Notice)
class NoticeAdmin(admin.ModelAdmin):
    list_display = ["kind", "language", "effective_on", "shown_to_visitors", "updated_at"]
    list_filter = ["kind", "language"]
    readonly_fields = ["required_elements"]
    change_list_template = "admin/center/notice/change_list.html"

    def get_urls(self):
        checklist = self.admin_site.admin_view(self.checklist_view)
        return [path("checklist/", checklist, name="center_notice_checklist"), *super().get_urls()]

    def checklist_view(self, request):
        """What a Part 2 program's Notice of Privacy Practices must contain, with the rules that say so, and what
        each notice in effect lacks: for staff writing or reviewing a notice (center/notice_rules.py)."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        in_effect = [
            (label, notice, notice and notice_rules.missing_elements(notice.body))
            for kind, label in Notice.Kind.choices
            if kind in (Notice.Kind.PRIVACY_PRACTICES, Notice.Kind.RECORDS_CONFIDENTIALITY)
            for notice in [Notice.objects.in_effect(kind)]
        ]
        context = {
            **self.admin_site.each_context(request),
            "title": "Privacy notice checklist",
            "opts": self.opts,
            "elements": notice_rules.ELEMENTS,
            "header_lines": notice_rules.PRESCRIBED_HEADER_LINES,
            "compliance_date": notice_rules.PART_2_COMPLIANCE_DATE,
            "sources": [
                ("42 CFR 2.22, as amended by 89 FR 12472 (February 16, 2024)", notice_rules.ECFR_2_22),
                ("45 CFR 164.520", notice_rules.ECFR_164_520),
                ("HHS, Model Notices of Privacy Practices (February 2026)", notice_rules.HHS_MODEL_NOTICES),
            ],
            "in_effect": in_effect,
        }
        return TemplateResponse(request, "admin/center/notice/checklist.html", context)

    @admin.display(description="Required elements")
    def required_elements(self, notice):
        """For a privacy notice, the elements its text plainly lacks, beside a link to the checklist."""
        if notice.kind not in (Notice.Kind.PRIVACY_PRACTICES, Notice.Kind.RECORDS_CONFIDENTIALITY):
            return "-"
        checklist = reverse("admin:center_notice_checklist")
        missing = notice_rules.missing_elements(notice.body)
        if not missing:
            return format_html('None found missing (<a href="{}">the checklist</a>).', checklist)
        names = format_html_join(", ", "{}", ((element.name,) for element in missing))
        return format_html('Lacks: {} (<a href="{}">the checklist</a>).', names, checklist)

    @admin.display(description="Shown to visitors")
    def shown_to_visitors(self, notice):
        """Which version the notice's page in its language shows: a version dated ahead waits for its day."""
        if notice.effective_on > timezone.localdate():
            return f"From {notice.effective_on:%b %-d, %Y}"
        if notice == Notice.objects.in_effect(notice.kind, language=notice.language):
            return "In effect"
        return "As an earlier version"


class LabelledByLanguage:
    """A translated text's fields labelled "Note on the hours (Spanish)", in words staff read, not "[es]"."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        language = getattr(db_field, "language", None)
        if field is not None and language:
            field.label = f"{capfirst(db_field.translated_field.verbose_name)} ({language_name(language)})"
        return field


IN_ENGLISH_UNTIL = (
    "Leave a language empty and its pages show the English words, marked as English; go_live_check and the admin "
    "home list each such text until it is translated."
)


def side_by_side(*names):
    """Each text's languages on one line, English first (center/translation.py gives every language a field)."""
    return [tuple(build_localized_fieldname(name, code) for code, _ in settings.LANGUAGES) for name in names]


@admin.register(SiteSettings)
class SiteSettingsAdmin(HistoryAdmin, LabelledByLanguage, TranslationAdmin):  # History compares and restores the texts
    inlines = [OpeningHoursInline]
    fieldsets = [
        (None, {"fields": ["name", "phone", "email", "street_address", "city", "region", "postal_code"]}),
        (
            "Opening hours and replies",
            {
                "fields": [*side_by_side("hours_note"), "response_target_hours"],
                "description": "The opening hours themselves are below the page's last section.",
            },
        ),
        (
            "Texts for visitors, in each language",
            {
                "fields": side_by_side("self_pay_information", "family_services"),
                "description": IN_ENGLISH_UNTIL,
            },
        ),
        (
            "Nondiscrimination (Section 1557)",
            {
                "fields": [
                    "receives_federal_assistance",
                    "civil_rights_coordinator",
                    "civil_rights_phone",
                    "civil_rights_email",
                    "civil_rights_address",
                    "grievance_procedure",
                ]
            },
        ),
        (
            "Recovery residences (H&SC §11857.3)",
            {"fields": ["recovery_residence_interest", *side_by_side("recovery_residences")]},
        ),
        (None, {"fields": ["is_placeholder"]}),
    ]

    class Media:
        css = {"all": ["css/staff.css"]}  # the summary of errors at the top of the form

    def has_add_permission(self, request):
        return not SiteSettings.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False
