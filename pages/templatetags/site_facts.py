"""The center's facts as a page in the visitor's language shows them: staff's words and the phone number.

{% load site_facts %}
{% visitor_text site "self_pay_html" as self_pay %}
{% if self_pay %}<div class="prose"{{ self_pay|lang_attribute }}>{{ self_pay.text|safe }}</div>{% else %}…{% endif %}
Call {% phone_link %}.
"""

from django import template
from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import gettext

from center import translation as translation_of_texts
from pages.templatetags.languages import in_language, lang_attr

register = template.Library()


@register.simple_tag
def visitor_text(record, field):
    """Staff's words ``field`` of ``record`` in the page's language, else in English, else None
    (center/translation.py)."""
    return translation_of_texts.visitor_text(record, field)


@register.filter
def lang_attribute(text):
    """`` lang="en"`` for words in another language than the page's (WCAG 3.1.2), nothing for the page's own."""
    return lang_attr(text.language)


def phone_link_for(site):
    """The center's number as a link that dials it, or a placeholder in the page's language while it is not set.

    The placeholder names its language: it can stand inside a sentence in another (a tagline in Hmong).
    """
    if not site.phone.strip():
        return format_html(
            '<span class="fact-placeholder" lang="{}">{}</span>',
            translation.get_language(),
            gettext("[Phone number not yet set]"),
        )
    return format_html('<a href="{}">{}</a>', site.phone_href, site.phone)


@register.simple_tag(takes_context=True)
def phone_link(context):
    return phone_link_for(context["site"])


@register.filter
def with_phone(tagline, phone_html):
    """A language-assistance tagline with the center's number in it (pages/language_assistance.py)."""
    return tagline.with_phone(phone_html)


@register.filter
def inline_text(text):
    """Plain words within a line: escaped, in a ``<span lang>`` only when in another language than the page's."""
    return in_language(text.text, text.language)


@register.filter
def translated(record, field):
    """Staff's words ``field`` of ``record`` within a line, in the page's language: in English, marked as English,
    until they are translated; empty when there are none."""
    text = translation_of_texts.visitor_text(record, field)
    return inline_text(text) if text else ""
