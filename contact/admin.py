"""The admin where admissions staff work inquiries; every look at an inquiry is signalled (contact/signals.py), and
the staff app's audit trail records it."""

import csv

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.views.main import ERROR_FLAG, PAGE_VAR, SEARCH_VAR
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, HttpResponseRedirect
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.http import urlencode
from django.views.decorators.debug import sensitive_post_parameters

from . import signals
from .models import Inquiry, NotificationRecipient, inquiry_numbers

SUBMITTED_FIELDS = ["created_at", *Inquiry.SUBMITTED_FIELDS]
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
    ("Inquiry is for", lambda i: i.get_inquiry_for_display()),
    ("Program", lambda i: i.get_program_display()),
    ("Insurance check asked for", lambda i: "yes" if i.insurance_check else "no"),
    ("Message", lambda i: i.message),
    ("Source page", lambda i: i.source_page),
    ("Assigned to", lambda i: i.assigned_to.get_username() if i.assigned_to else ""),
    ("Staff notified at", lambda i: timezone.localtime(i.notified_at).isoformat() if i.notified_at else ""),
]
# What the search box sends besides the list's own query string.
SEARCH_FORM_ONLY = {"csrfmiddlewaretoken", SEARCH_VAR, PAGE_VAR, ERROR_FLAG}
# A spreadsheet runs a cell that starts with one of these as a formula.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value):
    """The cell as text, with a leading quote if a spreadsheet would otherwise treat it as a formula."""
    text = str(value)
    return "'" + text if text.startswith(FORMULA_TRIGGERS) else text


def inquiries_csv(inquiries):
    """A UTF-8 CSV download (with a byte-order mark, so Excel reads accents right) of these inquiries."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    response["Content-Disposition"] = f'attachment; filename="inquiries-{stamp}.csv"'
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow([title for title, _ in CSV_COLUMNS])
    for inquiry in inquiries:
        writer.writerow([csv_safe(value(inquiry)) for _, value in CSV_COLUMNS])
    return response


class InquirySearchForm(forms.Form):
    q = forms.CharField(required=False, max_length=254)  # no email address is longer


def _set_status(modeladmin, request, queryset, status):
    ids = list(queryset.values_list("pk", flat=True))
    updated = Inquiry.objects.filter(pk__in=ids).update(status=status)
    signals.inquiries_changed.send(Inquiry, user=request.user, inquiry_ids=ids, detail=f"status → {status}")
    label = Inquiry.Status(status).label.lower()
    modeladmin.message_user(request, f"Marked {updated} inquir{'y' if updated == 1 else 'ies'} as {label}.")


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
        "number", "received", "name", "inquiry_for", "preferred_contact", "best_time", "voicemail", "assignee",
        "status_and_deletion",
    ]  # fmt: skip
    list_display_links = ["number"]
    list_filter = [
        ("status", InboxStatusFilter), AssignedToMeFilter, OverdueFilter, "program", "insurance_check", "created_at",
    ]  # fmt: skip
    # Names and messages are encrypted, so they cannot be searched; the box (templates/admin/contact/inquiry/
    # search_form.html, shown only when search_fields is set) posts to search_view.
    search_fields = ["email_hash", "phone_hash"]
    search_help_text = "Search by inquiry number (#42), or a full email address or phone number."
    list_per_page = 50
    list_select_related = ["assigned_to"]
    readonly_fields = [*SUBMITTED_FIELDS, "spam_reason", *OUTBOX_FIELDS]
    fieldsets = [
        ("Follow-up", {"fields": ["status", "assigned_to", "first_contact_at"]}),
        ("What they sent (read-only)", {"fields": SUBMITTED_FIELDS}),
        ("Staff email and spam checks", {"fields": [*OUTBOX_FIELDS, "spam_reason"], "classes": ["collapse"]}),
    ]
    actions = ["mark_contacted", "mark_scheduled", "mark_closed", "mark_spam", "export_csv"]

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

    @admin.display(description="Assigned to", ordering="assigned_to__username")
    def assignee(self, inquiry):
        return inquiry.assigned_to.get_username() if inquiry.assigned_to else "Nobody yet"

    @admin.display(description="Status", ordering="status")
    def status_and_deletion(self, inquiry):
        # An open inquiry past the retention period, flagged by purge_inquiries: staff see how long they have.
        due = inquiry.deletion_due
        if not due:
            return inquiry.get_status_display()
        date = formats.date_format(timezone.localdate(due))
        deletion = ' <span class="inbox-deletion">Will be deleted on the next purge after {}</span>'
        return format_html("{}" + deletion, inquiry.get_status_display(), date)

    @admin.display(description="Staff email")
    def staff_email(self, inquiry):
        return inquiry.notification_state

    def get_queryset(self, request):
        # The Received column's overdue marker, worked out in the list's own query rather than once per row.
        return super().get_queryset(request).with_overdue_flag()

    def has_add_permission(self, request):
        return False  # inquiries come only from the website form

    def has_delete_permission(self, request, obj=None):
        # Deleting is for retention (purge_inquiries) or a superuser answering a deletion request.
        return request.user.is_superuser

    def get_urls(self):
        search = self.admin_site.admin_view(sensitive_post_parameters(SEARCH_VAR)(self.search_view))
        return [path("search/", search, name="contact_inquiry_search"), *super().get_urls()]

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
        response = super().change_view(request, object_id, form_url, extra_context)
        # 200 means the inquiry was shown (a GET, or a save that failed and shows it again); saves are
        # recorded in save_model.
        if response.status_code == 200:
            signals.inquiries_viewed.send(Inquiry, user=request.user, inquiry_ids=[int(object_id)], detail="")
        return response

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        changed = ", ".join(form.changed_data)
        signals.inquiries_changed.send(Inquiry, user=request.user, inquiry_ids=[obj.pk], detail=changed)

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
        # Staff already know about these, so an email not yet sent is no longer owed.
        queryset.filter(notified_at__isnull=True).update(notify_next_attempt_at=None)
        _set_status(self, request, queryset, Inquiry.Status.SPAM)

    @admin.action(permissions=["view"], description="Export selected inquiries to CSV")
    def export_csv(self, request, queryset):
        inquiries = list(queryset.select_related("assigned_to").order_by("pk"))
        signals.inquiries_exported.send(Inquiry, user=request.user, inquiry_ids=[i.pk for i in inquiries], detail="")
        if not inquiries:
            self.message_user(request, "There were no inquiries to export.", messages.WARNING)
            return None
        return inquiries_csv(inquiries)


@admin.register(NotificationRecipient)
class NotificationRecipientAdmin(admin.ModelAdmin):
    list_display = ["email", "active", "note"]
    list_filter = ["active"]
