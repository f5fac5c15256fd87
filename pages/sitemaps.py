"""sitemap.xml: published content only, with last-modified dates."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import Article, ContentPage, Topic


class StaticViewSitemap(Sitemap):
    def items(self):
        return ["pages:home", "pages:article_list", "contact:form"]

    def location(self, item):
        return reverse(item)


class ArticleSitemap(Sitemap):
    def items(self):
        return Article.objects.published()

    def lastmod(self, article):
        return article.updated_at


class ContentPageSitemap(Sitemap):
    def items(self):
        return ContentPage.objects.published()

    def lastmod(self, page):
        return page.updated_at


class TopicSitemap(Sitemap):
    def items(self):
        return Topic.objects.filter(articles__in=Article.objects.published()).distinct()


sitemaps = {
    "static": StaticViewSitemap,
    "pages": ContentPageSitemap,
    "articles": ArticleSitemap,
    "topics": TopicSitemap,
}
