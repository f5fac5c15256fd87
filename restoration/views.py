"""The project's own views: the error pages every app falls back on, and ``/.well-known/security.txt``.

They belong to no app: Django calls the first three itself (``handler500``, ``handler400``, ``CSRF_FAILURE_VIEW``), and
security.txt (RFC 9116) speaks for the whole site. They read the center's site settings as every template does,
through the center's context processor.
"""

import datetime
import sys

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.utils import timezone, translation
from django.views.decorators.http import require_safe

from center.context_processors import last_loaded_site_settings, site_settings

from .health import DATABASE_UNREACHABLE

EXPIRES_AFTER = datetime.timedelta(days=180)  # RFC 9116 asks for less than a year


@require_safe
def security_txt(request):
    site = site_settings(request)["site"]
    expires = (timezone.now() + EXPIRES_AFTER).replace(microsecond=0)
    lines = [
        f"Contact: mailto:{site.email}",
        f"Expires: {expires.astimezone(datetime.UTC).strftime('%Y-%m-%dT%H:%M:%SZ')}",
        "Preferred-Languages: en",
        f"Canonical: {request.build_absolute_uri()}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def language_of_address(request):
    """The language the address is in (/es/… is Spanish), as for every page: an error page answers in it too.

    Read from the path rather than taken as active, since an error may have been raised before LocaleMiddleware
    activated the request's language (a thread keeps the language of the request it served before).
    """
    return translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE


def bad_request(request, exception):
    """The branded 400 page. For a Host header the site does not serve (DisallowedHost), the page is drawn without
    the request: every use of the host on it (canonical link, alternates) would raise again, and make a 500 of it."""
    with translation.override(language_of_address(request)):
        if isinstance(exception, DisallowedHost):
            body = loader.render_to_string("400.html", site_settings(request))
        else:
            body = loader.render_to_string("400.html", request=request)
    return HttpResponseBadRequest(body)


def csrf_failure(request, reason=""):
    """A failed CSRF check, usually an expired form: the branded 403 page, never Django's debug text."""
    with translation.override(language_of_address(request)):
        return render(request, "403.html", status=403)


def server_error(request):
    """The branded 500 page, or the 503 page while the database cannot be reached; both show the phone numbers."""
    outage = isinstance(sys.exception(), DATABASE_UNREACHABLE)
    template = "503.html" if outage else "500.html"
    with translation.override(language_of_address(request)):
        try:
            # The frame afresh, never from or into its cache: what the outage leaves out must not be kept.
            body = loader.render_to_string(template, {"frame_fragments": False}, request=request)
        except Exception:  # the page itself failed (the site settings live in the database): no context processors
            body = loader.render_to_string(template, last_loaded_site_settings())
    if not outage:
        return HttpResponseServerError(body)
    response = HttpResponse(body, status=503)
    response["Retry-After"] = "30"
    return response
