"""Spam defences that need no third party: a honeypot, a signed time-trap, a link count and a rate limit.

Suspected spam is never dropped: `spam_reasons()` explains why, and the inquiry is stored with status
"spam" so a false positive can be recovered by staff.
"""

import re
import time

from django.conf import settings
from django.core import signing

from restoration import ratelimit

TIME_TRAP_SALT = "contact.form.started"
MAX_LINKS = 2
LINK_PATTERN = re.compile(r"https?://|www\.", re.IGNORECASE)


class TimeTrapRejected(Exception):
    """The form's token is missing, altered or too old, so the form has to be sent again."""


def time_trap_token(started_at=None):
    """A signed record of when the form was shown (``started_at`` as a Unix time; now by default)."""
    return signing.dumps(int(time.time() if started_at is None else started_at), salt=TIME_TRAP_SALT)


def seconds_since_form_shown(token):
    """Seconds since the form carrying ``token`` was shown.

    Raises TimeTrapRejected when the token is missing, forged, or older than CONTACT_FORM_MAX_AGE. That is
    answered by asking for the form again rather than by a spam verdict: a person with an old tab, or one
    whose form outlived a secret-key rotation, must not end up unseen in the spam pile.
    """
    try:
        started_at = signing.loads(token or "", salt=TIME_TRAP_SALT)
    except signing.BadSignature:
        raise TimeTrapRejected from None
    if not isinstance(started_at, int):
        raise TimeTrapRejected
    elapsed = max(time.time() - started_at, 0)  # app servers' clocks may differ by a moment
    if elapsed > settings.CONTACT_FORM_MAX_AGE:
        raise TimeTrapRejected
    return elapsed


def spam_reasons(*, honeypot, seconds_taken, text):
    """Why a submission looks automated (an empty list when it looks human)."""
    reasons = []
    if honeypot:
        reasons.append("hidden field filled in")
    if seconds_taken < settings.CONTACT_FORM_MIN_SECONDS:
        reasons.append(f"sent {seconds_taken:.1f} s after the form was shown")
    links = len(LINK_PATTERN.findall(text))
    if links > MAX_LINKS:
        reasons.append(f"{links} links")
    return reasons


RATE_SCOPE = "contact:rate"


def rate_limited(request):
    """True when this client has already sent CONTACT_RATE_LIMIT inquiries in the current window."""
    return ratelimit.limit_reached(RATE_SCOPE, request, settings.CONTACT_RATE_LIMIT)


def count_submission(request):
    """Count one stored inquiry against this client's limit."""
    ratelimit.count(RATE_SCOPE, request, settings.CONTACT_RATE_WINDOW)
