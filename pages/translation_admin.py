"""The part of a translation's change form that says whether it still follows its original (translation_sync)."""

from django import forms
from django.contrib import admin
from django.utils import timezone
from django.utils.html import format_html

from . import translation_sync

UP_TO_DATE_FIELD = "brought_up_to_date"


class TranslationSyncAdmin:
    """Mixed into the admin of articles, pages and programs: on a translation, whether its original changed since
    it was translated (with a link to the changes), and a box to tick once the translation follows it again."""

    def _is_translation(self, obj):
        return obj is not None and obj.translation_of_id is not None

    def get_form(self, request, obj=None, change=False, **kwargs):
        if self._is_translation(obj):
            kwargs.setdefault("form", self.form)
            field = forms.BooleanField(
                label="This translation now follows the original's current version",
                required=False,
                help_text="Tick once the translation says what its original now says: it is then no longer listed "
                "as behind its original.",
            )
            kwargs["form"] = type(kwargs["form"].__name__, (kwargs["form"],), {UP_TO_DATE_FIELD: field})
        return super().get_form(request, obj, change=change, **kwargs)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if self._is_translation(obj):
            fieldsets = [*fieldsets, ("Following the original", {"fields": ["original_changes", UP_TO_DATE_FIELD]})]
        return fieldsets

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), "original_changes"]

    def save_form(self, request, form, change):
        item = super().save_form(request, form, change)
        if form.cleaned_data.get(UP_TO_DATE_FIELD):
            translation_sync.bring_up_to_date(item)
        return item

    @admin.display(description="The original since this translation")
    def original_changes(self, item):
        if not self._is_translation(item):
            return "-"
        state = translation_sync.behind(item)
        if state is None:
            return "Up to date: the original's text has not changed since this translation was made from it."
        return format_html(
            "<strong>Behind its original</strong>: “{}” changed on {} since the version of {} this translation "
            'was made from. <a href="{}">See what changed</a>.',
            item.translation_of.title,
            f"{timezone.localtime(state.latest.revision.date_created):%b %-d, %Y}",
            f"{timezone.localtime(state.since.revision.date_created):%b %-d, %Y}",
            translation_sync.changes_url(state),
        )
