"""What the center is and promises: its site settings, opening hours, licenses, accreditations, payers, notices.

Each is a record staff fill in the admin. Until they do, pages show an honest placeholder and ``go_live_check``
lists what is missing: nothing about the center is ever made up by the code. The tables keep the names the pages
app gave them (``db_table``), so that a server still running the code before the move, or an image rolled back to
it, reads the same tables (center 0001, pages 0020).
"""

import datetime

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import dateformat, timezone, translation
from django.utils.translation import gettext, gettext_lazy, gettext_noop
from modeltranslation.utils import build_localized_fieldname

from restoration.markdown import MARKDOWN_HELP, render_markdown
from restoration.phone import tel_href


class Weekday(models.IntegerChoices):
    """ISO weekday numbers, as ``date.isoweekday()`` gives them; labels in the page's language ("lunes")."""

    MONDAY = 1, gettext_lazy("Monday")
    TUESDAY = 2, gettext_lazy("Tuesday")
    WEDNESDAY = 3, gettext_lazy("Wednesday")
    THURSDAY = 4, gettext_lazy("Thursday")
    FRIDAY = 5, gettext_lazy("Friday")
    SATURDAY = 6, gettext_lazy("Saturday")
    SUNDAY = 7, gettext_lazy("Sunday")

    @property
    def schema_org_name(self):
        """The day as schema.org names it ("Monday"), whatever the page's language."""
        return self.name.title()


def time_label(moment):
    """ "9 a.m.", "5:30 p.m.", "noon": the way the site writes a time of day, in the page's language.

    Django's "P" format, on the 12-hour clock in Spanish too ("9 a.m.", "5:30 p.m.", "mediodía"): that is how
    Californians read a time, whatever their language, and how admissions says it on the phone. Spanish's own
    TIME_FORMAT ("17:30") would read as a different clock.
    """
    return dateformat.time_format(moment, "P")


class WeeklyHours(models.Model):
    """A run of weekdays with the same times, such as "Monday to Friday, from 9 a.m. until 5 p.m.".

    Opening hours and a program's group sessions are both made of these rows.
    """

    first_day = models.PositiveSmallIntegerField(choices=Weekday.choices)
    last_day = models.PositiveSmallIntegerField(choices=Weekday.choices, help_text="Leave empty for a single day.")
    opens = models.TimeField("from", help_text="For example 9 a.m., 9:00 AM or 09:00.")
    closes = models.TimeField("until", help_text="For example 6 p.m., 6:00 PM or 18:00.")

    class Meta:
        abstract = True
        ordering = ["first_day", "opens"]

    def __str__(self):
        return f"{self.days_label}, {self.times_label}"

    def clean(self):
        super().clean()
        errors = {}
        if self.first_day and self.last_day and self.last_day < self.first_day:
            errors["last_day"] = "The last day comes after the first one (Monday is the first day of the week)."
        if self.opens and self.closes and self.closes <= self.opens:
            errors["closes"] = "The end time must be later than the start time."
        if errors:
            raise ValidationError(errors)

    @property
    def weekdays(self):
        return [Weekday(day) for day in range(self.first_day, self.last_day + 1)]

    @property
    def days_label(self):
        first, last = Weekday(self.first_day).label, Weekday(self.last_day).label
        return first if first == last else gettext("%(first)s to %(last)s") % {"first": first, "last": last}

    @property
    def times_label(self):
        return f"{time_label(self.opens)}–{time_label(self.closes)}"

    def covers(self, moment):
        """Whether this row is open at ``moment`` (a local datetime)."""
        return self.first_day <= moment.isoweekday() <= self.last_day and self.opens <= moment.time() < self.closes


class YesNo(models.TextChoices):
    YES = "yes", "Yes"
    NO = "no", "No"


class RecoveryResidenceInterest(models.TextChoices):
    NONE = "none", "None: the center owns no recovery residence and has no financial interest in one"
    INTEREST = "interest", "The center owns or has a financial interest in one or more (list them below)"


class SiteSettings(models.Model):
    """The center's name and contact details: one record, edited in the admin, used everywhere.

    The defaults are placeholders that read as placeholders, so nothing invented looks real.
    """

    # Not the key the record had under pages: a copy cached by the code before the move would not unpickle here.
    CACHE_KEY = "center:site-settings"
    # What a fresh record holds where staff have not entered a detail yet; a page shows it in its own language
    # ({{ value|as_shown }}, pages/templatetags/site_details.py).
    STREET_ADDRESS_PLACEHOLDER = translation.gettext_noop("[Street address not yet set]")
    POSTAL_CODE_PLACEHOLDER = translation.gettext_noop("[ZIP]")
    PLACEHOLDERS = {STREET_ADDRESS_PLACEHOLDER, POSTAL_CODE_PLACEHOLDER}

    name = models.CharField(max_length=100, default="Restoration Recovery Center")
    phone = models.CharField(
        max_length=30, default="(916) 555-0100", help_text="As shown to visitors. 555-01xx is a placeholder."
    )
    email = models.EmailField(default="admissions@example.org")
    street_address = models.CharField(max_length=200, default=STREET_ADDRESS_PLACEHOLDER)
    city = models.CharField(max_length=100, default="Sacramento")
    region = models.CharField(max_length=50, default="CA")
    postal_code = models.CharField(max_length=20, default=POSTAL_CODE_PLACEHOLDER)
    hours_note = models.CharField(
        "note on the hours",
        max_length=200,
        blank=True,
        help_text="Shown after the opening hours, for example: Closed on public holidays.",
    )
    response_target_hours = models.PositiveSmallIntegerField(
        "admissions replies within (business hours)",
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(72)],
        help_text="The promise the contact and thank-you pages make, counted in the opening hours below: with 2, "
        "a message sent on Friday night is promised a reply by 10 a.m. Monday when you open at 8. "
        "Leave empty to make no promise.",
    )
    self_pay_information = models.TextField(
        "self-pay information",
        blank=True,
        help_text="What treatment costs without insurance and how payment works, as visitors should read it. "
        + MARKDOWN_HELP,
    )
    self_pay_html = models.TextField(editable=False, default="")
    family_services = models.TextField(
        "what we offer families",
        blank=True,
        help_text="Family sessions, groups or education the center offers, shown on the For families page. "
        + MARKDOWN_HELP,
    )
    family_services_html = models.TextField(editable=False, default="")
    # Staff's Markdown and the HTML a page shows, rendered once on save; both exist in every language
    # (center/translation.py).
    RENDERED = {"self_pay_information": "self_pay_html", "family_services": "family_services_html"}

    is_placeholder = models.BooleanField(
        default=True,
        help_text="Untick once the details above are real; while ticked the site says they are placeholders.",
    )
    # Section 1557 of the Affordable Care Act (45 CFR 92.10 and 92.11): a provider paid by Medi-Cal or Medicare, or
    # funded by a federal grant, posts a notice of nondiscrimination. Unanswered (""), go_live_check asks.
    receives_federal_assistance = models.CharField(
        "receives federal financial assistance",
        max_length=3,
        blank=True,
        choices=YesNo.choices,
        help_text="Yes if the center is paid by Medi-Cal or Medicare or receives a federal grant. With yes, the site "
        "publishes a Notice of nondiscrimination (Section 1557, 45 CFR 92.10) built from the details below.",
    )
    civil_rights_coordinator = models.CharField(
        "civil rights coordinator (name or title)",
        max_length=100,
        blank=True,
        help_text="Who receives grievances, for example: Compliance Officer. Required with 15 or more employees "
        "(45 CFR 92.7).",
    )
    civil_rights_phone = models.CharField("coordinator's phone", max_length=30, blank=True)
    civil_rights_email = models.EmailField("coordinator's email", blank=True)
    civil_rights_address = models.CharField(
        "coordinator's mailing address", max_length=200, blank=True, help_text="Street, city, ZIP."
    )
    grievance_procedure = models.TextField(
        "grievance procedure",
        blank=True,
        help_text="How a person files a grievance with the center and what happens next, as your written procedure "
        "says it (45 CFR 92.8). Shown on the Notice of nondiscrimination. " + MARKDOWN_HELP,
    )
    grievance_procedure_html = models.TextField(editable=False, default="")
    # H&SC §11857.3: a program tells prospective clients of any ownership of, or financial interest in, a recovery
    # residence, or that it has none. Unanswered (""), go_live_check asks.
    recovery_residence_interest = models.CharField(
        "ownership of or financial interest in a recovery residence",
        max_length=8,
        blank=True,
        choices=RecoveryResidenceInterest.choices,
        help_text="Shown on the program and About pages (Health and Safety Code §11857.3).",
    )
    recovery_residences = models.TextField(
        "the recovery residences and the interest held",
        blank=True,
        help_text="With an interest: each residence (name and address) and what the center holds in it (owner, part "
        "owner, financial interest). Shown to visitors word for word.",
    )

    class Meta:
        db_table = "pages_sitesettings"
        verbose_name = verbose_name_plural = "site settings"

    def __str__(self):
        return "Site settings"

    def save(self, *args, **kwargs):
        self.pk = 1
        for language, _ in settings.LANGUAGES:
            for written, rendered in self.RENDERED.items():
                text = getattr(self, build_localized_fieldname(written, language)) or ""
                setattr(self, build_localized_fieldname(rendered, language), render_markdown(text))
        # Part of the Notice of nondiscrimination, which the center issues in English (nondiscrimination.html).
        self.grievance_procedure_html = render_markdown(self.grievance_procedure)
        super().save(*args, **kwargs)
        cache.delete(self.CACHE_KEY)

    # This process's latest copy, for the outage page when neither the database nor the cache answers.
    last_loaded = None

    @classmethod
    def load(cls):
        """The record, from the cache when possible (it is read on every page)."""
        record = cache.get(cls.CACHE_KEY)
        if record is None:
            record, _ = cls.objects.get_or_create(pk=1)
            # The facts every page's footer shows come along, so a page reads them in no query of its own.
            record.hours = list(OpeningHours.objects.all())
            record.licenses = list(License.objects.all())
            record.accreditations = list(Accreditation.objects.all())
            cache.set(cls.CACHE_KEY, record, settings.SITE_SETTINGS_CACHE_SECONDS)
        SiteSettings.last_loaded = record
        return record

    @property
    def phone_href(self):
        """The phone number as a ``tel:`` link target (restoration/phone.py)."""
        return tel_href(self.phone)

    def clean(self):
        super().clean()
        interest = self.recovery_residence_interest == RecoveryResidenceInterest.INTEREST
        if interest and not (self.recovery_residences_en or "").strip():
            raise ValidationError({"recovery_residences_en": "List each residence and the interest the center holds."})

    @property
    def publishes_nondiscrimination_notice(self):
        """Whether the site shows the Notice of nondiscrimination (and every footer links it)."""
        return self.receives_federal_assistance == YesNo.YES

    @property
    def civil_rights_phone_href(self):
        return tel_href(self.civil_rights_phone)

    @property
    def full_address(self):
        return f"{self.street_address}, {self.city}, {self.region} {self.postal_code}"

    @property
    def current_licenses(self):
        """The licenses and certifications in force today; an expired one is never shown as current."""
        today = timezone.localdate()
        return [license for license in self.licenses if license.is_current(today)]

    @property
    def current_accreditations(self):
        today = timezone.localdate()
        return [accreditation for accreditation in self.accreditations if accreditation.is_current(today)]

    @classmethod
    def forget(cls, **kwargs):
        """Drop the cached record (a receiver: the facts it carries have changed)."""
        cache.delete(cls.CACHE_KEY)


class OpeningHours(WeeklyHours):
    """When admissions answers: the footer, the contact page, the JSON-LD and the callback promise read these."""

    # Edited on the site settings page; there is only ever the one record.
    site = models.ForeignKey(SiteSettings, on_delete=models.CASCADE, default=1, related_name="opening_hours")

    class Meta(WeeklyHours.Meta):
        db_table = "pages_openinghours"
        verbose_name = verbose_name_plural = "opening hours"


class DatedQuerySet(models.QuerySet):
    """Records valid from a first day (``first_day_field``, when the model has one) up to and including a last day
    (``last_day_field``): licenses, accreditations."""

    def current(self, today=None):
        """The records in force today: the same rule as ``DatedRecord.is_current``, in the database."""
        today = today or timezone.localdate()
        in_force = models.Q(**{f"{self.model.last_day_field}__gte": today})
        if self.model.first_day_field:
            in_force &= models.Q(**{f"{self.model.first_day_field}__lte": today})
        return self.filter(in_force)

    def expiring_within(self, days, today=None):
        """Records whose last day is today or at most ``days`` away: the ones staff are warned about."""
        today = today or timezone.localdate()
        last_day = self.model.last_day_field
        return self.filter(
            **{f"{last_day}__gte": today, f"{last_day}__lte": today + datetime.timedelta(days=days)}
        ).order_by(last_day)


class DatedRecord:
    """What licenses and accreditations share: in force from a first day (if any) through a last day.

    Pages show only the records in force, so a page drawn from them is out of date the day one starts or ends;
    ``next_change`` says which day that is, and the page cache keeps no page past it.
    """

    first_day_field = None
    last_day_field = None

    def _first_and_last_day(self):
        first = getattr(self, self.first_day_field) if self.first_day_field else None
        return first, getattr(self, self.last_day_field)

    def is_current(self, today):
        first, last = self._first_and_last_day()
        return (first is None or first <= today) and today <= last

    def next_change(self, today):
        """The first day after ``today`` on which this record starts or stops being in force, or None."""
        first, last = self._first_and_last_day()
        if first is not None and first > today:
            return first
        if last >= today:
            return last + datetime.timedelta(days=1)
        return None


# Staff are warned this many days before a license, certification or accreditation runs out.
EXPIRY_WARNING_DAYS = 60


class License(DatedRecord, models.Model):
    """A state license or certification, stated in every page's footer as H&SC §11831.12 requires.

    A licensed facility says "Licensed by the State Department of Health Care Services.", a certified program
    "Certified by the State Department of Health Care Services.", each linked to the issuer's page that shows
    the number and the expiry date.
    """

    class Kind(models.TextChoices):
        LICENSED_FACILITY = "licensed", gettext_lazy("Licensed facility")
        CERTIFIED_PROGRAM = "certified", gettext_lazy("Certified program")

    DHCS = gettext_noop("State Department of Health Care Services")  # its name in English, the default issuer
    last_day_field = "expires_on"

    kind = models.CharField(max_length=10, choices=Kind.choices)
    issuer = models.CharField(max_length=100, default=DHCS)
    number = models.CharField("license or certification number", max_length=50)
    expires_on = models.DateField("expiry date")
    lookup_url = models.URLField(
        "issuer's lookup page",
        max_length=500,
        help_text="The issuer's public page that shows this number and its expiry date (DHCS's facility lookup).",
    )

    objects = DatedQuerySet.as_manager()

    class Meta:
        db_table = "pages_license"
        ordering = ["kind", "number"]
        verbose_name = "license or certification"
        verbose_name_plural = "licenses and certifications"

    def __str__(self):
        return f"{self.get_kind_display()} {self.number}"

    def _statement(self):
        issuer = gettext(self.DHCS) if self.issuer == self.DHCS else self.issuer
        if self.kind == self.Kind.LICENSED_FACILITY:
            return gettext("Licensed by the %(issuer)s.") % {"issuer": issuer}
        return gettext("Certified by the %(issuer)s.") % {"issuer": issuer}

    @property
    def public_statement(self):
        """The sentence the law asks for (H&SC §11831.12), word for word: in English, on a page in any language."""
        with translation.override(settings.LANGUAGE_CODE):
            return self._statement()

    @property
    def public_statement_in_visitor_language(self):
        """The same sentence in the page's language (Spanish naming DHCS as it names itself in Spanish), shown beside
        the law's words so that a reader of that language understands them."""
        return self._statement()

    @property
    def number_label(self):
        """ "License number" or "Certification number", as the footer names the number beside that sentence."""
        return (
            gettext("License number") if self.kind == self.Kind.LICENSED_FACILITY else gettext("Certification number")
        )


class Accreditation(DatedRecord, models.Model):
    """An accreditation (The Joint Commission, CARF…), with what it covers and when it is valid."""

    first_day_field = "valid_from"
    last_day_field = "valid_until"

    body = models.CharField("accrediting body", max_length=100, help_text="For example: The Joint Commission, CARF.")
    scope = models.CharField("what it covers", max_length=200, help_text="As the accreditation states it.")
    valid_from = models.DateField()
    valid_until = models.DateField()
    lookup_url = models.URLField(
        "public lookup page", max_length=500, blank=True, help_text="Where the accrediting body lists the center."
    )

    objects = DatedQuerySet.as_manager()

    class Meta:
        db_table = "pages_accreditation"
        ordering = ["body"]

    def __str__(self):
        return f"{self.body}: {self.scope}"

    def clean(self):
        super().clean()
        if self.valid_from and self.valid_until and self.valid_until < self.valid_from:
            raise ValidationError({"valid_until": "The accreditation must end after it starts."})


class PayerQuerySet(models.QuerySet):
    def needing_confirmation(self, today=None):
        """Payers whose network status is too old to trust: the page asks visitors to call to confirm it."""
        return self.filter(verified_on__lt=Payer.oldest_trusted_verification(today))


class Payer(models.Model):
    """An insurance company or plan, and whether the center is in its network, as staff last checked."""

    class Network(models.TextChoices):
        IN_NETWORK = "in", gettext_lazy("In network")
        OUT_OF_NETWORK = "out", gettext_lazy("Out of network")
        SINGLE_CASE = "single-case", gettext_lazy("Out of network; a single-case agreement may be possible")

    # A network status older than this is shown with "please call to confirm".
    VERIFIED_DAYS = 90

    name = models.CharField(max_length=100)
    plan_types = models.CharField(max_length=200, blank=True, help_text="For example: PPO, EPO, HMO.")
    network_status = models.CharField(max_length=20, choices=Network.choices)
    verified_on = models.DateField("last verified", help_text="The day staff last confirmed this with the payer.")

    objects = PayerQuerySet.as_manager()

    class Meta:
        db_table = "pages_payer"
        ordering = ["name", "plan_types"]

    def __str__(self):
        return f"{self.name} ({self.plan_types})" if self.plan_types else self.name

    @classmethod
    def oldest_trusted_verification(cls, today=None):
        """The earliest verification day still shown without "please call to confirm"."""
        return (today or timezone.localdate()) - datetime.timedelta(days=cls.VERIFIED_DAYS)

    def needs_confirmation(self, today=None):
        return self.verified_on < self.oldest_trusted_verification(today)


class NoticeQuerySet(models.QuerySet):
    def _effective_in(self, kind, languages, today):
        today = today or timezone.localdate()
        return self.filter(kind=kind, language__in=languages, effective_on__lte=today).order_by("-effective_on")

    def effective(self, kind, today=None, language=settings.LANGUAGE_CODE):
        """The versions of this notice in ``language`` whose day has come, newest (the one in effect) first.

        A version dated ahead stays unseen until its day. Each language has its own versions: the English ones are
        the center's notice, a Spanish one its translation, which staff may issue on another day.
        """
        return self._effective_in(kind, [language], today)

    def shown_in(self, kind, language, today=None):
        """The versions a page in ``language`` lists, newest first: the notice's own in that language, or while it has
        none, the center's English ones (one query either way)."""
        versions = list(self._effective_in(kind, {language, settings.LANGUAGE_CODE}, today))
        return [version for version in versions if version.language == language] or versions

    def in_effect(self, kind, today=None, language=settings.LANGUAGE_CODE):
        """The version of this notice in ``language`` in effect today (the newest one already effective), or None."""
        return self.effective(kind, today, language).first()


class Notice(models.Model):
    """One version of a notice the center must make available, with the date it takes effect.

    Older versions are kept: the notice in effect is the newest whose date has come.
    """

    class Kind(models.TextChoices):
        # The values are the pages' addresses.
        CLIENT_RIGHTS = "client-rights", gettext_lazy("Client bill of rights")
        PRIVACY_PRACTICES = "notice-of-privacy-practices", gettext_lazy("Notice of Privacy Practices")
        RECORDS_CONFIDENTIALITY = "confidentiality-of-records", gettext_lazy("Confidentiality of substance use records")

    kind = models.CharField(max_length=40, choices=Kind.choices)
    language = models.CharField(
        max_length=5,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text="The language this version is written in. The English notice is the center's own; a Spanish "
        "version is shown on the Spanish page, which until then shows the English one.",
    )
    effective_on = models.DateField("effective date")
    body = models.TextField(help_text="The notice's text as the center issues it. " + MARKDOWN_HELP)
    body_html = models.TextField(editable=False, default="")
    updated_at = models.DateTimeField(auto_now=True)

    objects = NoticeQuerySet.as_manager()

    class Meta:
        db_table = "pages_notice"
        ordering = ["kind", "-effective_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "language", "effective_on"], name="one_notice_version_per_language_and_day"
            )
        ]

    def __str__(self):
        language = "" if self.language == settings.LANGUAGE_CODE else f" ({self.get_language_display()})"
        return f"{self.get_kind_display()}{language}, effective {self.effective_on:%B %-d, %Y}"

    def save(self, *args, **kwargs):
        self.body_html = render_markdown(self.body)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse(f"pages:{self.kind}")
