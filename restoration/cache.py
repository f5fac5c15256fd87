"""The shared Redis cache, made to fail soft: while Redis cannot be used the site runs as if the cache were empty.

Nothing the site keeps in the cache is the only copy of anything (pages, the site-settings record, search
synonyms, rate-limit counters), so an outage should cost speed, never a page. Django's own Redis backend raises
instead, which would turn every page into a 500. "Cannot be used" is any error Redis gives: unreachable, timed
out, or refusing writes because it is full (maxmemory with nothing it may evict), read-only or still loading.
"""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from django.dispatch import Signal
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

UNUSABLE = (RedisError, OSError)
# After a failure each process leaves Redis alone this long, so an outage costs one failed attempt per process
# every few seconds rather than one per cache call; the first call after it tells whether Redis is back.
RETRY_AFTER_SECONDS = 5
# Written to tell whether Redis is back: a full Redis still answers a ping but refuses writes.
PROBE_KEY = "cache-probe"

# Sent by each process when Redis can be used again after it could not. Writes made meanwhile were lost,
# so anything that invalidates by writing to the cache (the page cache's content generation) must do so again.
reconnected = Signal()


class ResilientRedisCache(RedisCache):
    """Django's Redis cache; when Redis cannot be used, reads miss and writes are dropped (and logged once)."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._unusable_until = 0.0  # 0 while Redis answers

    def _attempt(self, operation, when_unusable, *args):
        if self._unusable_until and not self._answers_again():
            return when_unusable
        try:
            return operation(*args)
        except UNUSABLE as error:
            # Only the error's class (OutOfMemoryError, ConnectionError…): a message may quote a command's keys.
            logger.warning(
                "Redis cannot be used (%s); serving without the shared cache and retrying every %s s",
                type(error).__name__,
                RETRY_AFTER_SECONDS,
            )
            self._unusable_until = time.monotonic() + RETRY_AFTER_SECONDS
            return when_unusable

    def _answers_again(self):
        """After an outage, whether Redis is back; if so, listeners re-invalidate before anything is read."""
        if time.monotonic() < self._unusable_until:
            return False
        try:
            super().set(PROBE_KEY, 1, RETRY_AFTER_SECONDS)
        except UNUSABLE:
            self._unusable_until = time.monotonic() + RETRY_AFTER_SECONDS
            return False
        logger.warning("Redis answers again; the shared cache is back in use")
        self._unusable_until = 0.0
        reconnected.send(sender=self.__class__, cache=self)
        return True

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._attempt(super().add, False, key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._attempt(super().get, default, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._attempt(super().set, None, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._attempt(super().touch, False, key, timeout, version)

    def delete(self, key, version=None):
        return self._attempt(super().delete, False, key, version)

    def get_many(self, keys, version=None):
        return self._attempt(super().get_many, {}, keys, version)

    def has_key(self, key, version=None):
        return self._attempt(super().has_key, False, key, version)

    def incr(self, key, delta=1, version=None):
        value = self._attempt(super().incr, None, key, delta, version)
        if value is None:  # an unusable cache answers like an empty one
            raise ValueError(f"Key '{key}' not found.")
        return value

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._attempt(super().set_many, list(data), data, timeout, version)

    def delete_many(self, keys, version=None):
        self._attempt(super().delete_many, None, keys, version)

    def clear(self):
        return self._attempt(super().clear, False)
