"""Hands the site-wide settings record to every template."""

from .models import SiteSettings


def site_settings(request):
    return {"site": SiteSettings.load()}
