"""sitemap.xml: published content only, with last-modified dates."""

from django.contrib.sitemaps import Sitemap
from django.urls import resolve, reverse

from .models import Article, ContentPage, Notice, Person, Program, Topic


class StaticViewSitemap(Sitemap):
    def items(self):
        return [
            "pages:home",
            "pages:article_list",
            "pages:insurance",
            "pages:families",
            "pages:team",
            *(f"pages:{kind.value}" for kind in Notice.Kind),
            "contact:form",
        ]

    def location(self, item):
        return reverse(item)


class ArticleSitemap(Sitemap):
    def items(self):
        return Article.objects.published().filter(noindex=False)

    def lastmod(self, article):
        return article.updated_at


class ContentPageSitemap(Sitemap):
    model = ContentPage

    def items(self):
        return self.model.objects.published().filter(noindex=False)

    def lastmod(self, page):
        return page.updated_at


class StandingPageSitemap(ContentPageSitemap):
    """Content pages at ``/<slug>/``. The words of a page with a view of its own (insurance, families) are not
    listed again: StaticViewSitemap lists that page, which stands with or without them."""

    def items(self):
        return [page for page in super().items() if resolve(page.get_absolute_url()).url_name == "page"]


class ProgramSitemap(ContentPageSitemap):
    model = Program


class TopicSitemap(Sitemap):
    def items(self):
        return Topic.objects.in_use()


class PersonSitemap(Sitemap):
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
