"""Content models: articles, topics, content pages and the site-wide settings record."""

from django.core.cache import cache
from django.db import models
from django.urls import reverse
from django.utils import timezone

from .markdown import render_markdown


class PublishableQuerySet(models.QuerySet):
    def published(self):
        """The single definition of "visible to the public": published and not scheduled ahead."""
        return self.filter(status=Publishable.Status.PUBLISHED, published_at__lte=timezone.now())


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
    body = models.TextField(help_text="Markdown. Use ## for section headings.")
    body_html = models.TextField(editable=False, default="")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    published_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PublishableQuerySet.as_manager()

    class Meta:
        abstract = True

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        # Rendered once here so no request ever pays for Markdown or sanitising.
        self.body_html = render_markdown(self.body)
        super().save(*args, **kwargs)


class Topic(models.Model):
    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("pages:topic", args=[self.slug])


class Article(Publishable):
    slug = models.SlugField(max_length=200, unique=True)
    topics = models.ManyToManyField(Topic, blank=True, related_name="articles")
    hero_image_alt = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-published_at", "-pk"]
        indexes = [models.Index(fields=["status", "published_at"])]

    def get_absolute_url(self):
        return reverse("pages:article", args=[self.slug])


class ContentPage(Publishable):
    """A standing page: the program page, About, Privacy, Accessibility, Confidentiality."""

    class Section(models.TextChoices):
        TOP = "", "Top level (/<slug>/)"
        PROGRAMS = "programs", "Programs (/programs/<slug>/)"

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

    @classmethod
    def load(cls):
        """The record, from the cache when possible (it is read on every page)."""
        record = cache.get(cls.CACHE_KEY)
        if record is None:
            record, _ = cls.objects.get_or_create(pk=1)
            cache.set(cls.CACHE_KEY, record, None)
        return record

    @property
    def phone_href(self):
        """The phone number as a ``tel:`` link target (digits only, US country code)."""
        digits = "".join(ch for ch in self.phone if ch.isdigit())
        if len(digits) == 10:
            digits = "1" + digits
        return f"tel:+{digits}"

    @property
    def full_address(self):
        return f"{self.street_address}, {self.city}, {self.region} {self.postal_code}"
