"""Spam defences that need no third party: a honeypot, a signed single-use time-trap, a link count and a rate limit.

Suspected spam is never dropped: `spam_verdict()` explains why and decides. Only the honeypot, or several signals
together, file an inquiry as spam (hidden from the inbox, no staff email, kept so staff can recover it); one other
signal alone files it as "needs review", in the inbox and in the staff email, since autofill, a password manager or
a quick typist beats the time-trap too.
"""

import re
import secrets
import time
from typing import NamedTuple

from django.conf import settings
from django.core import signing
from django.core.cache import caches

from restoration import ratelimit

from .models import Inquiry

TIME_TRAP_SALT = "contact.form.started"
MAX_LINKS = 2
LINK_PATTERN = re.compile(r"https?://|www\.", re.IGNORECASE)
# A form sent sooner than this after it was shown looks automated (one spam signal: "needs review").
TIME_TRAP_MIN_SECONDS = 3
# A shown form stays valid for a day: long enough for someone who hesitates overnight, short enough to replay.
FORM_MAX_AGE_SECONDS = 24 * 60 * 60
# App servers' clocks may differ by a moment: a sent token is remembered this much longer than it stays valid.
CLOCK_MARGIN_SECONDS = 60
# CONTACT_RATE_LIMIT (a setting: a clinic behind one shared address may need more) inquiries per client per hour.
RATE_WINDOW_SECONDS = 60 * 60


class TimeTrapRejected(Exception):
    """The form's token is missing, altered or too old, so the form has to be sent again."""


class ShownForm(NamedTuple):
    """One copy of the form, as its time-trap token tells it: which copy, and how long it has been open."""

    token_id: str
    seconds_open: float


def time_trap_token(started_at=None):
    """A signed record of one copy of the form and when it was shown (``started_at`` as a Unix time; now by default)."""
    shown_at = int(time.time() if started_at is None else started_at)
    return signing.dumps({"id": secrets.token_urlsafe(12), "shown_at": shown_at}, salt=TIME_TRAP_SALT)


def read_time_trap(token):
    """The ShownForm that ``token`` stands for.

    Raises TimeTrapRejected when the token is missing, forged, or older than FORM_MAX_AGE_SECONDS. That is
    answered by asking for the form again rather than by a spam verdict: a person with an old tab, or one
    whose form outlived a secret-key rotation, must not end up unseen in the spam pile.
    """
    try:
        payload = signing.loads(token or "", salt=TIME_TRAP_SALT)
    except signing.BadSignature:
        raise TimeTrapRejected from None
    if not isinstance(payload, dict) or not isinstance(payload.get("id"), str):
        raise TimeTrapRejected
    shown_at = payload.get("shown_at")
    if not isinstance(shown_at, int):
        raise TimeTrapRejected
    elapsed = max(time.time() - shown_at, 0)  # app servers' clocks may differ by a moment
    if elapsed > FORM_MAX_AGE_SECONDS:
        raise TimeTrapRejected
    return ShownForm(token_id=payload["id"], seconds_open=elapsed)


def spend_time_trap(shown):
    """Mark this copy of the form as sent; False if it was sent before (a double click, Back and Send, a replay).

    Its id is remembered until the token would have expired anyway. ``add`` is atomic, so of two posts of one
    copy at the same moment only one gets through. ``add`` also fails while Redis is down, so only an id that
    is really there counts as sent.
    """
    key = "contact:form-sent:" + shown.token_id
    remember_for = int(FORM_MAX_AGE_SECONDS - shown.seconds_open) + CLOCK_MARGIN_SECONDS
    for alias in ratelimit.COUNTERS:
        cache = caches[alias]
        if not cache.add(key, True, remember_for) and cache.has_key(key):
            return False
    return True


class Verdict(NamedTuple):
    """What the spam checks make of a submission: the status to store it with, and why."""

    status: str  # an Inquiry.Status
    reasons: list


def spam_verdict(*, honeypot, seconds_taken, text):
    """How a submission looks: new, needs review (one signal), or spam (the honeypot, or several signals)."""
    reasons = []
    if honeypot:
        reasons.append("hidden field filled in")
    if seconds_taken < TIME_TRAP_MIN_SECONDS:
        reasons.append(f"sent {seconds_taken:.1f} s after the form was shown")
    links = len(LINK_PATTERN.findall(text))
    if links > MAX_LINKS:
        reasons.append(f"{links} links")
    if honeypot or len(reasons) > 1:
        return Verdict(Inquiry.Status.SPAM, reasons)
    return Verdict(Inquiry.Status.NEEDS_REVIEW if reasons else Inquiry.Status.NEW, reasons)


RATE_SCOPE = "contact:rate"


def count_submission(request):
    """Count one inquiry against this client's limit before it is stored; False when that goes over the limit.

    Counting first, with an atomic increment, is what holds the limit when several posts arrive at once; a
    check before and a count after storing would let them all through.
    """
    return ratelimit.count(RATE_SCOPE, request, RATE_WINDOW_SECONDS) <= settings.CONTACT_RATE_LIMIT
