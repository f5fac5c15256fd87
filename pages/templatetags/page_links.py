"""``{% page_links as page_links %}``: where the frame's links to content pages (About, Privacy…) lead.

A Spanish page links to a content page's Spanish translation once one is published, and until then to the
English original, marked ``hreflang="en"`` (the link's words stay in the page's language). Which translations
exist is asked only on a page in another language than English, and once per content generation.
"""

from dataclasses import dataclass
from functools import cached_property

from django import template
from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError
from django.urls import reverse
from django.utils import translation

from pages.cache import content_generation, lifetime_in_generation
from pages.models import ContentPage

register = template.Library()


@dataclass(frozen=True)
class PageLink:
    url: str
    language: str  # the language of the page it leads to


class PageLinks:
    """``page_links.<slug>``: the link to the content page an English slug names, from a page in ``language``."""

    def __init__(self, language):
        self.language = language

    @cached_property
    def _translations(self):
        """{original's slug: the translation's address} for the content pages published in this language.

        Kept in the shared cache for the content generation (as long as a page drawn from content may be kept), so a
        Spanish page costs no more queries than an English one.
        """
        if self.language == settings.LANGUAGE_CODE:
            return {}
        try:
            generation = content_generation()
            key = f"pages:translated-pages:{self.language}:{generation}"
            found = cache.get(key)
            if found is None:
                published = ContentPage.objects.published().in_language(self.language).exclude(translation_of=None)
                found = {
                    page.translation_of.slug: page.get_absolute_url()
                    for page in published.select_related("translation_of")
                }
                cache.set(key, found, lifetime_in_generation(settings.PAGE_CACHE_SECONDS, generation))
            return found
        except DatabaseError:  # the outage page (restoration.views.server_error): the originals' links still work
            return {}

    def __getitem__(self, slug):
        if slug in self._translations:
            return PageLink(self._translations[slug], self.language)
        with translation.override(settings.LANGUAGE_CODE):
            return PageLink(reverse("pages:page", args=[slug]), settings.LANGUAGE_CODE)


@register.simple_tag
def page_links():
    return PageLinks(translation.get_language())


@register.filter
def leads_to(link, path):
    """``link|leads_to:request.path``: whether the link leads to the page being shown (for aria-current)."""
    return link.url == path
