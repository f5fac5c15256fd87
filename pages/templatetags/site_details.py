"""``{{ site.postal_code|as_shown }}``: a detail of the site settings as a page shows it."""

from django import template
from django.utils.translation import gettext

from center.models import SiteSettings

register = template.Library()


@register.filter
def as_shown(value):
    """A placeholder staff have not replaced yet ("[ZIP]") in the page's language; a real detail as staff wrote it."""
    return gettext(value) if value in SiteSettings.PLACEHOLDERS else value
