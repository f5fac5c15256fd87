"""Content models: articles, topics, people, content pages and the site-wide settings record."""

import math

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone

from restoration.phone import tel_href

from . import images
from .markdown import render_markdown

MARKDOWN_HELP = (
    "Markdown: a blank line starts a new paragraph; ## Heading for a section, ### for a sub-section; "
    "**bold**, *italic*; - item for a bulleted list, 1. item for a numbered one; [link text](https://…). "
    "HTML is cleaned: scripts, styles and embedded frames are removed."
)
WORDS_PER_MINUTE = 200


class PublishableQuerySet(models.QuerySet):
    def published(self):
        """The single definition of "visible to the public": published and not scheduled ahead."""
        return self.filter(status=Publishable.Status.PUBLISHED, published_at__lte=timezone.now())

    def scheduled(self):
        """Published but dated ahead: public when their time comes, with no further write."""
        return self.filter(status=Publishable.Status.PUBLISHED, published_at__gt=timezone.now())


class Publishable(models.Model):
    """Fields and rendering shared by articles and content pages."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"

    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200)
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

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        # Rendered once here so no request ever pays for Markdown or sanitising.
        self.body_html = render_markdown(self.body)
        super().save(*args, **kwargs)

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
        """Topics with at least one published article.

        EXISTS stops at each topic's first published article; a join would read every article of every topic.
        """
        published = Article.objects.published().filter(topics=models.OuterRef("pk"))
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
    def with_published_work(self):
        """People who wrote or reviewed a published article: the ones with a public bio page."""
        published = Article.objects.published()
        return self.filter(models.Q(articles__in=published) | models.Q(reviewed_articles__in=published)).distinct()


class Person(models.Model):
    """An author or medical reviewer, with the credentials and short bio shown on their page."""

    name = models.CharField(max_length=100)
    slug = models.SlugField(max_length=100, unique=True)
    credentials = models.CharField(max_length=100, blank=True, help_text="For example: LMFT, CADC-II")
    bio = models.TextField(blank=True, help_text="A short paragraph in plain text, shown on their page.")

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "people"

    def __str__(self):
        return self.name_with_credentials

    def get_absolute_url(self):
        return reverse("pages:person", args=[self.slug])

    @property
    def name_with_credentials(self):
        return f"{self.name}, {self.credentials}" if self.credentials else self.name


# Slugs that name a page of their own under /articles/.
RESERVED_ARTICLE_SLUGS = {"feed"}


class Article(Publishable):
    slug = models.SlugField(max_length=200, unique=True)
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

    class Meta:
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

    def get_absolute_url(self):
        return reverse("pages:article", args=[self.slug])

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
        """Other published articles sharing a topic, newest first."""
        return (
            Article.objects.published()
            .filter(topics__in=self.topics.all())
            .exclude(pk=self.pk)
            .distinct()
            .only("title", "slug", "summary", "published_at")[:limit]
        )


class ContentPage(Publishable):
    """A standing page: the program page, About, Privacy, Accessibility, Confidentiality."""

    class Section(models.TextChoices):
        TOP = "", "Top level (/<slug>/)"
        PROGRAMS = "programs", "Programs (/programs/<slug>/)"

    # The program the site's navigation and home page lead to (content/pages/ holds its text).
    MAIN_PROGRAM_SLUG = "intensive-outpatient-program-sacramento"

    section = models.CharField(max_length=20, choices=Section.choices, default=Section.TOP, blank=True)

    class Meta:
        ordering = ["title"]
        constraints = [models.UniqueConstraint(fields=["section", "slug"], name="unique_page_slug_per_section")]

    def get_absolute_url(self):
        if self.section == self.Section.PROGRAMS:
            return reverse("pages:program", args=[self.slug])
        return reverse("pages:page", args=[self.slug])


class SiteSettings(models.Model):
    """The center's name and contact details: one record, edited in the admin, used everywhere.

    The defaults are placeholders that read as placeholders, so nothing invented looks real.
    """

    CACHE_KEY = "pages:site-settings"

    name = models.CharField(max_length=100, default="Restoration Recovery Center")
    phone = models.CharField(
        max_length=30, default="(916) 555-0100", help_text="As shown to visitors. 555-01xx is a placeholder."
    )
    email = models.EmailField(default="admissions@example.org")
    street_address = models.CharField(max_length=200, default="[Street address not yet set]")
    city = models.CharField(max_length=100, default="Sacramento")
    region = models.CharField(max_length=50, default="CA")
    postal_code = models.CharField(max_length=20, default="[ZIP]")
    hours = models.CharField(max_length=200, default="[Office hours not yet set]")
    licence_line = models.CharField(
        "licence and certification line",
        max_length=300,
        default="[Licence and certification details not yet set]",
    )
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
            cache.set(cls.CACHE_KEY, record, None)
        SiteSettings.last_loaded = record
        return record

    @property
    def phone_href(self):
        """The phone number as a ``tel:`` link target (restoration/phone.py)."""
        return tel_href(self.phone)

    @property
    def full_address(self):
        return f"{self.street_address}, {self.city}, {self.region} {self.postal_code}"
