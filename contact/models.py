"""Inquiries from the contact form, and who is told about them.

The ``Inquiry`` row is also the notification outbox: its ``notify_*`` fields are the only record of
whether admissions staff have been told, and what `send_pending_notifications` reads and writes.
"""

import datetime
import re

from django.conf import settings
from django.db import models
from django.db.models import ExpressionWrapper, Q, Value
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from center.hours import admissions_calendar
from restoration.phone import national_digits

from .crypto import (
    BoundEncryptionModel,
    EncryptedCharField,
    EncryptedEmailField,
    EncryptedTextField,
    Undecryptable,
    lookup_hash,
    lookup_hashes,
    normalise_email,
)

# An inquiry number, "#42" as staff write it or a bare "42"; up to 18 digits, so it always fits the database's
# integer.
INQUIRY_NUMBER = re.compile(r"#?([0-9]{1,18})")


def inquiry_numbers(text):
    """The numbers in "#3 #7", or None when ``text`` is anything else."""
    parts = text.split()
    found = [INQUIRY_NUMBER.fullmatch(part) for part in parts if part.startswith("#")]
    return [int(match[1]) for match in found] if parts and len(found) == len(parts) and all(found) else None


class InquiryQuerySet(models.QuerySet):
    def notification_due(self, now=None):
        """Inquiries whose staff email is owed now: not delivered, due, and not claimed by a running sender."""
        now = now or timezone.now()
        return self.filter(
            Q(notify_claimed_until__isnull=True) | Q(notify_claimed_until__lt=now),
            notified_at__isnull=True,
            notify_next_attempt_at__lte=now,
        )

    def matching(self, term):
        """Inquiries with these numbers ("#42", "#3 #7"), or this whole email address or phone number, matched
        through its keyed hash; bare digits ("42") may be a number or a phone number. Names cannot be searched."""
        term = term.strip()
        numbers = inquiry_numbers(term)
        if numbers is not None:
            return self.filter(pk__in=numbers)
        if "@" in term:
            return self.filter(email_hash__in=lookup_hashes(normalise_email(term)))
        matches = Q(phone_hash__in=lookup_hashes(national_digits(term)))
        if bare_number := INQUIRY_NUMBER.fullmatch(term):
            matches |= Q(pk=int(bare_number[1]))
        return self.filter(matches)

    def set_status(self, status, now=None):
        """Give these inquiries ``status``; when it means staff replied, those with no first contact yet are stamped
        with ``now``: the time the reply promise is measured by. The number of inquiries changed."""
        updated = self.update(status=status)
        if status in Inquiry.REPLIED_STATUSES:
            self.filter(first_contact_at=None).update(first_contact_at=now or timezone.now())
        return updated

    def overdue(self, now=None):
        """Inquiries still waiting for a first contact after the response target, counted in business hours; none
        while the center makes no promise (no target or no opening hours)."""
        waiting = self._overdue_condition(now or timezone.now())
        return self.filter(waiting) if waiting is not None else self.none()

    def with_overdue_flag(self, now=None):
        """Each inquiry with ``is_overdue`` (see overdue) worked out in the same query, for the inbox's list."""
        waiting = self._overdue_condition(now or timezone.now())
        flag = ExpressionWrapper(waiting, output_field=models.BooleanField()) if waiting is not None else Value(False)
        return self.annotate(is_overdue=flag)

    @staticmethod
    def _overdue_condition(now):
        cutoff = admissions_calendar().overdue_cutoff(now)
        if cutoff is None:
            return None
        return Q(status__in=Inquiry.AWAITING_FIRST_CONTACT, first_contact_at__isnull=True, created_at__lte=cutoff)

    def open(self):
        """Inquiries staff may still be working: every status but closed and spam."""
        return self.exclude(status__in=Inquiry.CLOSED_STATUSES)

    def purgeable(self, older_than, now=None):
        """Inquiries received before ``older_than`` that retention deletes now: closed and spam ones, and open ones
        flagged for deletion at least the grace period ago."""
        flagged_before = (now or timezone.now()) - RETENTION_GRACE
        return self.filter(created_at__lt=older_than).filter(
            Q(status__in=Inquiry.CLOSED_STATUSES) | Q(flagged_for_deletion_at__lt=flagged_before)
        )


# How long an open inquiry past the retention period is flagged in the admin before purge_inquiries deletes it:
# two weeks for staff to finish with it. content/pages/privacy.md states it: change it with that page.
RETENTION_GRACE = datetime.timedelta(days=14)


class Inquiry(BoundEncryptionModel):
    """One message from the contact form. Health-related personal data: it stays in this database."""

    # What the visitor sends through the form, in the order they fill it in; staff may read it, never change it.
    SUBMITTED_FIELDS = (
        "name", "email", "phone", "preferred_contact", "voicemail_ok", "best_time", "preferred_language",
        "other_language", "inquiry_for", "program", "insurance_check", "message", "consent", "source_page",
    )  # fmt: skip

    class Status(models.TextChoices):
        NEW = "new", "New"
        # One spam signal alone (sent very fast, many links): as often a person as a bot, so staff are told.
        NEEDS_REVIEW = "review", "Needs review"
        CONTACTED = "contacted", "Contacted"
        SCHEDULED = "scheduled", "Scheduled"
        CLOSED = "closed", "Closed"
        SPAM = "spam", "Spam"

    # Done with: deleted as soon as they are past the retention period. Every other status is open.
    CLOSED_STATUSES = [Status.CLOSED, Status.SPAM]
    # Staff have replied: the first change to one of these, from new or needs review, is the first contact. Spam
    # is not a reply, so it stamps nothing.
    REPLIED_STATUSES = [Status.CONTACTED, Status.SCHEDULED, Status.CLOSED]

    # Not yet answered: the statuses an inquiry has before its first contact (which moves it on).
    AWAITING_FIRST_CONTACT = [Status.NEW, Status.NEEDS_REVIEW]

    # The labels of these four are the form's choices, so they are translated; staff read them in English (the admin
    # and the staff email are English).
    class ContactMethod(models.TextChoices):
        PHONE = "phone", _("Phone call")
        TEXT = "text", _("Text message")
        EMAIL = "email", _("Email")

    class BestTime(models.TextChoices):
        ANY = "any", _("Any time")
        MORNING = "morning", _("Morning")
        AFTERNOON = "afternoon", _("Afternoon")
        EVENING = "evening", _("Evening")

    class InquiryFor(models.TextChoices):
        MYSELF = "myself", _("Myself")
        LOVED_ONE = "loved_one", _("A loved one")
        REFERRAL = "referral", _("A professional referral")

    class Program(models.TextChoices):
        IOP = "iop", _("Intensive Outpatient Program (IOP)")
        NOT_SURE = "not_sure", _("Not sure yet")

    # The language of the form the visitor sent (the page's address decides it): their preferred language unless they
    # chose another.
    # Staff read these labels, so they are English and not translated.
    class Language(models.TextChoices):
        ENGLISH = "en", "English"
        SPANISH = "es", "Spanish"

    # The language the visitor asked to be answered in. Staff read these labels in English; the form shows its own.
    class PreferredLanguage(models.TextChoices):
        ENGLISH = "en", "English"
        SPANISH = "es", "Spanish"
        OTHER = "other", "Another language"

    # What the visitor sent (read-only in the admin). Personal fields are encrypted at rest (contact/crypto.py).
    name = EncryptedCharField(max_length=100)
    email = EncryptedEmailField(blank=True)
    phone = EncryptedCharField(max_length=30, blank=True)
    preferred_contact = models.CharField(max_length=10, choices=ContactMethod.choices)
    voicemail_ok = models.BooleanField("voicemail OK", default=False)
    best_time = models.CharField(max_length=10, choices=BestTime.choices, default=BestTime.ANY)
    # The choice is plain, like the other choices, so that the inbox can filter by it; the language a visitor names
    # is free text, encrypted like their other words.
    preferred_language = models.CharField(max_length=5, choices=PreferredLanguage.choices, blank=True)
    other_language = EncryptedCharField("which language", max_length=50, blank=True)
    inquiry_for = models.CharField("inquiry is for", max_length=10, choices=InquiryFor.choices)
    program = models.CharField(max_length=10, choices=Program.choices, default=Program.IOP)
    # Only the wish: the insurance details themselves are asked for when staff reply.
    insurance_check = models.BooleanField("insurance check asked for", default=False)
    message = EncryptedTextField(blank=True, max_length=2000)
    consent = models.BooleanField(default=False)
    # The words shown beside "Text message" when the visitor chose it, in their language (contact/forms.py): their
    # consent to texts, as given. Encrypted like their number; empty when they chose another way.
    text_consent = EncryptedTextField("consent to text messages, as given", blank=True, max_length=1000)
    source_page = models.CharField(max_length=200, blank=True, help_text="The page on this site the visitor came from.")
    language = models.CharField(max_length=5, choices=Language.choices, default=Language.ENGLISH, editable=False)
    site_origin = models.CharField(
        max_length=200, blank=True, editable=False, help_text="Scheme and host the form was sent to (for admin links)."
    )
    created_at = models.DateTimeField("received", default=timezone.now, db_index=True)

    # What admissions staff do with it.
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.NEW, db_index=True)
    spam_reason = models.CharField(max_length=200, blank=True)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned_inquiries",
        limit_choices_to={"is_staff": True, "is_active": True},
    )
    # Stamped when the status first leaves "new" (staff may correct it): the reply time the promise is kept by.
    first_contact_at = models.DateTimeField("first contact", null=True, blank=True)
    # When the worker last escalated it for waiting past the response target with no first contact.
    escalated_at = models.DateTimeField("last escalated", null=True, blank=True, editable=False)

    # For a verification of benefits: entered by the visitor who asked for an insurance check, or by staff on
    # the phone. Encrypted like the other personal fields; never in an email, and in an export only the audited
    # insurance one.
    insurance_payer = EncryptedCharField("insurance company", max_length=100, blank=True)
    insurance_member_id = EncryptedCharField("member ID", max_length=50, blank=True)
    insurance_group_number = EncryptedCharField("group number", max_length=50, blank=True)
    insurance_policy_holder = EncryptedCharField("policy holder", max_length=100, blank=True)
    flagged_for_deletion_at = models.DateTimeField(
        null=True,
        blank=True,
        editable=False,
        help_text="When purge_inquiries found this open inquiry past the retention period; it deletes it on its "
        "first run after the grace period.",
    )

    # Keyed hashes of the normalised email and phone, so staff can find an inquiry by either exactly.
    email_hash = models.CharField(max_length=64, blank=True, editable=False, db_index=True)
    phone_hash = models.CharField(max_length=64, blank=True, editable=False, db_index=True)

    # The outbox: the staff email's delivery state.
    notify_attempts = models.PositiveIntegerField("notification attempts", default=0)
    notify_last_error = models.CharField("last notification error", max_length=300, blank=True)
    notify_next_attempt_at = models.DateTimeField("next notification attempt", null=True, blank=True)
    notify_claimed_until = models.DateTimeField(null=True, blank=True, editable=False)
    notified_at = models.DateTimeField("staff notified at", null=True, blank=True)

    objects = InquiryQuerySet.as_manager()

    class Meta:
        verbose_name_plural = "inquiries"
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["notified_at", "notify_next_attempt_at"], name="inquiry_outbox_idx")]

    def __str__(self):
        # Never the person's name: this string appears in admin messages, logs and the audit trail.
        return f"Inquiry #{self.pk}"

    def save(self, *args, **kwargs):
        self.refresh_lookup_hashes()
        if kwargs.get("update_fields") is not None and {"email", "phone"} & set(kwargs["update_fields"]):
            kwargs["update_fields"] = {*kwargs["update_fields"], "email_hash", "phone_hash"}
        super().save(*args, **kwargs)

    def refresh_lookup_hashes(self):
        """Recompute the email and phone search hashes (with the newest key); one that cannot be decrypted keeps its
        hash."""
        if not isinstance(self.email, Undecryptable):
            self.email_hash = lookup_hash(normalise_email(self.email))
        if not isinstance(self.phone, Undecryptable):
            self.phone_hash = lookup_hash(national_digits(self.phone))

    @property
    def deletion_due(self):
        """For an inquiry flagged as past retention: purge_inquiries deletes it on its first run after this."""
        if self.flagged_for_deletion_at is None:
            return None
        return self.flagged_for_deletion_at + RETENTION_GRACE

    @property
    def notification_state(self):
        """In words, for the admin list: delivered, waiting, retrying, or not sent."""
        if self.notified_at:
            return "Delivered"
        if self.notify_next_attempt_at is None:
            return "Not sent"
        if self.notify_attempts:
            return f"Retrying ({self.notify_attempts} failed)"
        return "Waiting"


class InquiryNote(BoundEncryptionModel):
    """One entry of an inquiry's notes, with who wrote it and when: a timeline, never an overwritten box."""

    inquiry = models.ForeignKey(Inquiry, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="inquiry_notes"
    )
    created_at = models.DateTimeField(default=timezone.now)
    text = EncryptedTextField()

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"Note on inquiry #{self.inquiry_id}"


class NotificationRecipient(models.Model):
    """An address that receives the "new inquiry" email, or the escalation of one left waiting. Managed in the admin."""

    class Receives(models.TextChoices):
        NEW_INQUIRIES = "new", "New inquiries"
        ESCALATIONS = "escalations", "Inquiries waiting past the reply time"

    email = models.EmailField()
    receives = models.CharField(max_length=12, choices=Receives.choices, default=Receives.NEW_INQUIRIES)
    active = models.BooleanField(default=True)
    note = models.CharField(max_length=100, blank=True, help_text="Whose address this is, for your reference.")

    class Meta:
        ordering = ["email"]
        constraints = [models.UniqueConstraint(fields=["email", "receives"], name="one_recipient_per_list")]

    def __str__(self):
        return self.email
