"""Admin for content editors: articles, people, pages, programs and topics."""

from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import flatten
from django.contrib.admin.widgets import AdminFileWidget
from django.contrib.redirects.models import Redirect
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db.models import Count, F
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from center.admin import IN_ENGLISH_UNTIL, LabelledByLanguage, side_by_side
from center.forms import LabelledRowsFormSet, WeeklyHoursForm
from center.translation import language_name
from revisions.admin import HistoryAdmin

from . import images, kept_uploads, redirects, services
from .editorial_checks import editorial_warnings
from .models import Article, ContentPage, Person, Program, ProgramSession, Topic
from .translation_admin import TranslationSyncAdmin
from .views import article_with_people, render_article


class LabelledFileInput(AdminFileWidget):
    """A file input with a label of its own: Django's, inside a fieldset, leaves an empty one unlabelled (axe)."""

    use_fieldset = False


class ArticleAdminForm(forms.ModelForm):
    class Meta:
        model = Article
        # A few topics, each a labelled checkbox: Django's two-list widget gives its filter icons a prohibited label.
        widgets = {"topics": forms.CheckboxSelectMultiple, "hero_image": LabelledFileInput}
        fields = [
            "title", "slug", "summary", "body", "topics", "language", "translation_of", "status", "published_at",
            "hero_image", "hero_image_alt", "author", "reviewer", "last_reviewed_at", "review_interval_months",
            "citations", "seo_title", "noindex",
        ]  # fmt: skip

    # A hero image that passed its checks on a submit that failed for another reason (see pages/kept_uploads.py).
    kept_hero_image = forms.CharField(widget=forms.HiddenInput, required=False)
    # Shown, as a checkbox, only when a save would publish health information no qualified person has checked.
    publish_without_medical_review = forms.BooleanField(
        label="Publish without a medical review", required=False, widget=forms.HiddenInput
    )

    def clean(self):
        """Publishing without a credentialed medical reviewer asks the editor to confirm, naming what is missing."""
        cleaned_data = super().clean()
        publishing = cleaned_data.get("status") == Article.Status.PUBLISHED
        missing = missing_medical_review(cleaned_data.get("reviewer"))
        if publishing and missing and not cleaned_data.get("publish_without_medical_review"):
            self.fields["publish_without_medical_review"].widget = forms.CheckboxInput()
            self.add_error(
                "publish_without_medical_review",
                f"This health article would be published without {missing}. Choose a credentialed reviewer under "
                "“Author and medical review”, or tick “Publish without a medical review” and save again to "
                "publish it now (the go-live check lists it until it is reviewed).",
            )
        return cleaned_data

    def clean_hero_image(self):
        """Refuse anything but a sane JPEG, PNG or WebP; keep an upright copy without camera or GPS metadata.

        With no new file, the image kept from the last failed submit (if any) is the one chosen.
        """
        upload = self.cleaned_data.get("hero_image")
        if upload and "hero_image" in self.changed_data:
            return images.clean_image_upload(upload)
        reference = self["kept_hero_image"].data
        if upload is False or not reference:  # the editor cleared the image, or nothing was kept
            return upload
        kept = kept_uploads.kept_file(reference)
        if kept is None:
            raise ValidationError("The image you chose before is no longer kept; please choose it again.")
        return kept

    def full_clean(self):
        """Validate; when the form fails, keep the hero image chosen for the next submit, and say so."""
        super().full_clean()
        if not (self.is_bound and self.errors):
            return
        image = self.cleaned_data.get("hero_image")  # a ContentFile when newly chosen or kept, else unchanged
        if "hero_image" in self.changed_data or self.has_error("hero_image"):
            # A file chosen now (or the image cleared, or a kept one lost) replaces what was kept before.
            kept_uploads.discard(self["kept_hero_image"].data)
            self.data = self.data.copy()
            self.data[self.add_prefix("kept_hero_image")] = (
                kept_uploads.keep(image) if isinstance(image, ContentFile) else ""
            )
        if isinstance(image, ContentFile):
            self["hero_image"].help_text = format_html(
                "<strong>Your image “{}” is kept</strong>: it is saved with the article, so you need not choose "
                "it again. Choose another file only to replace it.",
                image.name,
            )


def admin_date(moment, with_time=False):
    """ "Dec 8, 2026" (or "Dec 8, 2026, 6:00 PM"): the one way the article list writes a date, in the center's time."""
    local = timezone.localtime(moment)
    return f"{local:%b %-d, %Y, %-I:%M %p}" if with_time else f"{local:%b %-d, %Y}"


def missing_medical_review(reviewer):
    """What an article lacks before health information may be published, in words for the editor, or ""."""
    if reviewer is None:
        return "a medical reviewer"
    if not reviewer.is_credentialed:
        return f"a license or credential for its medical reviewer, {reviewer.name}"
    return ""


@admin.action(description="Publish the selected articles now")
def publish_now(modeladmin, request, queryset):
    unreviewed = [article.title for article in queryset.translations_awaiting_review()]
    count = services.publish(queryset)
    modeladmin.message_user(request, f"{count} article(s) published.", messages.SUCCESS)
    if unreviewed:
        titles = ", ".join(f"“{title}”" for title in unreviewed)
        modeladmin.message_user(
            request,
            f"Published without a qualified reviewer: {titles}. A translation of health information must be read by "
            "a credentialed clinician who reads its language; enter them as its medical reviewer, or unpublish it.",
            messages.WARNING,
        )


@admin.action(description="Unpublish the selected articles (back to draft)")
def unpublish(modeladmin, request, queryset):
    count = services.unpublish(queryset)
    modeladmin.message_user(request, f"{count} article(s) are drafts again and hidden from visitors.", messages.SUCCESS)


class LanguageFilter(admin.SimpleListFilter):
    """The items written in one language (named in English: the admin is English)."""

    title = "language"
    parameter_name = "language"

    def lookups(self, request, model_admin):
        return [(code, language_name(code)) for code, _ in settings.LANGUAGES]

    def queryset(self, request, queryset):
        return queryset.filter(language=self.value()) if self.value() else queryset


class LacksTranslationFilter(admin.SimpleListFilter):
    """The originals still waiting for a translation into a language ("Lacks a Spanish translation")."""

    title = "translation"
    parameter_name = "lacks"

    def lookups(self, request, model_admin):
        return [
            (code, f"Lacks a {language_name(code)} translation") for code in other_languages(settings.LANGUAGE_CODE)
        ]

    def queryset(self, request, queryset):
        return queryset.without_translation(self.value()) if self.value() else queryset


def other_languages(code):
    return [other for other, _ in settings.LANGUAGES if other != code]


class OriginalChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, item):
        return f"{item.title} ({language_name(item.language)})"


class PublishableAdmin(TranslationSyncAdmin, HistoryAdmin, admin.ModelAdmin):
    """Saves go through pages.services, like every other write to articles and pages.

    Each item is in one language, chosen when it is created (its address depends on it); a translation names its
    original, and the list and the change form say which translations exist and which are missing.
    """

    list_select_related = ["translation_of"]

    # Filters large enough to tap in the lists, and the change form's summary of errors.
    class Media:
        css = {"all": ["css/staff.css"]}

    # Shown on the change form with the language and the original; see language_versions_links.
    translation_fields = ["language", "translation_of", "language_versions_links"]

    def save_model(self, request, obj, form, change):
        services.save(obj)
        for warning in editorial_warnings(obj):
            messages.warning(request, f"“{obj.title}”: {warning}")

    # History (revisions/admin.py): an edit may be marked minor, and a restore goes through the services as a save.
    offers_minor_edit = True

    def restore_version(self, version, user):
        return services.restore(version, user)

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("translations")

    def get_list_display(self, request):
        first, *rest = super().get_list_display(request)
        return [first, "language_label", "translation_status", *rest]

    def get_list_filter(self, request):
        return [*super().get_list_filter(request), LanguageFilter, LacksTranslationFilter]

    def get_readonly_fields(self, request, obj=None):
        readonly = [*super().get_readonly_fields(request, obj), "language_versions_links"]
        if obj is not None:
            readonly.append("language")  # a new language is a new item, at another address
            if obj.translations.exists():
                readonly.append("translation_of")  # an original stays one while it has translations
        return readonly

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "translation_of":
            kwargs["form_class"] = OriginalChoiceField
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_form(self, request, obj=None, change=False, **kwargs):
        """Offer as originals only items that are not translations themselves, in another language than ``obj``'s."""
        form = super().get_form(request, obj, change, **kwargs)
        field = form.base_fields.get("translation_of")
        if field is not None:
            originals = self.model.objects.filter(translation_of=None).order_by("language", "title")
            if obj is not None:
                originals = originals.exclude(language=obj.language).exclude(pk=obj.pk)
            field.queryset = originals
        return form

    @admin.display(description="Language", ordering="language")
    def language_label(self, item):
        return language_name(item.language)

    @admin.display(description="Translations")
    def translation_status(self, item):
        """ "Translation of “…”" for a translation; for an original, each other language: its status or "missing"."""
        if item.translation_of_id:
            return f"Translation of “{Truncator(item.translation_of.title).words(5)}”"
        translations = {translation.language: translation for translation in item.translations.all()}
        parts = []
        for code in other_languages(item.language):
            translation = translations.get(code)
            state = "missing" if translation is None else translation.get_status_display().lower()
            parts.append(f"{language_name(code)}: {state}")
        return "; ".join(parts)

    @admin.display(description="Versions in other languages")
    def language_versions_links(self, item):
        """Links from a translation to its original, and from an original to its translations (or to add one)."""
        if not item.pk:
            return "Save first; then this links the item's versions in other languages."
        if item.translation_of_id:
            original = item.translation_of
            return format_html(
                'Translation of <a href="{}">{}</a> ({}).',
                self._change_url(original),
                original.title,
                language_name(original.language),
            )
        translations = {translation.language: translation for translation in item.translations.all()}
        lines = []
        for code in other_languages(item.language):
            translation = translations.get(code)
            if translation is None:
                add_url = reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_add")
                query = urlencode({"language": code, "translation_of": item.pk})
                lines.append(
                    format_html(
                        'No {} translation yet. <a href="{}?{}">Add the {} translation</a>',
                        language_name(code),
                        add_url,
                        query,
                        language_name(code),
                    )
                )
            else:
                lines.append(
                    format_html(
                        '{} translation: <a href="{}">{}</a> ({})',
                        language_name(code),
                        self._change_url(translation),
                        translation.title,
                        translation.get_status_display().lower(),
                    )
                )
        return format_html_join(mark_safe("<br>"), "{}", ((line,) for line in lines))

    def _change_url(self, item):
        return reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_change", args=[item.pk])


class MedicalReviewFilter(admin.SimpleListFilter):
    """Find the articles no qualified person has checked: health information needs a credentialed reviewer."""

    title = "medical review"
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [
            ("uncredentialed", "Reviewer without a credential"),
            ("none", "No medical reviewer"),
            ("credentialed", "By a credentialed reviewer"),
        ]

    def queryset(self, request, queryset):
        uncredentialed = queryset.with_uncredentialed_reviewer()
        if self.value() == "uncredentialed":
            return uncredentialed
        if self.value() == "none":
            return queryset.filter(reviewer__isnull=True)
        if self.value() == "credentialed":
            return queryset.filter(reviewer__isnull=False).exclude(pk__in=uncredentialed.values("pk"))
        return queryset


def warn_if_reviewer_uncredentialed(request, article):
    """Warn (never refuse: the editor may be waiting on the clinician) when the medical reviewer has no credential."""
    if article.reviewer and not article.reviewer.is_credentialed:
        messages.warning(
            request,
            f"“{article.title}”: its medical reviewer, {article.reviewer.name}, has no license or credential on "
            "their record. Health information must be reviewed by a qualified person: choose a credentialed "
            "reviewer, or add their credential under People. Until then the article says “Reviewed by”, not "
            "“Medically reviewed by”, and the go-live check lists it.",
        )


def warn_if_translation_awaits_review(request, article):
    """A translated health article still in draft, with no credentialed reviewer: say what must come first."""
    if Article.objects.translations_awaiting_review().filter(pk=article.pk).exists():
        language = language_name(article.language)
        messages.warning(
            request,
            f"“{article.title}” is a {language} translation of health information and still a draft. Before it is "
            f"published, a qualified reviewer (a licensed or credentialed clinician who reads {language}) must read "
            "it against the original: then enter them as its medical reviewer, with the date of their review, "
            "under “Author and medical review”. Until then the go-live check lists it.",
        )


@admin.register(Article)
class ArticleAdmin(PublishableAdmin):
    form = ArticleAdminForm
    # Narrow columns, one date format: the list fits 1280 px with each title on a line or two.
    list_display = ["title", "visibility", "last_changed", "topic_names", "medical_review", "preview_link"]
    list_filter = ["status", MedicalReviewFilter, "topics", "author", "reviewer"]
    search_fields = ["title", "summary", "body"]
    prepopulated_fields = {"slug": ["title"]}
    date_hierarchy = "published_at"
    # Undated drafts first, on every database (PostgreSQL and SQLite disagree on where NULLs sort).
    ordering = [F("published_at").desc(nulls_first=True), "-pk"]
    list_select_related = ["author", "reviewer", "translation_of"]
    actions = [publish_now, unpublish]
    readonly_fields = ["preview_link", "updated_at", "hero_thumbnail"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary", "body", "topics"]}),
        ("Language", {"fields": PublishableAdmin.translation_fields}),
        (
            "Publication",
            {"fields": ["status", "publish_without_medical_review", "published_at", "preview_link", "updated_at"]},
        ),
        ("Hero image", {"fields": ["hero_thumbnail", "hero_image", "kept_hero_image", "hero_image_alt"]}),
        (
            "Author and medical review",
            {"fields": ["author", "reviewer", "last_reviewed_at", "review_interval_months", "citations"]},
        ),
        ("Search engines", {"fields": ["seo_title", "noindex"], "classes": ["collapse"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("topics")

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        kept_uploads.discard(form["kept_hero_image"].data)  # the article holds its image now
        warn_if_reviewer_uncredentialed(request, obj)
        warn_if_translation_awaits_review(request, obj)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if request.method == "GET":
            article = self.get_object(request, object_id)
            if article:
                warn_if_reviewer_uncredentialed(request, article)
                warn_if_translation_awaits_review(request, article)
        return super().change_view(request, object_id, form_url, extra_context)

    def get_urls(self):
        preview = path("<int:pk>/preview/", self.admin_site.admin_view(self.preview_view), name="pages_article_preview")
        return [preview, *super().get_urls()]

    def preview_view(self, request, pk):
        """The article exactly as visitors will see it, draft or not; staff only, and never kept by any cache."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        response = render_article(request, get_object_or_404(article_with_people(), pk=pk), preview=True)
        del response["Last-Modified"]
        response["Cache-Control"] = "private, no-store"  # admin_view() adds no-cache, max-age=0 to this
        return response

    @admin.display(description="Visible to the public", ordering="published_at")
    def visibility(self, article):
        if article.is_public:
            return f"Published {admin_date(article.published_at)}"
        if article.is_scheduled:
            return f"Scheduled for {admin_date(article.published_at, with_time=True)}"
        return "Draft"

    @admin.display(description="Last changed", ordering="updated_at")
    def last_changed(self, article):
        return admin_date(article.updated_at)

    @admin.display(description="Current hero image")
    def hero_thumbnail(self, article):
        thumbnail = images.thumbnail(article.hero_renditions)
        if thumbnail is None:
            return "None saved yet."
        return format_html(
            '<img src="{}" width="{}" height="{}" alt="{}">',
            thumbnail["url"],
            thumbnail["width"],
            thumbnail["height"],
            article.hero_image_alt,
        )

    @admin.display(description="Medical review")
    def medical_review(self, article):
        if not article.reviewer:
            return "None"
        if not article.reviewer.is_credentialed:
            return format_html("<strong>⚠ {}: no credential</strong>", article.reviewer.name)
        return article.reviewer.name_with_credentials

    @admin.display(description="Topics")
    def topic_names(self, article):
        return ", ".join(topic.name for topic in article.topics.all())

    @admin.display(description="Preview")
    def preview_link(self, article):
        if not article.pk:
            return "Save the article first; then you can preview it."
        url = reverse("admin:pages_article_preview", args=[article.pk])
        # The title is in the link's accessible name, so that each of the list's links says which article it shows.
        return format_html(
            '<a href="{}" target="_blank" rel="noopener" aria-label="Preview “{}”">Preview</a>', url, article.title
        )


class PersonAdminForm(forms.ModelForm):
    class Meta:
        model = Person
        fields = [
            "name",
            "slug",
            "credentials",
            *flatten(side_by_side("role", "bio")),
            "photo",
            "on_team",
            "team_position",
        ]

    def clean_photo(self):
        """As for hero images: only a sane JPEG, PNG or WebP, kept upright and without camera or GPS metadata."""
        upload = self.cleaned_data.get("photo")
        if upload and "photo" in self.changed_data:
            return images.clean_image_upload(upload)
        return upload


@admin.register(Person)
class PersonAdmin(LabelledByLanguage, TranslationAdmin):
    form = PersonAdminForm
    list_display = ["name", "credentials", "role", "on_team", "team_position", "has_photo"]
    list_filter = ["on_team"]
    search_fields = ["name", "credentials", "role_en", "role_es"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["photo_thumbnail"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "credentials"]}),
        ("Role and bio, in each language", {"fields": side_by_side("role", "bio"), "description": IN_ENGLISH_UNTIL}),
        ("Photo", {"fields": ["photo_thumbnail", "photo"]}),
        ("“Our team” page", {"fields": ["on_team", "team_position"]}),
    ]

    @admin.display(description="Photo", boolean=True)
    def has_photo(self, person):
        return bool(person.photo)

    @admin.display(description="Current photo")
    def photo_thumbnail(self, person):
        thumbnail = images.thumbnail(person.photo_renditions)
        if thumbnail is None:
            return "None saved yet."
        return format_html(
            '<img src="{}" width="{}" height="{}" alt="Photo of {}">',
            thumbnail["url"],
            thumbnail["width"],
            thumbnail["height"],
            person.name,
        )


@admin.register(ContentPage)
class ContentPageAdmin(PublishableAdmin):
    list_display = ["title", "slug", "status", "published_at", "updated_at"]
    list_filter = ["status"]
    search_fields = ["title", "summary", "body"]
    prepopulated_fields = {"slug": ["title"]}
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary", "body"]}),
        ("Language", {"fields": PublishableAdmin.translation_fields}),
        ("Publication", {"fields": ["status", "published_at"]}),
        ("Review", {"fields": ["reviewer", "last_reviewed_at", "review_interval_months"]}),
        ("Search engines", {"fields": ["seo_title", "noindex"], "classes": ["collapse"]}),
    ]


@admin.register(Topic)
class TopicAdmin(LabelledByLanguage, TranslationAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name_en", "name_es"]
    prepopulated_fields = {"slug": ["name"]}
    fieldsets = [(None, {"fields": [*side_by_side("name", "description"), "slug"], "description": IN_ENGLISH_UNTIL})]


class ProgramSessionInline(LabelledByLanguage, TranslationTabularInline):
    """The weekly schedule, one row per group; each row is checked as WeeklyHours.clean checks it (days, times)."""

    model = ProgramSession
    form = WeeklyHoursForm
    formset = LabelledRowsFormSet
    fields = ["name", "first_day", "last_day", "opens", "closes"]
    verbose_name_plural = "weekly schedule"

    def get_extra(self, request, obj=None, **kwargs):
        """One empty row to fill in while the program has no session yet; none once it has a schedule."""
        return 0 if obj and obj.sessions.exists() else 1


PLACEHOLDER_NOTE = "Leave a field empty rather than guess: the page then shows a placeholder saying it is not yet set."


@admin.register(Program)
class ProgramAdmin(PublishableAdmin):
    list_display = ["title", "level_of_care", "session_count", "status", "page_link"]
    list_filter = ["status"]
    search_fields = ["title", "summary", "body", "suited_to", "not_suited_to", "first_day", "what_to_bring"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [ProgramSessionInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary"]}),
        ("Language", {"fields": PublishableAdmin.translation_fields}),
        (
            "Level of care and hours",
            {
                "fields": ["level_of_care", "service_category", "hours_per_week", "length_weeks"],
                "description": "Shown “at a glance” at the top of the page. State them as the license or "
                "certification does: California's SB 349 forbids misleading statements about a provider's services. "
                + PLACEHOLDER_NOTE,
            },
        ),
        ("For whom", {"fields": ["suited_to", "not_suited_to"], "description": PLACEHOLDER_NOTE}),
        ("Starting", {"fields": ["first_day", "what_to_bring"], "description": PLACEHOLDER_NOTE}),
        ("Page text", {"fields": ["body"], "description": "Shown below the facts, under “About the program”."}),
        ("Publication", {"fields": ["status", "published_at"]}),
        ("Search engines", {"fields": ["seo_title", "noindex"], "classes": ["collapse"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(session_total=Count("sessions"))

    def get_readonly_fields(self, request, obj=None):
        readonly = super().get_readonly_fields(request, obj)
        # A translation's page shows its original's level of care, hours and schedule: staff keep them in one place.
        return [*readonly, *Program.LANGUAGE_NEUTRAL_FACTS] if obj and obj.translation_of_id else readonly

    def get_fieldsets(self, request, obj=None):
        if not (obj and obj.translation_of_id):
            return super().get_fieldsets(request, obj)
        note = "A translation shows its original's level of care, hours and weekly schedule: change them there."
        return [
            (name, {**options, "description": note}) if name == "Level of care and hours" else (name, options)
            for name, options in super().get_fieldsets(request, obj)
        ]

    def get_inlines(self, request, obj):
        """No schedule of its own for a translation: the original's is the one its page shows."""
        return [] if obj and obj.translation_of_id else super().get_inlines(request, obj)

    def view_on_site(self, program):
        """The change form's "View on site" button, for a program visitors can see (a draft's address is a 404)."""
        return program.get_absolute_url() if program.is_public else None

    @admin.display(description="Sessions", ordering="session_total")
    def session_count(self, program):
        return program.session_total

    @admin.display(description="On the site")
    def page_link(self, program):
        url = self.view_on_site(program)
        if url is None:
            return "Not public yet"
        return format_html('<a href="{}" target="_blank" rel="noopener">View on site</a>', url)


# Django's own redirect admin, registered by django.contrib.redirects, replaced by one that keeps targets on the site.
admin.site.unregister(Redirect)
admin.site.register(Redirect, redirects.RedirectAdmin)
