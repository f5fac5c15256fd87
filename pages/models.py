"""Content models: articles, topics, people, content pages, and programs with their weekly sessions."""

import math

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models.functions import Coalesce, Trim
from django.urls import reverse
from django.utils import timezone, translation

from center.models import WeeklyHours
from restoration.markdown import MARKDOWN_HELP, render_markdown

from . import images

WORDS_PER_MINUTE = 200


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
    # For a translation: the kept version of its original it was translated from (revisions/history.py); when the
    # original's text changes after it, the translation is behind its original (pages/translation_sync.py).
    translated_from_version = models.ForeignKey(
        "reversion.Version", null=True, blank=True, editable=False, on_delete=models.SET_NULL, related_name="+"
    )
    # When the original's text last changed away from that version (None while the translation follows it): kept on
    # the row so that the translation's page says so for no extra query.
    original_changed_at = models.DateTimeField(null=True, blank=True, editable=False)
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


class ReviewSchedule(models.Model):
    """How often an item's words are checked again: health information goes stale (VA.gov reviews its own yearly).

    The date of the last review is the item's own field; until it has one, its publication date stands in for it.
    Past the interval, go_live_check and the admin's home page list the item under "Needs attention", naming the
    reviewer to ask. Nothing changes on the public page: it keeps its honest "Last reviewed" date.
    """

    DEFAULT_REVIEW_INTERVAL_MONTHS = 12

    review_interval_months = models.PositiveSmallIntegerField(
        "review every (months)",
        default=DEFAULT_REVIEW_INTERVAL_MONTHS,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
        help_text="After this many months since its last review, the staff home page and the go-live check ask "
        "for a new one.",
    )

    class Meta:
        abstract = True

    @property
    def review_due_on(self):
        """The day the next review is due, or None for an undated draft."""
        reviewed = self.last_reviewed_at or (self.published_at and timezone.localdate(self.published_at))
        return reviewed + relativedelta(months=self.review_interval_months) if reviewed else None

    def review_overdue(self, today):
        due = self.review_due_on
        return due is not None and due < today


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


class Article(Publishable, ReviewSchedule):
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


class ContentPage(Publishable, ReviewSchedule):
    """A standing page at ``/<slug>/``: About, Privacy, Accessibility, and the words of the families and cost pages."""

    url_name = "pages:page"
    reviewer = models.ForeignKey(
        Person,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reviewed_pages",
        help_text="Who checks that the page is still true when its review is due.",
    )
    last_reviewed_at = models.DateField("last reviewed", null=True, blank=True)

    class Meta(Publishable.Meta):
        ordering = ["title"]

    @property
    def original_slug(self):
        """The slug of the original a translation translates (its own for an original): what the page is, whatever
        its language calls it."""
        return self.translation_of.slug if self.translation_of_id else self.slug

    @property
    def effective_on(self):
        """The day this version took effect: the later of its publication and its last change (a date in the
        site's time zone)."""
        moments = [moment for moment in (self.published_at, self.updated_at) if moment is not None]
        return timezone.localdate(max(moments))

    def clean(self):
        super().clean()
        if self.slug in dict(settings.LANGUAGES):
            raise ValidationError({"slug": f"“{self.slug}” is the address of the site in a language; choose another."})


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
