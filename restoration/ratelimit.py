"""Counting what one client does, in the cache, where the client is known only by a keyed hash of its address.

The contact form limits inquiries with it, and search analytics the queries one client can add. Each event is
counted twice: in the shared cache, which every app server sees, and in this process's own memory. The shared
count is the one that matters; the local one stands in for it, per process, while Redis is down and the shared
count cannot be read.
"""

from django.core.cache import caches
from django.utils.crypto import salted_hmac

from .http import client_counted_address

COUNTERS = ("default", "local")


def client_key(scope, request, detail=""):
    """The cache key for this client (and ``detail``) in ``scope``: a salted hash, so no raw address is kept."""
    counted = client_counted_address(request)
    message = f"{counted}\n{detail}" if detail else counted
    return f"{scope}:" + salted_hmac(scope, message, algorithm="sha256").hexdigest()


def limit_reached(scope, request, limit):
    """True when this client has already been counted ``limit`` times in ``scope``'s current window."""
    key = client_key(scope, request)
    return any((caches[alias].get(key) or 0) >= limit for alias in COUNTERS)


def _count_in(counter, key, window):
    """Add one to ``key`` in ``counter``, starting a window when there is none; the new count, or None when the
    counter cannot be reached."""
    if counter.add(key, 1, window):
        return 1
    try:
        return counter.incr(key)
    except ValueError:  # the window expired between add() and incr(), or the cache is unreachable
        return 1 if counter.add(key, 1, window) else None


def count(scope, request, window):
    """Count one event of this client's in ``scope`` and return the count so far, this one included.

    The increment is atomic, so parallel requests each see their own number: a caller that counts first and
    refuses above its limit cannot be overrun. The first event opens a window of ``window`` seconds.
    """
    key = client_key(scope, request)
    shared, local = (_count_in(caches[alias], key, window) for alias in COUNTERS)
    return local if shared is None else shared
