"""Counting what one client does, in the cache, where the client is known only by a keyed hash of its address.

The contact form limits inquiries with it, and search analytics the queries one client can add. Each event is
counted twice: in the shared cache, which every app server sees, and in this process's own memory. The shared
count is the one that matters; the local one never exceeds it, but still holds the limit per process while Redis
is down and the shared count reads as zero.
"""

from django.core.cache import caches
from django.utils.crypto import salted_hmac

from .http import client_address

COUNTERS = ("default", "local")


def client_key(scope, request, detail=""):
    """The cache key for this client (and ``detail``) in ``scope``: a salted hash, so no raw address is kept."""
    message = f"{client_address(request)}\n{detail}" if detail else client_address(request)
    return f"{scope}:" + salted_hmac(scope, message, algorithm="sha256").hexdigest()


def limit_reached(scope, request, limit):
    """True when this client has already been counted ``limit`` times in ``scope``'s current window."""
    key = client_key(scope, request)
    return any((caches[alias].get(key) or 0) >= limit for alias in COUNTERS)


def count(scope, request, window):
    """Count one event of this client's in ``scope``; the first one opens a window of ``window`` seconds."""
    key = client_key(scope, request)
    for alias in COUNTERS:
        counter = caches[alias]
        if not counter.add(key, 1, window):
            try:
                counter.incr(key)
            except ValueError:  # the window expired between add() and incr(), or the cache is unreachable
                counter.add(key, 1, window)
