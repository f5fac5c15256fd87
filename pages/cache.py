"""Whole-page cache for public pages, shared by every app server through Django's cache (Redis in production).

Every cached page is stored with the content *generation* it was rendered in, a number kept in the same cache.
``content_changed()`` bumps it whenever content is saved or deleted (the signal hooks are listed at the bottom of
this module), so the very next request on any server finds its copy out of date and renders afresh. The page and
the generation are read in one round trip, by a middleware early in the stack, so a hit skips most of Django.
This is also why no public page may carry a CSP nonce: a page with one is never stored.
A scheduled article has no save event when its time comes, nor has a notice version dated ahead when its day
comes, so no page is cached past the next scheduled publication or the next notice's first day; nor, since every
footer states the licenses and accreditations in force, past the midnight on which one starts or ends (an expired
license is never shown as current, from the cache or otherwise).

Pages are identical for every visitor (no nonce, no CSRF token, nothing per user), which is what makes sharing
them safe. Pages with a form, previews and drafts never come through here.

A page is keyed on its language, its address and the query parameters its view declares it reads, nothing else: the
about page with ``?page=7`` or ``?utm_source=…`` is the one copy of the about page. A list answers 404 to a page number
that names none of its pages, and only a 200 is stored, so the number of copies stays the number of pages the
site has, whatever a flood of query strings sends. The address is the site's own (``site_origin``: SITE_URL, or the
host in the one spelling browsers use), never the Host header as sent: Django accepts any port, letter case and
trailing dot on an allowed host.
"""

import datetime
import functools
import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.urls import Resolver404, resolve
from django.utils import timezone, translation
from django.utils.cache import get_conditional_response
from django.utils.http import parse_http_date_safe

from center.models import Accreditation, License, Notice, OpeningHours, Payer, SiteSettings
from restoration.cache import reconnected
from restoration.http import names_site_origin, site_origin

from .models import Article, ContentPage, Person, Program, ProgramSession, Topic

GENERATION_KEY = "pages:generation"
CONDITIONAL_HEADERS = {"HTTP_IF_NONE_MATCH", "HTTP_IF_MODIFIED_SINCE", "HTTP_IF_MATCH", "HTTP_IF_UNMODIFIED_SINCE"}


def content_generation():
    """The current content generation: a number that changes with every change of content.

    It starts from the clock, also when the cache was emptied (a Redis restart), so that it never again takes a value
    it had before: each process keeps the frame's fragments under the generation they were rendered in.
    """
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        start = time.time_ns() // 1000
        cache.add(GENERATION_KEY, start, None)
        generation = cache.get(GENERATION_KEY, start)
    return generation


def _bump_generation():
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # the key was evicted or never set: any new value invalidates the old pages
        cache.add(GENERATION_KEY, time.time_ns() // 1000, None)


def content_changed():
    """Make every cached page stale: now, and again once the surrounding transaction commits.

    The second bump matters: a request served between the write and its commit could otherwise cache the old
    content under the new generation.
    """
    _bump_generation()
    transaction.on_commit(_bump_generation)


def _next_notice_start():
    """The moment the next notice version dated ahead takes effect (the start of its day, local time), or None."""
    upcoming = Notice.objects.filter(effective_on__gt=timezone.localdate()).order_by("effective_on")
    day = upcoming.values_list("effective_on", flat=True).first()
    return day and timezone.make_aware(datetime.datetime.combine(day, datetime.time.min)).timestamp()


def _seconds_until_next_publication(generation):
    """Seconds until the next scheduled article or page goes live or a notice takes effect, or None; remembered
    per generation."""
    key = f"pages:next-publication:{generation}"
    when = cache.get(key)
    if when is None:
        upcoming = [
            model.objects.scheduled().order_by().values_list("published_at", flat=True)
            for model in (Article, ContentPage, Program)
        ]
        first = upcoming[0].union(*upcoming[1:]).order_by("published_at").first()
        when = min(filter(None, [first and first.timestamp(), _next_notice_start()]), default=0)
        # Forgotten when that moment comes, so the one after it is looked up then.
        lifetime = settings.PAGE_CACHE_SECONDS if not when else min(settings.PAGE_CACHE_SECONDS, when - time.time())
        cache.set(key, when, max(1, int(lifetime)))
    if not when:
        return None
    return when - time.time()


def lifetime_in_generation(seconds, generation):
    """``seconds``, or fewer if a scheduled item goes live sooner: how long anything drawn from content may be kept."""
    until_next = _seconds_until_next_publication(generation)
    return seconds if until_next is None else min(seconds, int(until_next))


def _seconds_until_credentials_change():
    """Seconds until the local midnight on which a license or accreditation starts or stops being in force, or None.

    Read from the site settings record the footer itself is drawn from (cached, so usually no query).
    """
    site = SiteSettings.load()
    today = timezone.localdate()
    days = [day for record in (*site.licenses, *site.accreditations) if (day := record.next_change(today))]
    if not days:
        return None
    midnight = timezone.make_aware(datetime.datetime.combine(min(days), datetime.time.min))
    return midnight.timestamp() - time.time()


def page_lifetime(generation, seconds=None):
    """How long a page (or a part of the frame) rendered now may be served from the cache: ``seconds`` (by default
    PAGE_CACHE_SECONDS), or until content changes on its own (a scheduled publication, a license or accreditation
    starting or ending), whichever comes first."""
    seconds = lifetime_in_generation(settings.PAGE_CACHE_SECONDS if seconds is None else seconds, generation)
    until_change = _seconds_until_credentials_change()
    return seconds if until_change is None else min(seconds, int(until_change))


# This process's latest answer of page_lifetime() for the frame: {generation: (when asked, until when it holds)}.
_frame_deadline = {}


def frame_lifetime(request):
    """(generation, seconds): what the frame's fragments rendered for ``request`` are keyed on and how long they may
    be kept (pages/templatetags/frame.py); (0, 0) while FRAME_CACHE_SECONDS is 0.

    One cache read per request (the generation). What page_lifetime() answers is remembered as a moment, until that
    moment or the next generation: asking it again on every page would cost two more reads of Redis.
    """
    if "_frame_lifetime" not in request.__dict__:
        seconds = settings.FRAME_CACHE_SECONDS
        if seconds <= 0:
            request._frame_lifetime = (0, 0)
            return request._frame_lifetime
        generation, now = content_generation(), time.time()
        asked, until = _frame_deadline.get(generation, (None, None))
        if asked is None or not asked <= now < until:  # also when the clock went back
            asked, until = now, now + page_lifetime(generation, seconds)
            _frame_deadline.clear()
            _frame_deadline[generation] = (asked, until)
        request._frame_lifetime = (generation, int(until - now))
    return request._frame_lifetime


@functools.lru_cache(maxsize=2048)
def _parameters_read(urlconf, language, path):
    """The query parameters the view at ``path`` reads, or None when it does not share its pages.

    Remembered: resolving an address is a fifth of what a page served from the cache costs, and its answer changes
    only with the code (the URLs, keyed by ``urlconf``) and the language (the /es/ prefix). The last few thousand
    addresses asked about are kept, so a flood of made-up ones costs memory that stays bounded.
    """
    try:
        view = resolve(path, urlconf).func
    except Resolver404:
        return None
    return getattr(view, "page_query_parameters", None)


def _page_key(request):
    """The cache key of the page at this address, or None when the view there does not share its pages."""
    parameters_read = _parameters_read(settings.ROOT_URLCONF, translation.get_language(), request.path_info)
    if parameters_read is None:
        return None
    params = sorted((name, request.GET[name]) for name in parameters_read if name in request.GET)
    # The address already says the language (/es/…); the key says it too, so that no change of URLs could ever
    # hand one language's page to a visitor of the other.
    address = f"{translation.get_language()}:{site_origin(request)}{request.path}?{params}"
    return f"pages:page:{hashlib.sha256(address.encode()).hexdigest()}"


def _set_etag(response):
    response["ETag"] = f'"{hashlib.md5(response.content, usedforsecurity=False).hexdigest()}"'


def _finish(request, response):
    """Give a rendered page its ETag, and answer If-None-Match / If-Modified-Since with 304 when it has not changed."""
    if response.status_code != 200:
        return response
    if "ETag" not in response:
        _set_etag(response)
    if CONDITIONAL_HEADERS & request.META.keys():
        last_modified = parse_http_date_safe(response.get("Last-Modified", ""))
        response = get_conditional_response(
            request, etag=response["ETag"], last_modified=last_modified, response=response
        )
    # Browsers may keep the page but must ask each time; the ETag makes asking cheap.
    response["Cache-Control"] = "no-cache"
    return response


def cache_public_page(view=None, *, query_parameters=()):
    """Mark a view's pages as the same for every visitor, so PageCacheMiddleware may share them (with ETag, 304).

    ``query_parameters`` names every query parameter the view reads; the view must answer anything but 200 to a
    value that shows no page of its own (a page number that is not one of its pages), or each would be stored.
    """
    if view is None:
        return functools.partial(cache_public_page, query_parameters=query_parameters)

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response.is_public_page = True
        return response

    wrapper.page_query_parameters = tuple(query_parameters)  # copied onto the decorators around it by wraps()
    return wrapper


def _shareable(response):
    """Never share a response that sets a cookie, depends on one, or carries a per-request CSP nonce."""
    return (
        not response.cookies
        and "cookie" not in response.get("Vary", "").lower()
        and "'nonce-" not in response.get("Content-Security-Policy", "")
    )


class PageCacheMiddleware:
    """Answer public pages from the shared cache before sessions, CSRF and auth run.

    It sits right after whitenoise and LocaleMiddleware: the security headers added by the middleware listed before
    it are added to every answer, cached or not; those added by the ones after it (CSP, X-Frame-Options) are stored
    with the page. It resolves the address itself, to key the page on what its view reads; only responses of views
    marked ``@cache_public_page`` are looked up and stored.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        key = _page_key(request) if settings.PAGE_CACHE_SECONDS > 0 else None
        if key:
            found = cache.get_many([GENERATION_KEY, key])
            generation = found.get(GENERATION_KEY) or content_generation()
            stored_generation, content, headers = found.get(key, (None, None, None))
            if stored_generation == generation:
                return _finish(request, HttpResponse(content, headers=headers))
        response = self.get_response(request)
        if response.status_code != 200 or not getattr(response, "is_public_page", False):
            return response
        _set_etag(response)
        # Stored only from a request to the site's own address, since the page names the host it was asked on
        # (canonical link, JSON-LD): one copy per page, whatever spelling of the host a flood sends.
        if key and _shareable(response) and names_site_origin(request):
            timeout = page_lifetime(generation)
            if timeout > 0:
                cache.set(key, (generation, response.content, dict(response.headers)), timeout)
        return _finish(request, response)


def connect_invalidation():
    """Call ``content_changed()`` on every write to content a public page shows (from PagesConfig.ready)."""

    def changed(**kwargs):
        content_changed()

    for model in (Article, ContentPage, Person, Program, ProgramSession, SiteSettings, Topic, Payer, Notice):
        post_save.connect(changed, sender=model, weak=False, dispatch_uid=f"pages-cache-save-{model.__name__}")
        post_delete.connect(changed, sender=model, weak=False, dispatch_uid=f"pages-cache-delete-{model.__name__}")
    # Every page's footer shows these, through the site settings record (which the center app reads afresh).
    for model in (OpeningHours, License, Accreditation):
        for signal, name in ((post_save, "save"), (post_delete, "delete")):
            signal.connect(changed, sender=model, weak=False, dispatch_uid=f"pages-cache-{name}-{model.__name__}")
    m2m_changed.connect(changed, sender=Article.topics.through, weak=False, dispatch_uid="pages-cache-topics")

    def redis_is_back(**kwargs):
        # An edit made while Redis could not be reached lost its invalidation; a Redis that kept its data would
        # otherwise serve the old pages once it answers again.
        _bump_generation()

    reconnected.connect(redis_is_back, weak=False, dispatch_uid="pages-cache-redis-back")
