"""``{{ site.postal_code|as_shown }}``, ``{{ site.phone|unbroken }}``: a detail of the site settings as a page shows
it."""

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext

from center.models import SiteSettings

register = template.Library()


@register.filter
def as_shown(value):
    """A placeholder staff have not replaced yet ("[ZIP]") in the page's language; a real detail as staff wrote it."""
    return gettext(value) if value in SiteSettings.PLACEHOLDERS else value


@register.filter
def unbroken(value):
    """A detail kept on one line wherever the words around it wrap: a phone number broken after its dash misreads."""
    return format_html('<span class="unbroken">{}</span>', value)
