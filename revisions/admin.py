"""The history pages of a record's admin: who changed it and when, two versions compared, and restoring one."""

import reversion
from django import forms
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone

from . import history

MINOR_EDIT_FIELD = "minor_edit"


class HistoryAdmin:
    """Mixed into a ModelAdmin: every save through its form is a version naming the editor; its History page lists
    them, compares any two word by word, and restores one through ``restore_version``, which a model whose saves go
    through a service replaces with that service's."""

    # Offer "This is a minor edit" (translations of it are not told they fall behind).
    offers_minor_edit = False

    def restore_version(self, version, user):
        return history.restore(version, user=user, save=lambda record: record.save())

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        with reversion.create_revision():
            history.describe(user=request.user)
            return super().changeform_view(request, object_id, form_url, extra_context)

    def changelist_view(self, request, extra_context=None):
        # The list's actions (publish, unpublish) save records too: their versions name who ran them.
        with reversion.create_revision():
            history.describe(user=request.user)
            return super().changelist_view(request, extra_context)

    def get_form(self, request, obj=None, change=False, **kwargs):
        if not (self.offers_minor_edit and change):
            return super().get_form(request, obj, change=change, **kwargs)
        kwargs.setdefault("form", self.form)
        minor = forms.BooleanField(
            label="This is a minor edit",
            required=False,
            help_text="Tick only for a typo, punctuation or formatting: the translations are then not listed as "
            "behind this version.",
        )
        kwargs["form"] = type(kwargs["form"].__name__, (kwargs["form"],), {MINOR_EDIT_FIELD: minor})
        return super().get_form(request, obj, change=change, **kwargs)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if self.offers_minor_edit and obj is not None:
            fieldsets = [*fieldsets, ("This change", {"fields": [MINOR_EDIT_FIELD]})]
        return fieldsets

    def save_form(self, request, form, change):
        if form.cleaned_data.get(MINOR_EDIT_FIELD):
            history.describe(minor=True)
        return super().save_form(request, form, change)

    def log_addition(self, request, obj, message):
        entry = super().log_addition(request, obj, message)
        history.describe(comment="Created.")
        return entry

    def log_change(self, request, obj, message):
        entry = super().log_change(request, obj, message)
        history.describe(comment=entry.get_change_message() or "Saved without changes.")
        return entry

    def get_urls(self):
        prefix = f"{self.opts.app_label}_{self.opts.model_name}"
        view = self.admin_site.admin_view
        return [
            path("<path:object_id>/history/compare/", view(self.compare_view), name=f"{prefix}_compare"),
            path(
                "<path:object_id>/history/<int:version_id>/restore/",
                view(self.restore_view),
                name=f"{prefix}_restore",
            ),
            *super().get_urls(),
        ]

    def _record(self, request, object_id, *, change=False):
        record = self.get_object(request, unquote(object_id))
        if record is None:
            raise Http404("No such record.")
        allowed = self.has_change_permission(request, record) if change else self.has_view_permission(request, record)
        if not allowed:
            raise PermissionDenied
        return record

    def _context(self, request, record, title):
        return {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "object": record,
            "title": title,
            "has_change_permission": self.has_change_permission(request, record),
            "history_url": self._url("history", record),
            "change_url": self._url("change", record),
        }

    def _url(self, view, record, *args):
        return reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_{view}", args=[record.pk, *args])

    def history_view(self, request, object_id, extra_context=None):
        """Every version, newest first, with its editor and what they did; pick two to compare, or restore one."""
        record = self._record(request, object_id)
        versions = list(history.versions_of(record))
        rows = [
            {
                "version": version,
                "editor": history.editor_name(version.revision),
                "minor": hasattr(version.revision, "minor_edit"),
                "is_current": index == 0,
                "restore_url": self._url("restore", record, version.pk),
                "previous": versions[index + 1] if index + 1 < len(versions) else None,
            }
            for index, version in enumerate(versions)
        ]
        context = {
            **self._context(request, record, f"History of “{record}”"),
            "rows": rows,
            "compare_url": self._url("compare", record),
        }
        return TemplateResponse(request, "admin/revisions/history.html", context)

    def _version(self, record, version_id):
        return get_object_or_404(history.versions_of(record), pk=version_id)

    def compare_view(self, request, object_id):
        """Two versions side by side in one text: what the later one removed is struck through, what it added marked."""
        record = self._record(request, object_id)
        try:
            older, newer = (self._version(record, int(request.GET[name])) for name in ("from", "to"))
        except (KeyError, ValueError):
            messages.error(request, "Choose two versions to compare.")
            return redirect(self._url("history", record))
        if older.revision.date_created > newer.revision.date_created:
            older, newer = newer, older
        context = {
            **self._context(request, record, f"Changes to “{record}”"),
            "older": older,
            "newer": newer,
            "older_editor": history.editor_name(older.revision),
            "newer_editor": history.editor_name(newer.revision),
            "diff": history.diff_html(history.changes_between(older, newer)),
            "restore_url": self._url("restore", record, older.pk),
        }
        return TemplateResponse(request, "admin/revisions/compare.html", context)

    def restore_view(self, request, object_id, version_id):
        """Shows what restoring would change; on confirmation, restores the version as a new one."""
        record = self._record(request, object_id, change=True)
        version = self._version(record, version_id)
        if request.method == "POST":
            self.restore_version(version, request.user)
            messages.success(
                request,
                f"Restored the version of {timezone.localtime(version.revision.date_created):%b %-d, %Y %-I:%M %p}, "
                "as a new version. Whether it is public has not changed.",
            )
            return redirect(self._url("change", record))
        current = history.latest_version(record)
        context = {
            **self._context(request, record, f"Restore this version of “{record}”?"),
            "version": version,
            "editor": history.editor_name(version.revision),
            "diff": history.diff_html(history.changes_between(current, version)) if current else "",
        }
        return TemplateResponse(request, "admin/revisions/restore.html", context)
