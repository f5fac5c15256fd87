"""Content models: articles, topics, people, content pages, programs, and the center's facts.

The center's facts (site settings, opening hours, licenses, accreditations, payers, notices) are each a record
staff fill in the admin. Until they do, pages show an honest placeholder and ``go_live_check`` lists what is
missing: nothing about the center is ever made up by the code.
"""

import datetime
import math
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models.functions import Coalesce, Trim
from django.urls import reverse
from django.utils import dateformat, timezone, translation
from django.utils.translation import gettext, gettext_lazy, gettext_noop

from restoration.phone import tel_href

from . import images
from .markdown import render_markdown

MARKDOWN_HELP = (
    "Markdown: a blank line starts a new paragraph; ## Heading for a section, ### for a sub-section; "
    "**bold**, *italic*; - item for a bulleted list, 1. item for a numbered one; [link text](https://…). "
    "HTML is cleaned: scripts, styles and embedded frames are removed."
)
WORDS_PER_MINUTE = 200


def language_name(code):
    """ "Spanish" for "es": a language's English name, as staff read it in the admin and in go_live_check."""
    return translation.get_language_info(code)["name"]


class PublishableQuerySet(models.QuerySet):
    def published(self):
        """The single definition of "visible to the public": published and not scheduled ahead."""
        return self.filter(status=Publishable.Status.PUBLISHED, published_at__lte=timezone.now())

    def scheduled(self):
        """Published but dated ahead: public when their time comes, with no further write."""
        return self.filter(status=Publishable.Status.PUBLISHED, published_at__gt=timezone.now())

    def in_language(self, language=None):
        """Items written in ``language``: by default the visitor's, which the page's address gives (/es/…)."""
        return self.filter(language=language or translation.get_language())

    def public_versions(self, slug, language=None):
        """{language: item}: the published item at ``slug`` in ``language`` (by default the visitor's) with its
        published original and translations, in one query (empty when there is no such item).

        What a page of one item needs both to show it and to link its other languages, for the cost of one read.
        """
        family = Coalesce("translation_of", "pk", output_field=models.BigIntegerField())
        found = self.published().filter(language=language or translation.get_language(), slug=slug)
        found_family = found.annotate(family=family).values("family")
        versions = self.published().alias(family=family).filter(family__in=found_family)
        # Sorted here, not in SQL: there are one or two, and ordering in the query makes Django's compiler match
        # the ordering against every selected column (a quarter of the cost of an article's page).
        return {item.language: item for item in sorted(versions.order_by(), key=lambda item: item.pk)}

    def without_translation(self, language):
        """Originals that have no version in ``language`` yet, drafts included (the admin's "lacks" filter)."""
        return self.filter(translation_of=None).exclude(language=language).exclude(translations__language=language)


class Publishable(models.Model):
    """Fields and rendering shared by articles, content pages and programs.

    Each item is written in one language. A translation is an item of its own that names its original in
    ``translation_of`` (the original is the English one; one translation per language); the pages of the two link
    to each other, in the language switcher and in ``hreflang`` alternates.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"

    # The URL name of the item's page, reversed with its slug in the item's own language.
    url_name = None

    language = models.CharField(max_length=5, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE)
    translation_of = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="translations",
        limit_choices_to={"translation_of": None},
        verbose_name="translation of",
        help_text="For a translation: the original it translates. Leave empty for an original.",
    )
    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, help_text="Unique among the items in its language.")
    summary = models.CharField(
        max_length=160, help_text="One or two sentences; shown in lists and used as the meta description."
    )
    body = models.TextField(help_text=MARKDOWN_HELP)
    body_html = models.TextField(editable=False, default="")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    published_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="Leave empty and publishing stamps the moment it goes live. "
        "With status “Published”, a future time schedules it.",
    )
    updated_at = models.DateTimeField(auto_now=True)
    seo_title = models.CharField(
        "SEO title", max_length=70, blank=True, help_text="Optional: replaces the title in search results."
    )
    noindex = models.BooleanField(
        "hide from search engines", default=False, help_text="Adds “noindex”: search engines will not list it."
    )

    objects = PublishableQuerySet.as_manager()

    class Meta:
        abstract = True
        constraints = [
            models.UniqueConstraint(fields=["language", "slug"], name="%(app_label)s_%(class)s_slug_per_language"),
            models.UniqueConstraint(
                fields=["translation_of", "language"], name="%(app_label)s_%(class)s_one_translation_per_language"
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        # Rendered once here so no request ever pays for Markdown or sanitising.
        self.body_html = render_markdown(self.body)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        with translation.override(self.language):
            return reverse(self.url_name, args=[self.slug])

    def clean(self):
        super().clean()
        original = self.translation_of
        if original is not None:
            if original.pk == self.pk or original.translation_of_id is not None:
                raise ValidationError({"translation_of": "Choose the original, which is not a translation itself."})
            if original.language == self.language:
                raise ValidationError({"translation_of": "A translation is in another language than its original."})

    def language_versions(self, public=True):
        """{language: item} for this item and its translations (only those the public may see, unless not
        ``public``), each language once."""
        original = self.translation_of or self
        family = type(self).objects.filter(models.Q(pk=original.pk) | models.Q(translation_of=original.pk))
        if public:
            family = family.published()
        return {item.language: item for item in family.order_by("pk")}

    # A published item always has a date (pages.services stamps it); like SQL's NULL, a missing one is never "now".
    @property
    def is_public(self):
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )

    @property
    def is_scheduled(self):
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at > timezone.now()
        )


class TopicQuerySet(models.QuerySet):
    def in_use(self):
        """Topics with at least one published article in the visitor's language.

        EXISTS stops at each topic's first published article; a join would read every article of every topic.
        """
        published = Article.objects.published().in_language().filter(topics=models.OuterRef("pk"))
        return self.filter(models.Exists(published))


class Topic(models.Model):
    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    description = models.TextField(blank=True)

    objects = TopicQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("pages:topic", args=[self.slug])


class PersonQuerySet(models.QuerySet):
    def on_team(self):
        """The people the "Our team" page shows, in the order staff gave them."""
        return self.filter(on_team=True).order_by("team_position", "name")

    def with_public_page(self):
        """People with a page of their own: the team, and whoever wrote or reviewed a published article."""
        published = Article.objects.published()
        return self.filter(
            models.Q(on_team=True) | models.Q(articles__in=published) | models.Q(reviewed_articles__in=published)
        ).distinct()


class Person(models.Model):
    """Someone who cares for patients or writes for the site: a clinician on the team, an author, a reviewer."""

    name = models.CharField(max_length=100)
    slug = models.SlugField(max_length=100, unique=True)
    credentials = models.CharField(
        "license or credentials",
        max_length=100,
        blank=True,
        help_text="The license or certification after their name, for example: LMFT, LCSW, MD, CADC-II. "
        "A medical reviewer of articles must have one.",
    )
    role = models.CharField(max_length=100, blank=True, help_text="For example: Clinical director, Therapist.")
    is_organization = models.BooleanField(
        "a team, not one person",
        default=False,
        help_text="For a group of the center's that writes under one name, such as the editorial team: search "
        "engines are told it is an organization.",
    )
    bio = models.TextField(blank=True, help_text="A short paragraph in plain text, shown on their page.")
    photo = models.FileField(
        upload_to="people/",
        blank=True,
        help_text="Optional portrait. JPEG, PNG or WebP, at most 10 MB. Location data is removed on upload.",
    )
    # The same renditions as an article's hero image (pages/images.py).
    photo_renditions = models.JSONField(default=dict, blank=True, editable=False)
    on_team = models.BooleanField(
        "show on the “Our team” page", default=False, help_text="For people who care for patients here."
    )
    team_position = models.PositiveSmallIntegerField(
        "position on the team page", default=0, help_text="Lower numbers come first; equal ones by name."
    )

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "people"

    def __str__(self):
        return self.name_with_credentials

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        # As for hero images: renditions are made once, when the photo has changed.
        if self.photo_renditions.get("source", "") != self.photo.name:
            images.delete_renditions(self.photo_renditions)
            self.photo_renditions = images.make_renditions(self.photo) if self.photo else {}
            Person.objects.filter(pk=self.pk).update(photo_renditions=self.photo_renditions)

    def get_absolute_url(self):
        return reverse("pages:person", args=[self.slug])

    @property
    def name_with_credentials(self):
        return f"{self.name}, {self.credentials}" if self.credentials else self.name

    @property
    def is_credentialed(self):
        """Whether they hold a license or credential, which a medical reviewer must."""
        return bool(self.credentials.strip())

    @property
    def portrait(self):
        """The photo as ``includes/picture.html`` draws it, or None. No alt text: the name is always beside it."""
        return images.picture(self.photo_renditions, "")


# Slugs that name a page of their own under /articles/.
RESERVED_ARTICLE_SLUGS = {"feed"}


class ArticleQuerySet(PublishableQuerySet):
    def with_uncredentialed_reviewer(self):
        """Articles whose medical reviewer holds no license or credential (``Person.is_credentialed`` in SQL).

        Health information must be checked by someone qualified to check it: the admin flags these, and the
        go-live check lists them.
        """
        return self.alias(reviewer_credentials=Trim("reviewer__credentials")).filter(
            reviewer__isnull=False, reviewer_credentials=""
        )

    def translations_awaiting_review(self):
        """Translations still in draft that no credentialed reviewer has checked.

        A translated health article is health information in its own right: a qualified person who reads its
        language must check it before it is published. The admin says so on its page; go_live_check lists them.
        """
        unchecked = models.Q(reviewer__isnull=True) | models.Q(pk__in=self.with_uncredentialed_reviewer().values("pk"))
        return self.filter(unchecked, status=Publishable.Status.DRAFT, translation_of__isnull=False)


class Article(Publishable):
    url_name = "pages:article"
    topics = models.ManyToManyField(Topic, blank=True, related_name="articles")
    hero_image = models.FileField(
        upload_to="articles/",
        blank=True,
        help_text="JPEG, PNG or WebP, at most 10 MB and 40 megapixels. Location data is removed on upload.",
    )
    hero_image_alt = models.CharField(
        "hero image description",
        max_length=200,
        blank=True,
        help_text="Describe the picture for people who cannot see it. Required when there is a hero image.",
    )
    # {"source": stored name of hero_image, "width", "height", "sizes": [{"width", "height", "webp", "jpeg"}]}
    hero_renditions = models.JSONField(default=dict, blank=True, editable=False)
    author = models.ForeignKey(Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="articles")
    reviewer = models.ForeignKey(
        Person,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reviewed_articles",
        verbose_name="medical reviewer",
    )
    last_reviewed_at = models.DateField("last medically reviewed", null=True, blank=True)
    citations = models.TextField(blank=True, help_text="Markdown list of sources, one “- ” item each. " + MARKDOWN_HELP)
    citations_html = models.TextField(editable=False, default="")

    objects = ArticleQuerySet.as_manager()

    class Meta(Publishable.Meta):
        ordering = ["-published_at", "-pk"]
        indexes = [models.Index(fields=["status", "published_at"])]

    def save(self, *args, **kwargs):
        self.citations_html = render_markdown(self.citations)
        super().save(*args, **kwargs)  # stores a newly uploaded hero image
        # Like body_html, renditions are made once, here, when the hero image has changed.
        if self.hero_renditions.get("source", "") != self.hero_image.name:
            images.delete_renditions(self.hero_renditions)
            self.hero_renditions = images.make_renditions(self.hero_image) if self.hero_image else {}
            Article.objects.filter(pk=self.pk).update(hero_renditions=self.hero_renditions)

    def clean(self):
        """Report every problem at once, so one more save fixes them all."""
        super().clean()
        errors = {}
        if self.slug in RESERVED_ARTICLE_SLUGS:
            errors["slug"] = f"“{self.slug}” is taken by a page of the site; choose another slug."
        if self.hero_image and not self.hero_image_alt.strip():
            errors["hero_image_alt"] = "Describe the hero image for people who cannot see it."
        if self.reviewer_id and not self.last_reviewed_at:
            errors["last_reviewed_at"] = "Give the date of the medical review."
        if errors:
            raise ValidationError(errors)

    @property
    def hero_picture(self):
        return images.picture(self.hero_renditions, self.hero_image_alt)

    @property
    def open_graph_image(self):
        return images.open_graph_image(self.hero_renditions)

    @property
    def reading_minutes(self):
        return max(1, math.ceil(len(self.body.split()) / WORDS_PER_MINUTE))

    @property
    def was_updated(self):
        """True when the article changed on a later day than it was published (never for an undated draft)."""
        return self.published_at is not None and self.updated_at.date() > self.published_at.date()

    def related_articles(self, limit=3):
        """Other published articles in its language sharing a topic, newest first."""
        return (
            Article.objects.published()
            .in_language(self.language)
            .filter(topics__in=self.topics.all())
            .exclude(pk=self.pk)
            .distinct()
            .only("language", "title", "slug", "summary", "published_at")[:limit]
        )


class ContentPage(Publishable):
    """A standing page at ``/<slug>/``: About, Privacy, Accessibility, and the words of the families and cost pages."""

    url_name = "pages:page"

    class Meta(Publishable.Meta):
        ordering = ["title"]

    def clean(self):
        super().clean()
        if self.slug in dict(settings.LANGUAGES):
            raise ValidationError({"slug": f"“{self.slug}” is the address of the site in a language; choose another."})


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
    last_day = models.PositiveSmallIntegerField(
        choices=Weekday.choices, help_text="The same as the first day for a single day."
    )
    opens = models.TimeField("from", help_text="24-hour clock, for example 09:00.")
    closes = models.TimeField("until", help_text="24-hour clock, for example 17:30.")

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


class Program(Publishable):
    """A program of care, with the facts a patient weighs first: level of care, hours, schedule, first day.

    Stated plainly and never overstated: California's SB 349 (H&SC §11857 and following) governs how a
    provider describes its services. Every field below is the center's to fill; the page shows a placeholder
    for an empty one and ``go_live_check`` lists it.
    """

    # The program the site's navigation and home page lead to (content/programs/ holds its text).
    MAIN_SLUG = "intensive-outpatient-program-sacramento"
    url_name = "pages:program"
    level_of_care = models.CharField(
        "ASAM level of care",
        max_length=4,
        blank=True,
        validators=[RegexValidator(r"^[0-4](\.[0-9])?$", "An ASAM level such as 1.0, 2.1 or 2.5.")],
        help_text="As the program is licensed or certified, for example 2.1 for intensive outpatient.",
    )
    service_category = models.CharField(
        "DHCS service category",
        max_length=100,
        blank=True,
        help_text="As on the DHCS license or certification, for example: Intensive Outpatient Treatment.",
    )
    hours_per_week = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
        help_text="Hours of treatment a week, as the program is run. ASAM level 2.1 means at least 9 for adults.",
    )
    length_weeks = models.PositiveSmallIntegerField(
        "typical length in weeks",
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(104)],
        help_text="How long most people take part, as the center states it.",
    )
    suited_to = models.TextField("who it is for", blank=True, help_text="One point per line.")
    not_suited_to = models.TextField(
        "who it is not for", blank=True, help_text="One point per line, and where such a person can turn instead."
    )
    first_day = models.TextField(
        "what happens on the first day",
        blank=True,
        help_text="Plain text, in the second person (“You meet…”); a blank line starts a new paragraph.",
    )
    what_to_bring = models.TextField(blank=True, help_text="One item per line, for example: A photo ID")

    # The facts that read the same in every language, which staff keep on the original only.
    LANGUAGE_NEUTRAL_FACTS = ("level_of_care", "service_category", "hours_per_week", "length_weeks")

    class Meta(Publishable.Meta):
        ordering = ["title"]

    @property
    def facts_source(self):
        """The record whose language-neutral facts (``LANGUAGE_NEUTRAL_FACTS`` and the weekly sessions) this page
        shows: the original, for a translation, so staff keep the numbers and the schedule in one place."""
        return self.translation_of or self

    @staticmethod
    def _lines(text):
        return [line.strip() for line in text.splitlines() if line.strip()]

    @property
    def suited_to_list(self):
        return self._lines(self.suited_to)

    @property
    def not_suited_to_list(self):
        return self._lines(self.not_suited_to)

    @property
    def what_to_bring_list(self):
        return self._lines(self.what_to_bring)


class ProgramSession(WeeklyHours):
    """One group of a program's weekly schedule, such as the morning group."""

    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="sessions")
    name = models.CharField(max_length=100, help_text="For example: Morning group, Evening group.")

    class Meta(WeeklyHours.Meta):
        verbose_name = "session"


@dataclass(frozen=True)
class TextInLanguage:
    """Words staff wrote, and the language they are written in (a page in another marks them with ``lang``)."""

    text: str
    language: str


class SiteSettings(models.Model):
    """The center's name and contact details: one record, edited in the admin, used everywhere.

    The defaults are placeholders that read as placeholders, so nothing invented looks real.
    """

    CACHE_KEY = "pages:site-settings"
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
    hours_note_es = models.CharField(
        "note on the hours, in Spanish",
        max_length=200,
        blank=True,
        help_text="The same note for the Spanish pages, for example: Cerrado los días festivos. "
        "Leave empty and Spanish pages show the English note.",
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
    self_pay_information_es = models.TextField(
        "self-pay information, in Spanish",
        blank=True,
        help_text="The same for the Spanish pages. Leave empty and Spanish pages show the English text. "
        + MARKDOWN_HELP,
    )
    self_pay_html_es = models.TextField(editable=False, default="")
    family_services = models.TextField(
        "what we offer families",
        blank=True,
        help_text="Family sessions, groups or education the center offers, shown on the For families page. "
        + MARKDOWN_HELP,
    )
    family_services_html = models.TextField(editable=False, default="")
    family_services_es = models.TextField(
        "what we offer families, in Spanish",
        blank=True,
        help_text="The same for the Spanish pages. Leave empty and Spanish pages show the English text. "
        + MARKDOWN_HELP,
    )
    family_services_html_es = models.TextField(editable=False, default="")
    is_placeholder = models.BooleanField(
        default=True,
        help_text="Untick once the details above are real; while ticked the site says they are placeholders.",
    )

    class Meta:
        verbose_name = verbose_name_plural = "site settings"

    def __str__(self):
        return "Site settings"

    def save(self, *args, **kwargs):
        self.pk = 1
        self.self_pay_html = render_markdown(self.self_pay_information)
        self.self_pay_html_es = render_markdown(self.self_pay_information_es)
        self.family_services_html = render_markdown(self.family_services)
        self.family_services_html_es = render_markdown(self.family_services_es)
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

    def text_for_visitors(self, name, language=None):
        """Staff's words ``name`` (hours_note, self_pay_html, family_services_html) for a page in ``language`` (the
        visitor's by default): in that language when staff wrote them in it, else in English, else None.

        A translation lives beside the English field, named with the language's suffix (``self_pay_html_es``).
        """
        language = language or translation.get_language()
        for written_in in dict.fromkeys([language, settings.LANGUAGE_CODE]):
            field = name if written_in == settings.LANGUAGE_CODE else f"{name}_{written_in}"
            text = getattr(self, field, "")
            if text.strip():
                return TextInLanguage(text, written_in)
        return None

    @property
    def phone_href(self):
        """The phone number as a ``tel:`` link target (restoration/phone.py)."""
        return tel_href(self.phone)

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
