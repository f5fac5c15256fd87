"""Editor-managed redirects (django.contrib.redirects) that never send visitors off the site.

A redirect's target must be a path on this site or an https address on a host in ``REDIRECT_ALLOWED_HOSTS``, so
an old address cannot be pointed at a look-alike site. The admin's form says so to the editor; the fallback
middleware applies the same rule to every row, including one made in the shell or loaded from a fixture.
"""

import logging
from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.contrib.redirects.admin import RedirectAdmin as DjangoRedirectAdmin
from django.contrib.redirects.middleware import RedirectFallbackMiddleware
from django.contrib.redirects.models import Redirect
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponsePermanentRedirect
from django.utils.http import url_has_allowed_host_and_scheme

logger = logging.getLogger(__name__)


def _without_spaces_or_controls(value):
    # Such an address could never match a request, and a newline would break the Location header.
    return value.isprintable() and " " not in value


def is_site_path(value):
    """Whether ``value`` is a path on this site, like ``/articles/sleep/?page=2``: one leading slash, no host."""
    return (
        _without_spaces_or_controls(value)
        and value.startswith("/")
        # This also sees through "//host" and "/\host", which browsers read as another site.
        and url_has_allowed_host_and_scheme(value, allowed_hosts=None)
    )


def is_allowed_target(url):
    """Whether a redirect to ``url`` keeps visitors on this site or sends them to one of ``REDIRECT_ALLOWED_HOSTS``."""
    return is_site_path(url) or (
        _without_spaces_or_controls(url)
        and url_has_allowed_host_and_scheme(url, allowed_hosts=set(settings.REDIRECT_ALLOWED_HOSTS), require_https=True)
        and urlsplit(url).scheme == "https"  # not a relative address like "articles/", which the check above allows
    )


def target_rule():
    """What an editor may enter as a redirect's target, in words."""
    rule = "Enter a path on this site, starting with / (like /articles/sleep-and-recovery/)"
    if settings.REDIRECT_ALLOWED_HOSTS:
        rule += f", or an https:// address on {', '.join(settings.REDIRECT_ALLOWED_HOSTS)}"
    return rule + ". Leave it empty to tell visitors the old page is gone."


class RedirectForm(forms.ModelForm):
    class Meta:
        model = Redirect
        fields = ["site", "old_path", "new_path"]
        help_texts = {
            "old_path": "The old address as a path on this site, without the domain, like /2019/05/old-post/.",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_path"].help_text = target_rule()

    def clean_old_path(self):
        old_path = self.cleaned_data["old_path"]
        if not is_site_path(old_path):
            raise ValidationError(
                "Enter the old address as a path on this site, without the domain and without spaces, starting "
                "with a single / (like /2019/05/old-post/)."
            )
        return old_path

    def clean_new_path(self):
        new_path = self.cleaned_data["new_path"]
        if new_path and not is_allowed_target(new_path):
            raise ValidationError(f"Visitors can only be sent to this site. {target_rule()}")
        return new_path

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("old_path") and cleaned_data.get("old_path") == cleaned_data.get("new_path"):
            self.add_error("new_path", "This would send visitors back to the address they came from.")
        return cleaned_data


class RedirectAdmin(DjangoRedirectAdmin):
    """Django's redirect admin with a form that keeps every target on this site."""

    form = RedirectForm


class OnSiteRedirectFallbackMiddleware(RedirectFallbackMiddleware):
    """Django's redirect fallback (consulted only when a page answers 404), following on-site redirects only."""

    def response_redirect_class(self, new_path):
        """The 301 for a stored redirect (Django's middleware calls this with the row's target)."""
        if not is_allowed_target(new_path):
            # A row the admin's form would refuse: the visitor gets the "page not found" page instead.
            logger.warning(
                "A redirect to %r was not followed: it leaves the site (see REDIRECT_ALLOWED_HOSTS).", new_path
            )
            raise Http404("This redirect leaves the site.")
        return HttpResponsePermanentRedirect(new_path)
