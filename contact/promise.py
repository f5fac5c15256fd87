"""What the contact and thank-you pages promise: how the visitor asked to be reached, and by when admissions replies.

The reply time comes from the center's opening hours and response target (center/hours.py).
"""

import datetime
import json

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from center.hours import admissions_calendar

from .models import Inquiry

# What the thank-you page needs to repeat the visitor's choices (never a name, number or message), kept in a signed
# cookie that the browser sends to the thank-you page alone, which deletes it once shown: a session would follow the
# visitor to every page and keep the shared page cache from serving them (pages/cache.py shares no page that varies
# on a cookie). Its path is the thank-you page the form redirects to, in the form's language (/contact/thanks/ or
# /es/contact/thanks/): the narrowest that works, as "/" would reach every page and "/contact/thanks/" never reaches
# the Spanish one.
COOKIE = "contact_sent"
COOKIE_SALT = "contact.promise"
COOKIE_SECONDS = 12 * 60 * 60

# Whole sentences, so that each language can order its words: (how, at a time of day?, voicemail OK?) -> sentence.
# Voicemail is None for the ways that leave none.
REACH = {
    (Inquiry.ContactMethod.PHONE, False, True): _("We’ll call you, and we may leave a voicemail."),
    (Inquiry.ContactMethod.PHONE, False, False): _("We’ll call you, and we won’t leave a voicemail."),
    (Inquiry.ContactMethod.PHONE, True, True): _("We’ll call you, %(when)s, and we may leave a voicemail."),
    (Inquiry.ContactMethod.PHONE, True, False): _("We’ll call you, %(when)s, and we won’t leave a voicemail."),
    (Inquiry.ContactMethod.TEXT, False, None): _("We’ll send you a text message."),
    (Inquiry.ContactMethod.TEXT, True, None): _("We’ll send you a text message, %(when)s."),
    (Inquiry.ContactMethod.EMAIL, False, None): _("We’ll email you."),
    (Inquiry.ContactMethod.EMAIL, True, None): _("We’ll email you, %(when)s."),
}
WHEN = {
    Inquiry.BestTime.MORNING: _("in the morning"),
    Inquiry.BestTime.AFTERNOON: _("in the afternoon"),
    Inquiry.BestTime.EVENING: _("in the evening"),
}


def reply_promise(received, now=None):
    """ "by 10 a.m. Monday" for something received at ``received``, or None when the center has set no response
    target or no opening hours (then no time is promised)."""
    calendar = admissions_calendar()
    deadline = calendar.reply_by(received)
    return calendar.describe(deadline, now or received) if deadline else None


def how_we_will_reach_you(preferred_contact, best_time, voicemail_ok):
    """The sentence that repeats their choices, such as: We will call you, in the evening, and not leave a voicemail."""
    when = WHEN.get(best_time)
    voicemail = voicemail_ok if preferred_contact == Inquiry.ContactMethod.PHONE else None
    return str(REACH[preferred_contact, when is not None, voicemail]) % {"when": when}


def remember_choices(response, inquiry):
    """Keep what the thank-you page repeats (the visitor's choices and when the message arrived) on ``response``."""
    choices = {
        "preferred_contact": inquiry.preferred_contact,
        "best_time": inquiry.best_time,
        "voicemail_ok": inquiry.voicemail_ok,
        "received": inquiry.created_at.isoformat(),
    }
    response.set_signed_cookie(
        COOKIE,
        json.dumps(choices),
        salt=COOKIE_SALT,
        max_age=COOKIE_SECONDS,
        path=reverse("contact:thanks"),  # in the active language, the form's
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )


def forget_choices(request, response):
    """Remove the choices once the thank-you page has repeated them: a shared computer keeps nothing of the message."""
    if COOKIE in request.COOKIES:
        response.delete_cookie(COOKIE, path=reverse("contact:thanks"), samesite="Lax")


def thanks_promise(request, now=None):
    """``(how we will reach you, by when)`` from the choices the cookie holds; (None, None) without a valid one."""
    try:
        sent = json.loads(request.get_signed_cookie(COOKIE, salt=COOKIE_SALT, max_age=COOKIE_SECONDS))
        received = datetime.datetime.fromisoformat(sent["received"])
        reach = how_we_will_reach_you(sent["preferred_contact"], sent["best_time"], sent["voicemail_ok"])
    except (KeyError, TypeError, ValueError, signing.BadSignature):
        return None, None
    return reach, reply_promise(received, now or timezone.now())
