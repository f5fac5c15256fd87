"""The admin where admissions staff work inquiries; every look at an inquiry is signalled (contact/signals.py), and
the staff app's audit trail records it."""

import csv

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.admin.views.main import ERROR_FLAG, PAGE_VAR, SEARCH_VAR
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import HttpResponse, HttpResponseRedirect
from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.text import Truncator
from django.views.decorators.debug import sensitive_post_parameters

from restoration.phone import national_digits, tel_href

from . import signals
from .crypto import Undecryptable, undecryptable_fields
from .models import Inquiry, InquiryNote, NotificationRecipient, inquiry_numbers
from .notifications import ADMISSIONS_GROUP
from .services import inquiries_set_status, inquiry_take, notification_recipient_add

# Who wrote and how to reach them: what the change page leads with (templates/admin/contact/inquiry/change_form.html),
# so that on a phone a coordinator can call, text or email without scrolling.
LEAD_FIELDS = {"name", "email", "phone", "message"}
# The rest of what the visitor sent, as the change page lists it below: the language they prefer in words, and
# beside "Text message" the consent to texts they gave with it.
SHOWN_AS = {
    "preferred_language": ["reply_language"],
    "other_language": [],
    "preferred_contact": ["preferred_contact", "text_consent"],
}
SUBMITTED_FIELDS = [
    "created_at",
    *(shown for f in Inquiry.SUBMITTED_FIELDS if f not in LEAD_FIELDS for shown in SHOWN_AS.get(f, [f])),
]
INSURANCE_FIELDS = ["insurance_payer", "insurance_member_id", "insurance_group_number", "insurance_policy_holder"]
OUTBOX_FIELDS = ["staff_email", "notify_attempts", "notify_last_error", "notify_next_attempt_at", "notified_at"]
CSV_COLUMNS = [
    ("Number", lambda i: i.pk),
    ("Received", lambda i: timezone.localtime(i.created_at).strftime("%Y-%m-%d %H:%M")),
    ("Status", lambda i: i.get_status_display()),
    ("Name", lambda i: i.name),
    ("Email", lambda i: i.email),
    ("Phone", lambda i: i.phone),
    ("Preferred contact", lambda i: i.get_preferred_contact_display()),
    ("Voicemail OK", lambda i: "yes" if i.voicemail_ok else "no"),
    ("Best time", lambda i: i.get_best_time_display()),
    ("Preferred language", lambda i: reply_language(i)),
    ("Inquiry is for", lambda i: i.get_inquiry_for_display()),
    ("Program", lambda i: i.get_program_display()),
    ("Insurance check asked for", lambda i: "yes" if i.insurance_check else "no"),
    ("Message", lambda i: i.message),
    ("Source page", lambda i: i.source_page),
    ("Assigned to", lambda i: i.assigned_to.get_username() if i.assigned_to else ""),
    ("Staff notified at", lambda i: timezone.localtime(i.notified_at).isoformat() if i.notified_at else ""),
]
# The insurance export, for a verification of benefits: who the person is and their plan, nothing else.
INSURANCE_CSV_COLUMNS = [
    *[column for column in CSV_COLUMNS if column[0] in {"Number", "Received", "Name", "Phone", "Email"}],
    ("Insurance company", lambda i: i.insurance_payer),
    ("Member ID", lambda i: i.insurance_member_id),
    ("Group number", lambda i: i.insurance_group_number),
    ("Policy holder", lambda i: i.insurance_policy_holder),
]
# What the search box sends besides the list's own query string.
SEARCH_FORM_ONLY = {"csrfmiddlewaretoken", SEARCH_VAR, PAGE_VAR, ERROR_FLAG}
# A spreadsheet runs a cell that starts with one of these as a formula.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def reply_language(inquiry):
    """The language to answer in, in words: "Spanish", or "Another language: Tagalog" as the visitor wrote it."""
    if inquiry.preferred_language == Inquiry.PreferredLanguage.OTHER:
        return f"{inquiry.get_preferred_language_display()}: {inquiry.other_language}"
    return inquiry.get_preferred_language_display() or inquiry.get_language_display()


def csv_safe(value):
    """The cell as text, with a leading quote if a spreadsheet would otherwise treat it as a formula."""
    text = str(value)
    return "'" + text if text.startswith(FORMULA_TRIGGERS) else text


def inquiries_csv(rows, columns, name):
    """A UTF-8 CSV download (with a byte-order mark, so Excel reads accents right) of these rows of cells."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    response["Content-Disposition"] = f'attachment; filename="{name}-{stamp}.csv"'
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow([title for title, _ in columns])
    writer.writerows([csv_safe(cell) for cell in row] for row in rows)
    return response


def undecryptable_cells(inquiries, rows, columns):
    """Where the cells of an export read "[could not be decrypted]", for the audit trail: "#2 Message"."""
    titles = [title for title, _ in columns]
    return [
        f"#{inquiry.pk} {title}"
        for inquiry, row in zip(inquiries, rows, strict=True)
        for title, cell in zip(titles, row, strict=True)
        if isinstance(cell, Undecryptable)
    ]


class InquirySearchForm(forms.Form):
    q = forms.CharField(required=False, max_length=254)  # no email address is longer


def _set_status(modeladmin, request, queryset, status):
    updated = inquiries_set_status(queryset, status, user=request.user)
    label = Inquiry.Status(status).label.lower()
    modeladmin.message_user(request, f"Marked {updated} inquir{'y' if updated == 1 else 'ies'} as {label}.")


class InquiryChangeForm(forms.ModelForm):
    """The change page's form: the follow-up fields, the insurance details, and a new entry for the notes."""

    new_note = forms.CharField(
        label="Add a note",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Saved with your name and the time, below the notes before it; notes are never overwritten.",
    )

    class Meta:
        model = Inquiry
        fields = ["status", "assigned_to", "first_contact_at", *INSURANCE_FIELDS]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "assigned_to" in self.fields:
            # The people who answer inquiries, by name, and whoever has this one now even if they are not one of them
            # (a superuser who took it): a choice missing from the list would unassign it on the next save.
            assignee = self.fields["assigned_to"]
            members = Q(is_active=True, is_staff=True, groups__name=ADMISSIONS_GROUP)
            assignee.queryset = (
                get_user_model()
                .objects.filter(members | Q(pk=self.instance.assigned_to_id))
                .distinct()
                .order_by("first_name", "last_name", "username")
            )
            assignee.label_from_instance = staff_name
            assignee.empty_label = "Nobody yet"

    def clean_first_contact_at(self):
        first_contact = self.cleaned_data["first_contact_at"]
        if first_contact is None:
            return None
        if first_contact > timezone.now():
            raise ValidationError("First contact can’t be in the future: enter when you reached them.")
        if first_contact < self.instance.created_at:
            received = formats.date_format(timezone.localtime(self.instance.created_at), "DATETIME_FORMAT")
            raise ValidationError(f"First contact can’t be before the inquiry arrived ({received}).")
        return first_contact

    def clean_new_note(self):
        return self.cleaned_data["new_note"].strip()


def staff_name(user):
    """How coordinators know each other: the full name, or the username of an account without one."""
    return user.get_full_name() or user.get_username()


def change_summary(form):
    """What a save changed, for the audit trail and the History page: field names, the status before and after,
    never a value a person typed (the notes and insurance details stay on the inquiry)."""
    parts = []
    if getattr(form, "first_contact_stamped", False):
        parts.append("first contact stamped")
    for name in form.changed_data:
        if name == "status":
            before = Inquiry.Status(form.initial["status"]).label
            parts.append(f"status {before} → {form.instance.get_status_display()}")
        elif name == "new_note":
            parts.append("note added")
        else:
            parts.append(str(form.fields[name].label or name).lower())
    return ", ".join(parts)


class InboxStatusFilter(admin.ChoicesFieldListFilter):
    """The status filter, opening on the open inquiries (closed and spam hidden until chosen), the work to do.

    A search looks through every status, so that an inquiry can always be found by its number, email or phone (a
    false positive, or a request to delete someone's details).
    """

    def queryset(self, request, queryset):
        if not self.used_parameters and not request.GET.get(SEARCH_VAR):
            return queryset.open()
        return super().queryset(request, queryset)

    def choices(self, changelist):
        everything, *statuses = super().choices(changelist)
        yield {**everything, "display": "Open (new to scheduled)"}
        yield from statuses


class AssignedToMeFilter(admin.SimpleListFilter):
    """The inquiries this staff member has taken on, or those nobody has yet."""

    title = "assigned to"
    parameter_name = "assigned"

    def lookups(self, request, model_admin):
        return [("me", "Me"), ("nobody", "Nobody yet")]

    def queryset(self, request, queryset):
        if self.value() == "me":
            return queryset.filter(assigned_to=request.user)
        if self.value() == "nobody":
            return queryset.filter(assigned_to=None)
        return queryset


class OverdueFilter(admin.SimpleListFilter):
    """The inquiries past the reply time the contact page promises, with no first contact yet."""

    title = "reply time"
    parameter_name = "reply"

    def lookups(self, request, model_admin):
        return [("overdue", "Overdue")]

    def queryset(self, request, queryset):
        return queryset.overdue() if self.value() == "overdue" else queryset


class LanguageFilter(admin.SimpleListFilter):
    """The inquiries by the language the visitor asked to be answered in, so that someone who speaks it, or an
    interpreter, calls back."""

    title = "language"
    parameter_name = "language"

    def lookups(self, request, model_admin):
        return [("en", "Prefers English"), ("es", "Prefers Spanish"), ("other", "Prefers another language")]

    def queryset(self, request, queryset):
        if self.value() in Inquiry.PreferredLanguage.values:
            return queryset.filter(preferred_language=self.value())
        return queryset


def _age(moment, now):
    """How long ago, in the largest whole unit: "just now", "25 min ago", "3 h ago", "2 days ago"."""
    minutes = int((now - moment).total_seconds() // 60)
    if minutes < 1:
        return "just now"
    if minutes < 60:
        return f"{minutes} min ago"
    if minutes < 48 * 60:
        return f"{minutes // 60} h ago"
    return f"{minutes // (24 * 60)} days ago"


@admin.register(Inquiry)
class InquiryAdmin(admin.ModelAdmin):
    list_display = [
        "number", "received", "name", "inquiry_for", "preferred_contact", "best_time", "voicemail", "reply_language",
        "assignee", "status_and_deletion",
    ]  # fmt: skip
    list_display_links = ["number"]
    list_filter = [
        ("status", InboxStatusFilter), AssignedToMeFilter, OverdueFilter, LanguageFilter, "program", "insurance_check",
        "created_at",
    ]  # fmt: skip
    # Names and messages are encrypted, so they cannot be searched; the box (templates/admin/contact/inquiry/
    # search_form.html, shown only when search_fields is set) posts to search_view.
    search_fields = ["email_hash", "phone_hash"]
    search_help_text = "Search by inquiry number (#42), or a full email address or phone number."
    list_per_page = 50
    list_select_related = ["assigned_to"]
    form = InquiryChangeForm
    readonly_fields = [*SUBMITTED_FIELDS, "spam_reason", *OUTBOX_FIELDS, "timeline"]
    fieldsets = [
        ("Follow-up", {"fields": ["status", "assigned_to", "first_contact_at"]}),
        ("Notes", {"fields": ["timeline", "new_note"]}),
        ("What they sent (read-only)", {"fields": SUBMITTED_FIELDS}),
        (
            "Insurance details, for a verification of benefits",
            {
                "fields": INSURANCE_FIELDS,
                "description": "From the visitor who asked for an insurance check, or taken down on the phone. "
                "Kept encrypted; never sent by email, and exported only by the audited insurance export.",
            },
        ),
        ("Staff email and spam checks", {"fields": [*OUTBOX_FIELDS, "spam_reason"], "classes": ["collapse"]}),
    ]
    actions = ["mark_contacted", "mark_scheduled", "mark_closed", "mark_spam", "export_csv", "export_insurance_csv"]

    class Media:
        css = {"all": ["css/staff.css"]}  # the inbox's columns, readable beside the sidebar and on a phone

    @admin.display(description="Number", ordering="pk")
    def number(self, inquiry):
        return f"#{inquiry.pk}"

    @admin.display(description="Received", ordering="created_at")
    def received(self, inquiry):
        """The date, how long ago, and a marker (a word, not a colour) once the reply time has passed."""
        overdue = format_html('<strong class="inbox-overdue">{}</strong>', "Overdue") if inquiry.is_overdue else ""
        when = formats.date_format(timezone.localtime(inquiry.created_at), "M j, P")
        age = _age(inquiry.created_at, timezone.now())
        return format_html('{} <span class="inbox-age">{}</span> {}', when, age, overdue)

    @admin.display(description="Voicemail OK", ordering="voicemail_ok")
    def voicemail(self, inquiry):
        return "Yes" if inquiry.voicemail_ok else "No"  # words, not the admin's icons, read right in a narrow row

    @admin.display(description="Language", ordering="preferred_language")
    def reply_language(self, inquiry):
        return reply_language(inquiry)

    @admin.display(description="Assigned to", ordering="assigned_to__username")
    def assignee(self, inquiry):
        return staff_name(inquiry.assigned_to) if inquiry.assigned_to else "Nobody yet"

    @admin.display(description="Status", ordering="status")
    def status_and_deletion(self, inquiry):
        # Why one is to be reviewed, and for an open inquiry past the retention period, flagged by purge_inquiries,
        # how long staff have.
        status = format_html("{}", inquiry.get_status_display())
        if inquiry.status == Inquiry.Status.NEEDS_REVIEW and inquiry.spam_reason:
            status += format_html(' <span class="inbox-reason">Why: {}</span>', inquiry.spam_reason)
        if due := inquiry.deletion_due:
            date = formats.date_format(timezone.localdate(due))
            deletion = ' <span class="inbox-deletion">Will be deleted on the next purge after {}</span>'
            status += format_html(deletion, date)
        return status

    @admin.display(description="Staff email")
    def staff_email(self, inquiry):
        return inquiry.notification_state

    @admin.display(description="Email")
    def email_link(self, inquiry):
        if not inquiry.email or isinstance(inquiry.email, Undecryptable):
            return inquiry.email or "-"
        return format_html('<a href="mailto:{}">Email {}</a>', inquiry.email, inquiry.email)

    @admin.display(description="Phone")
    def phone_links(self, inquiry):
        """Tap to call, and to text when that is how they asked to be reached."""
        if not national_digits(inquiry.phone):
            return inquiry.phone or "-"
        call = format_html('<a href="{}">Call {}</a>', tel_href(inquiry.phone), inquiry.phone)
        if inquiry.preferred_contact != Inquiry.ContactMethod.TEXT:
            return call
        sms = tel_href(inquiry.phone).replace("tel:", "sms:", 1)
        return format_html('{} · <a href="{}">Text {}</a>', call, sms, inquiry.phone)

    @admin.display(description="Notes so far")
    def timeline(self, inquiry):
        notes = inquiry.notes.select_related("author") if inquiry.pk else InquiryNote.objects.none()
        return render_to_string("admin/contact/inquiry/notes_timeline.html", {"notes": notes})

    def get_changelist_instance(self, request):
        changelist = super().get_changelist_instance(request)
        for spec in changelist.filter_specs:
            spec.template = "admin/contact/inquiry/filter.html"  # closed, on one line above the list
        return changelist

    def get_queryset(self, request):
        # The Received column's overdue marker, worked out in the list's own query rather than once per row.
        return super().get_queryset(request).with_overdue_flag()

    def get_readonly_fields(self, request, obj=None):
        # A value that cannot be decrypted is shown as such, never offered for editing: a save keeps what is stored.
        broken = undecryptable_fields(obj) if obj else []
        return [*self.readonly_fields, *[name for name in INSURANCE_FIELDS if name in broken]]

    def has_add_permission(self, request):
        return False  # inquiries come only from the website form

    def has_delete_permission(self, request, obj=None):
        # Deleting is for retention (purge_inquiries) or a superuser answering a deletion request.
        return request.user.is_superuser

    def get_urls(self):
        search = self.admin_site.admin_view(sensitive_post_parameters(SEARCH_VAR)(self.search_view))
        take = self.admin_site.admin_view(self.take_view)
        return [
            path("search/", search, name="contact_inquiry_search"),
            path("<path:object_id>/take/", take, name="contact_inquiry_take"),
            *super().get_urls(),
        ]

    def take_view(self, request, object_id):
        """ "I'm taking this": the inquiry is assigned to whoever pressed the button, in one click."""
        inquiry = self.get_object(request, unquote(object_id))
        if inquiry is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not self.has_change_permission(request, inquiry):
            raise PermissionDenied
        change_page = reverse("admin:contact_inquiry_change", args=[inquiry.pk], current_app=self.admin_site.name)
        if request.method != "POST":
            return HttpResponseRedirect(change_page)  # the button posts; a followed link just shows the inquiry
        # The assignee the button was shown beside: the take succeeds only while it still is.
        seen = request.POST.get("assigned_to", "")
        if not (seen == "" or seen.isdigit()):
            self.message_user(request, "That button was out of date; here is the inquiry as it is now.", messages.ERROR)
        elif inquiry_take(inquiry, user=request.user, seen_assignee_id=int(seen) if seen else None):
            self.log_change(request, inquiry, f"Taken by {request.user.get_username()}.")
            self.message_user(request, f"{inquiry} is yours now.", messages.SUCCESS)
        else:
            inquiry.refresh_from_db()
            taker = inquiry.assigned_to.get_username() if inquiry.assigned_to else "no one"
            self.message_user(
                request,
                f"{inquiry} was not taken: it is now assigned to {taker}, who changed it first.",
                messages.WARNING,
            )
        return HttpResponseRedirect(change_page)

    def search_view(self, request):
        """The search box posts here, so an email address or phone number searched for never enters a page
        address, which proxies log and browsers keep; the answer is the list of the inquiries found, by number."""
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        # The box carries the list's filters and ordering, as the admin's own does; a new search starts on page 1.
        query = {key: value for key, value in request.POST.items() if key not in SEARCH_FORM_ONLY}
        form = InquirySearchForm(request.POST)
        if not form.is_valid():
            self.message_user(request, "That is too long to be an email address or phone number.", messages.ERROR)
        elif term := form.cleaned_data["q"]:
            found = self.get_queryset(request).matching(term).values_list("pk", flat=True)
            if found:
                query[SEARCH_VAR] = " ".join(f"#{pk}" for pk in found)
            else:
                message = "No inquiry has that number, or that full email address or phone number."
                self.message_user(request, message, messages.WARNING)
        changelist = reverse("admin:contact_inquiry_changelist", current_app=self.admin_site.name)
        return HttpResponseRedirect(f"{changelist}?{urlencode(query)}" if query else changelist)

    def get_search_results(self, request, queryset, search_term):
        """Inquiry numbers ("#3 #7"), which is what search_view answers with. An email address or phone number
        in the page address is not searched, so that no one takes to sending them that way."""
        term = search_term.strip()
        if not term:
            return queryset, False
        numbers = inquiry_numbers(term)
        if numbers is None:
            message = (
                "Type an email address or phone number into the search box, not into the page address: "
                "page addresses are kept in browser history and server logs."
            )
            self.message_user(request, message, messages.WARNING)
            return queryset.none(), False
        return queryset.filter(pk__in=numbers), False

    def changelist_view(self, request, extra_context=None):
        if request.method == "GET":
            self._warn_of_flagged_inquiries(request)
        # The page is the inbox, not "Select inquiry to change": nothing here is chosen to be changed.
        extra_context = {"title": "Inquiries", **(extra_context or {})}
        response = super().changelist_view(request, extra_context)
        changelist = getattr(response, "context_data", {}).get("cl")
        if changelist is not None:
            # The search words may be a person's name: the trail notes that a search happened, not its text.
            searched = " (search)" if changelist.query else ""
            signals.inquiries_listed.send(
                Inquiry,
                user=request.user,
                inquiry_ids=[inquiry.pk for inquiry in changelist.result_list],
                detail=f"page {changelist.page_num}{searched}",
            )
        return response

    def _warn_of_flagged_inquiries(self, request):
        """Above the list, where no column can scroll out of sight: open inquiries that retention will delete."""
        flagged = Inquiry.objects.open().exclude(flagged_for_deletion_at=None)
        first = flagged.order_by("flagged_for_deletion_at").first()
        if first is None:
            return
        count = flagged.count()
        which = "1 open inquiry is" if count == 1 else f"{count} open inquiries are"
        self.message_user(
            request,
            f"{which} past the retention period and will be deleted by the first purge after "
            f"{formats.date_format(timezone.localdate(first.deletion_due))}; the Status column shows each date.",
            messages.WARNING,
        )

    def change_view(self, request, object_id, form_url="", extra_context=None):
        inquiry = self.get_object(request, unquote(object_id))
        extra_context = {
            **(extra_context or {}),
            "taken_by_me": inquiry is not None and inquiry.assigned_to_id == request.user.pk,
            "can_take": inquiry is not None and self.has_change_permission(request, inquiry),
            "lead": self._lead(inquiry) if inquiry is not None else None,
        }
        response = super().change_view(request, object_id, form_url, extra_context)
        # 200 means the inquiry was shown (a GET, or a save that failed and shows it again); saves are
        # recorded in save_model.
        if response.status_code == 200:
            signals.inquiries_viewed.send(Inquiry, user=request.user, inquiry_ids=[int(object_id)], detail="")
        return response

    def _lead(self, inquiry):
        """What the inquiry's page leads with: why it needs review, who wrote, how to reach them, and what they said."""
        return {
            "review_reason": inquiry.spam_reason if inquiry.status == Inquiry.Status.NEEDS_REVIEW else "",
            "name": inquiry.name,
            "phone": self.phone_links(inquiry) if inquiry.phone else "",
            "email": self.email_link(inquiry) if inquiry.email else "",
            "how": f"{inquiry.get_preferred_contact_display()}, {inquiry.get_best_time_display().lower()}",
            "language": reply_language(inquiry),
            "message": inquiry.message,
        }

    def save_model(self, request, obj, form, change):
        # The first change to a status that means staff replied is the first contact, unless they entered its time.
        if "status" in form.changed_data and obj.status in Inquiry.REPLIED_STATUSES and obj.first_contact_at is None:
            obj.first_contact_at = timezone.now()
            form.first_contact_stamped = True
        super().save_model(request, obj, form, change)
        if note := form.cleaned_data.get("new_note"):
            obj.notes.create(author=request.user, text=note)
        signals.inquiries_changed.send(Inquiry, user=request.user, inquiry_ids=[obj.pk], detail=change_summary(form))

    def construct_change_message(self, request, form, formsets, add=False):
        summary = change_summary(form)
        return f"Changed {summary}." if summary else "No fields changed."

    @admin.action(permissions=["change"], description="Mark selected inquiries as contacted")
    def mark_contacted(self, request, queryset):
        _set_status(self, request, queryset, Inquiry.Status.CONTACTED)

    @admin.action(permissions=["change"], description="Mark selected inquiries as scheduled")
    def mark_scheduled(self, request, queryset):
        _set_status(self, request, queryset, Inquiry.Status.SCHEDULED)

    @admin.action(permissions=["change"], description="Mark selected inquiries as closed")
    def mark_closed(self, request, queryset):
        _set_status(self, request, queryset, Inquiry.Status.CLOSED)

    @admin.action(permissions=["change"], description="Mark selected inquiries as spam")
    def mark_spam(self, request, queryset):
        _set_status(self, request, queryset, Inquiry.Status.SPAM)

    @admin.action(permissions=["view"], description="Export selected inquiries to CSV (no insurance details)")
    def export_csv(self, request, queryset):
        return self._export(request, queryset, detail="", columns=CSV_COLUMNS, name="inquiries")

    @admin.action(permissions=["view"], description="Export insurance details of selected inquiries (audited)")
    def export_insurance_csv(self, request, queryset):
        """The one export that holds member IDs: for the verification of benefits, recorded as such in the trail."""
        return self._export(
            request, queryset, detail="insurance details", columns=INSURANCE_CSV_COLUMNS, name="insurance"
        )

    def _export(self, request, queryset, detail, columns, name):
        inquiries = list(queryset.select_related("assigned_to").order_by("pk"))
        ids = [i.pk for i in inquiries]
        rows = [[value(inquiry) for _, value in columns] for inquiry in inquiries]
        if broken := undecryptable_cells(inquiries, rows, columns):
            detail = "; ".join(filter(None, [detail, f"could not be decrypted: {', '.join(broken)}"]))
        signals.inquiries_exported.send(
            Inquiry, user=request.user, inquiry_ids=ids, detail=Truncator(detail).chars(200)
        )
        if not inquiries:
            self.message_user(request, "There were no inquiries to export.", messages.WARNING)
            return None
        return inquiries_csv(rows, columns, name)


@admin.register(NotificationRecipient)
class NotificationRecipientAdmin(admin.ModelAdmin):
    list_display = ["email", "receives", "active", "note"]
    list_filter = ["receives", "active"]

    def get_urls(self):
        add_me = self.admin_site.admin_view(self.add_me_view)
        return [path("add-me/", add_me, name="contact_notificationrecipient_add_me"), *super().get_urls()]

    def add_me_view(self, request):
        """The admin home's offer, while no one is told about new inquiries, to the staff member who signs in first
        (usually the one `createsuperuser` made): send them to my own address. A POST; anything else goes home."""
        home = HttpResponseRedirect(reverse("admin:index", current_app=self.admin_site.name))
        if request.method != "POST":
            return home
        if not self.has_add_permission(request):
            raise PermissionDenied
        email = request.user.email
        if not email:
            self.message_user(request, "Your account has no email address: add one first.", messages.ERROR)
            return home
        recipient, change = notification_recipient_add(email, note=f"Added by {request.user.get_username()}")
        if change != "unchanged":
            self.log_addition(request, recipient, [{"added": {}}] if change == "added" else "Switched back on.")
        self.message_user(request, f"New inquiries are now emailed to {email}.", messages.SUCCESS)
        return home
