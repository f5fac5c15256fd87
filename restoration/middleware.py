"""Response headers Django's own SecurityMiddleware does not set, the branded 405 page, and HEAD without a body."""

from django.conf import settings
from django.shortcuts import render


class PermissionsPolicyMiddleware:
    """Add a restrictive Permissions-Policy: the site needs no camera, location or sensors."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


class FriendlyMethodNotAllowedMiddleware:
    """Give Django's bare 405 responses the site's branded error page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 405 and not response.content:
            friendly = render(request, "405.html", status=405)
            friendly["Allow"] = response["Allow"]
            return friendly
        return response


class HeadWithoutBodyMiddleware:
    """Answer HEAD with the headers GET would have and no body.

    Django's views write the body for HEAD as for GET; gunicorn drops it, but logs a warning for each one, and
    uptime monitors probe by HEAD. First in MIDDLEWARE, so it sees every answer, the health checks' too.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method == "HEAD":
            if response.streaming:
                response.streaming_content = []
            else:
                response.headers.setdefault("Content-Length", str(len(response.content)))
                response.content = b""
        return response
