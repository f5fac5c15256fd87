"""The center's site settings record, which every page's frame (header, footer, call bar) reads as ``site``."""

from .models import SiteSettings


def site_settings(request):
    """``site``: the record, from the cache when possible."""
    return {"site": SiteSettings.load()}


def last_loaded_site_settings():
    """``site`` as this process last loaded it (or None), for an error page drawn without the database or cache."""
    return {"site": SiteSettings.last_loaded}
