"""The page's versions in the site's languages, for the language switcher and the ``hreflang`` alternates.

A page drawn from one item (an article, a content page, a program) exists in the languages it has been
translated into: its view hands the template ``translations`` ({language: item}, ``Publishable.language_versions``).
Any other page is drawn by a view that every language has, at the same address under its prefix.
"""

from dataclasses import dataclass

from django import template
from django.conf import settings
from django.urls import reverse, translate_url
from django.utils import translation
from django.utils.html import conditional_escape, format_html

register = template.Library()


# Where the switcher leads from a page that has no version in the other language: the list the page belongs to
# there, so a reader lands among pages like the one she left, not back at the start.
NEAREST_PAGE = {"pages:article": "pages:article_list"}
# Pages whose query means the same in every language: a search switched to Spanish searches the same words there.
SAME_QUERY = {"search:results"}


@dataclass(frozen=True)
class LanguageVersion:
    code: str
    name: str  # in its own language: "Español"
    url: str | None  # this page in that language, or None when it has no version there
    current: bool
    view_name: str = ""  # the URL name of the page shown

    @property
    def nearest_url(self):
        """This page's list in that language (the articles, for an article), or else that language's home page."""
        with translation.override(self.code):
            return reverse(NEAREST_PAGE.get(self.view_name, "pages:home"))


def _url_in(code, context, request):
    translations = context.get("translations")
    if translations is not None:
        item = translations.get(code)
        return item.get_absolute_url() if item else None
    current = translation.get_language()
    if code == current:
        return request.path
    url = translate_url(request.path, code)
    if url == request.path:  # not an address of the site's own (a 404 page)
        return None
    if request.resolver_match and request.resolver_match.view_name in SAME_QUERY and request.GET:
        return f"{url}?{request.GET.urlencode()}"
    return url


@dataclass(frozen=True)
class LanguageVersions:
    versions: list[LanguageVersion]  # in the order of settings.LANGUAGES

    @property
    def others(self):
        """The languages the switcher offers: each links to this page there, or else to the nearest page there."""
        return [version for version in self.versions if not version.current]

    @property
    def alternates(self):
        """[(hreflang, url)] for the <head>: every version there is, and English as x-default; none for a page in
        one language only."""
        found = [(version.code, version.url) for version in self.versions if version.url]
        if len(found) < 2:
            return []
        return [*found, *(("x-default", url) for code, url in found if code == settings.LANGUAGE_CODE)]


@register.simple_tag(takes_context=True)
def language_versions(context):
    request = context.get("request")
    current = translation.get_language()
    match = request and request.resolver_match
    view_name = match.view_name if match else ""
    return LanguageVersions(
        [
            LanguageVersion(
                code, name, _url_in(code, context, request) if request else None, code == current, view_name
            )
            for code, name in settings.LANGUAGES
        ]
    )


@register.simple_tag
def lang_attr(code=settings.LANGUAGE_CODE):
    """`` lang="…"`` for an element whose text is written in ``code`` on a page in another language (WCAG 3.1.2):
    an editor's text with no translation, such as a topic's name or a person's bio, is in the site's own language,
    the default. Nothing when the page is in that language."""
    if code == translation.get_language():
        return ""
    return format_html(' lang="{}"', code)


def in_language(words, code):
    """``words`` written in ``code``, escaped, inside a ``<span lang>`` only on a page in another language."""
    if code == translation.get_language():
        return conditional_escape(words)
    return format_html('<span lang="{}">{}</span>', code, words)


@register.filter
def in_english(text):
    """Words staff wrote in English (an accreditation's body and scope), marked as English on a page in another
    language (WCAG 3.1.2); as they are on an English page."""
    return in_language(text, settings.LANGUAGE_CODE) if text else text
