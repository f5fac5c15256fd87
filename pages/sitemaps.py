"""sitemap.xml: published content only, with last-modified dates, and each page's versions in other languages
(``hreflang`` alternates, listed both ways, with English as x-default)."""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import resolve, reverse
from django.utils import translation

from center.models import Notice

from .models import Article, ContentPage, Person, Program, Topic


class EveryLanguageSitemap(Sitemap):
    """Pages every language has at the same address under its prefix, each naming the others."""

    i18n = True
    alternates = True
    x_default = True


class StaticViewSitemap(EveryLanguageSitemap):
    """Pages drawn by a view of their own, which each language has."""

    def items(self):
        return [
            "pages:home",
            "pages:article_list",
            "pages:insurance",
            "pages:families",
            "pages:team",
            *(f"pages:{kind.value}" for kind in Notice.Kind),
            "pages:language-assistance",
            "pages:self-check",
            "contact:form",
        ]

    def location(self, item):
        return reverse(item)


class TranslatedItemSitemap(Sitemap):
    """Items each written in one language: an item's alternates are its published versions in the others."""

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page, site, protocol)
        families = {}
        for url in urls:
            item = url["item"]
            families.setdefault(item.translation_of_id or item.pk, {})[item.language] = url["location"]
        for url in urls:
            item = url["item"]
            versions = families[item.translation_of_id or item.pk]
            if len(versions) > 1:
                url["alternates"] = [{"location": loc, "lang_code": code} for code, loc in sorted(versions.items())]
                if settings.LANGUAGE_CODE in versions:
                    url["alternates"].append({"location": versions[settings.LANGUAGE_CODE], "lang_code": "x-default"})
        return urls


class ArticleSitemap(TranslatedItemSitemap):
    def items(self):
        return Article.objects.published().filter(noindex=False)

    def lastmod(self, article):
        return article.updated_at


class ContentPageSitemap(TranslatedItemSitemap):
    model = ContentPage

    def items(self):
        return self.model.objects.published().filter(noindex=False)

    def lastmod(self, page):
        return page.updated_at


def _url_name(page):
    with translation.override(page.language):  # its address resolves in its own language
        return resolve(page.get_absolute_url()).url_name


class StandingPageSitemap(ContentPageSitemap):
    """Content pages at ``/<slug>/``. The words of a page with a view of its own (insurance, families) are not
    listed again: StaticViewSitemap lists that page, which stands with or without them."""

    def items(self):
        return [page for page in super().items() if _url_name(page) == "page"]


class ProgramSitemap(ContentPageSitemap):
    model = Program


class TopicSitemap(EveryLanguageSitemap):
    """Topics with a published article, in any language: a topic's page lists that language's articles."""

    def items(self):
        return Topic.objects.filter(articles__in=Article.objects.published()).distinct()


class PersonSitemap(EveryLanguageSitemap):
    """Pages of the people on the team and of those who wrote or reviewed a published article."""

    def items(self):
        return Person.objects.with_public_page()


sitemaps = {
    "static": StaticViewSitemap,
    "pages": StandingPageSitemap,
    "programs": ProgramSitemap,
    "articles": ArticleSitemap,
    "topics": TopicSitemap,
    "people": PersonSitemap,
}
