"""Private search analytics: how often each query was searched per day, and how often it found nothing.

Nothing about the visitor is stored (see SearchCount); a query that could identify someone is never counted.
"""

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme

from restoration import ratelimit

from .models import SearchCount
from .query import words_of

# A query is counted only when it reads like a topic: no digits or @ (phone numbers, addresses, dates), a few
# words, a short text. Anything longer is more likely to describe a person than what the site should cover.
COUNTED_MAX_WORDS = 4
COUNTED_MAX_LENGTH = 40
COUNTED_RATE_SCOPE = "search:rate"  # queries a client added to the counts (restoration/ratelimit.py)
COUNTED_TODAY_SCOPE = "search:seen"  # a query this client was already counted for today
DAY_SECONDS = 24 * 60 * 60
# Queries one client address may add to the counts per hour; later searches work but are not counted, so no one
# alone can fill the table or lift a query over the reports' threshold.
COUNTED_PER_CLIENT = 20
COUNTED_WINDOW_SECONDS = 60 * 60


def counted_query(query):
    """The query as search analytics counts it (plain lower-case words), or "" when it could identify someone."""
    if "@" in query or any(character.isdigit() for character in query):
        return ""
    words = words_of(query)
    counted = " ".join(words)
    return counted if len(words) <= COUNTED_MAX_WORDS and len(counted) <= COUNTED_MAX_LENGTH else ""


def made_on_this_site(request):
    """True when the search was sent from one of the site's own pages, so another site cannot plant queries in the
    reports by making its visitors' browsers search here.

    The browser says so in Sec-Fetch-Site. "none" (an address typed, bookmarked or opened from an email or chat
    app) is not counted: a link spread elsewhere could plant a query that way. A browser too old to send the header
    is believed when its Referer is on this site (our Referrer-Policy sends one within the site).
    """
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None:
        return fetch_site == "same-origin"
    referer = request.headers.get("Referer", "")
    return url_has_allowed_host_and_scheme(
        referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )


def record_search(request, query, found, language):
    """Count one search of the query in ``language`` today, and whether it found nothing (if analytics are on, it
    was made on this site and it is counted).

    A client counts once per query and day and adds at most COUNTED_PER_CLIENT queries an hour, so
    no one alone can fill the table or lift a query over the reports' threshold (SearchCount.REPORT_MIN_SEARCHES).
    """
    normalised = counted_query(query)
    if not settings.SEARCH_ANALYTICS or not normalised or not made_on_this_site(request):
        return
    if ratelimit.limit_reached(COUNTED_RATE_SCOPE, request, COUNTED_PER_CLIENT):
        return
    day = timezone.localdate()
    # Remembered for a day under a keyed hash of address, day and query; while the cache cannot be reached
    # add() fails and nothing is counted, which errs on the side of the visitor.
    seen_key = ratelimit.client_key(COUNTED_TODAY_SCOPE, request, f"{day} {language} {normalised}")
    if not cache.add(seen_key, True, DAY_SECONDS):
        return
    ratelimit.count(COUNTED_RATE_SCOPE, request, COUNTED_WINDOW_SECONDS)
    missed = 0 if found else 1
    increments = {"searches": F("searches") + 1, "searches_without_results": F("searches_without_results") + missed}
    today = SearchCount.objects.filter(query=normalised, language=language, day=day)
    if today.update(**increments):
        return
    try:
        with transaction.atomic():
            SearchCount.objects.create(
                query=normalised, language=language, day=day, searches=1, searches_without_results=missed
            )
    except IntegrityError:  # another request created today's row first: count on it
        today.update(**increments)
