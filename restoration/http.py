"""Facts about the HTTP request that more than one app needs."""

from django.conf import settings


def client_address(request):
    """The visitor's address: REMOTE_ADDR, or the entry our own trusted proxies added to X-Forwarded-For.

    Entries further left were written by the client and can be forged, so they are never used.
    """
    trusted = settings.CONTACT_TRUSTED_PROXY_COUNT
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if trusted and len(forwarded) >= trusted:
        return forwarded[-trusted]
    return request.META.get("REMOTE_ADDR", "")
