"""What the contact and thank-you pages promise: how the visitor asked to be reached, and by when admissions replies.

The reply time comes from the center's opening hours and response target (center/hours.py).
"""

import datetime
import json

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext, ngettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from center.hours import admissions_calendar
from center.models import time_label

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

# The hours each part of the day names, in the center's time zone (None: until midnight). The form's choices say
# them (BEST_TIME_CHOICES), and a reply promised for a part of the day falls within them.
PART_OF_DAY_HOURS = {
    Inquiry.BestTime.MORNING: (datetime.time(0), datetime.time(12)),
    Inquiry.BestTime.AFTERNOON: (datetime.time(12), datetime.time(17)),
    Inquiry.BestTime.EVENING: (datetime.time(17), None),
}
BEST_TIME_CHOICES = [
    (Inquiry.BestTime.ANY, _("Any time")),
    (Inquiry.BestTime.MORNING, _("Morning (before noon)")),
    (Inquiry.BestTime.AFTERNOON, _("Afternoon (noon to 5 p.m.)")),
    (Inquiry.BestTime.EVENING, _("Evening (after 5 p.m.)")),
]

# Whole sentences, so that each language can order its words: (how, in a named language?) -> sentence, without its
# full stop, as "when" may end with one ("by 8 p.m.").
REACH = {
    (Inquiry.ContactMethod.PHONE, False): _("We’ll call you %(when)s"),
    (Inquiry.ContactMethod.PHONE, True): _("We’ll call you in %(language)s %(when)s"),
    (Inquiry.ContactMethod.TEXT, False): _("We’ll text you %(when)s"),
    (Inquiry.ContactMethod.TEXT, True): _("We’ll text you in %(language)s %(when)s"),
    (Inquiry.ContactMethod.EMAIL, False): _("We’ll email you %(when)s"),
    (Inquiry.ContactMethod.EMAIL, True): _("We’ll email you in %(language)s %(when)s"),
}
LANGUAGE_IN_SENTENCE = {
    Inquiry.PreferredLanguage.ENGLISH: pgettext_lazy("a language named in a sentence", "English"),
    Inquiry.PreferredLanguage.SPANISH: pgettext_lazy("a language named in a sentence", "Spanish"),
}
VOICEMAIL = {True: _("We may leave a voicemail."), False: _("We won’t leave a voicemail.")}
# When no time can be promised: no response target, or no opening hours.
AS_SOON_AS_WE_CAN = {
    Inquiry.BestTime.ANY: _("as soon as we can"),
    Inquiry.BestTime.MORNING: _("as soon as we can, in the morning if we can"),
    Inquiry.BestTime.AFTERNOON: _("as soon as we can, in the afternoon if we can"),
    Inquiry.BestTime.EVENING: _("as soon as we can, in the evening if we can"),
}
# When admissions is never open in the part of the day chosen: the reply comes at the first time it can, and says why.
NOT_OPEN_THEN = {
    Inquiry.BestTime.MORNING: _("Our admissions team isn’t available in the morning, so that is the soonest we can."),
    Inquiry.BestTime.AFTERNOON: _(
        "Our admissions team isn’t available in the afternoon, so that is the soonest we can."
    ),
    Inquiry.BestTime.EVENING: _("Our admissions team isn’t available in the evening, so that is the soonest we can."),
}
# (part of the day, how far away) -> "this evening", "tomorrow morning", "Monday evening", or with the date.
PART_OF_DAY = {
    (Inquiry.BestTime.MORNING, "today"): _("this morning"),
    (Inquiry.BestTime.MORNING, "tomorrow"): _("tomorrow morning"),
    (Inquiry.BestTime.MORNING, "weekday"): _("%(weekday)s morning"),
    (Inquiry.BestTime.MORNING, "date"): _("%(weekday)s, %(date)s, in the morning"),
    (Inquiry.BestTime.AFTERNOON, "today"): _("this afternoon"),
    (Inquiry.BestTime.AFTERNOON, "tomorrow"): _("tomorrow afternoon"),
    (Inquiry.BestTime.AFTERNOON, "weekday"): _("%(weekday)s afternoon"),
    (Inquiry.BestTime.AFTERNOON, "date"): _("%(weekday)s, %(date)s, in the afternoon"),
    (Inquiry.BestTime.EVENING, "today"): _("this evening"),
    (Inquiry.BestTime.EVENING, "tomorrow"): _("tomorrow evening"),
    (Inquiry.BestTime.EVENING, "weekday"): _("%(weekday)s evening"),
    (Inquiry.BestTime.EVENING, "date"): _("%(weekday)s, %(date)s, in the evening"),
}
INSURANCE_CHECK = _(
    "You asked us to check your insurance: when we reach you, we’ll tell you what we found, or what we still need."
)
ANOTHER_LANGUAGE = _("You asked for another language: we’ll arrange an interpreter, at no cost to you.")


def reply_promise(received, now=None):
    """ "by 10 a.m. Monday" for something received at ``received``, or None when the center has set no response
    target or no opening hours (then no time is promised)."""
    calendar = admissions_calendar()
    deadline = calendar.reply_by(received)
    return calendar.describe(deadline, now or received) if deadline else None


def full_sentence(text):
    """``text`` with a full stop, unless it already ends with one ("by 8 p.m."): never "p.m.."."""
    return text if text.endswith(".") else f"{text}."


def _part_of_day_by(best_time, moment, now):
    """ "this evening, by 8 p.m.", "el lunes por la mañana, a más tardar a las 10 a.m."."""
    moment = timezone.localtime(moment)
    days = (moment.date() - timezone.localtime(now).date()).days
    distance = "today" if days == 0 else "tomorrow" if days == 1 else "weekday" if days < 7 else "date"
    part = str(PART_OF_DAY[best_time, distance]) % {
        "weekday": date_format(moment, "l"),
        "date": date_format(moment, "MONTH_DAY_FORMAT"),
    }
    if (moment.hour, moment.minute) == (12, 0):
        by = gettext("by noon")
    else:
        # Translators: the count is the hour on a 12-hour clock; choose the article by it ("a la 1", "a las 2").
        by = ngettext("by %(time)s", "by %(time)s", moment.hour % 12 or 12) % {"time": time_label(moment.time())}
    return gettext("%(part_of_day)s, %(by_time)s") % {"part_of_day": part, "by_time": by}


def _when(received, now, best_time):
    """When admissions will reach them, as words, and a sentence saying why it is not the part of the day they
    chose (or None)."""
    calendar = admissions_calendar()
    deadline = calendar.reply_by(received)
    if deadline is None:
        return str(AS_SOON_AS_WE_CAN[best_time]), None
    hours = PART_OF_DAY_HOURS.get(best_time)
    if hours is None:
        return calendar.describe(deadline, now), None
    moment = calendar.reply_in_part_of_day(received, deadline, *hours)
    if moment is None:
        return calendar.describe(deadline, now), str(NOT_OPEN_THEN[best_time])
    return _part_of_day_by(best_time, moment, now), None


def how_and_when(choices, received, now):
    """The thank-you page's one promise, in sentences: how they will be reached, in which language and by when, then
    the voicemail, the insurance check and another language they asked for. ``choices`` as remember_choices keeps
    them."""
    when, not_open = _when(received, now, choices["best_time"])
    preferred = choices["preferred_language"]
    named = preferred in LANGUAGE_IN_SENTENCE and (preferred != "en" or translation.get_language() != "en")
    language = LANGUAGE_IN_SENTENCE.get(preferred)
    reach = str(REACH[choices["preferred_contact"], named]) % {"when": when, "language": language}
    sentences = [full_sentence(reach), not_open]
    if choices["preferred_contact"] == Inquiry.ContactMethod.PHONE:
        sentences.append(str(VOICEMAIL[bool(choices["voicemail_ok"])]))
    if preferred == Inquiry.PreferredLanguage.OTHER:
        sentences.append(str(ANOTHER_LANGUAGE))
    if choices["insurance_check"]:
        sentences.append(str(INSURANCE_CHECK))
    return " ".join(filter(None, sentences))


def remember_choices(response, inquiry):
    """Keep what the thank-you page repeats (the visitor's choices and when the message arrived) on ``response``."""
    choices = {
        "preferred_contact": inquiry.preferred_contact,
        "best_time": inquiry.best_time,
        "voicemail_ok": inquiry.voicemail_ok,
        "preferred_language": inquiry.preferred_language,
        "insurance_check": inquiry.insurance_check,
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
    """The promise (see how_and_when) from the choices the cookie holds; None without a valid one."""
    try:
        choices = json.loads(request.get_signed_cookie(COOKIE, salt=COOKIE_SALT, max_age=COOKIE_SECONDS))
        received = datetime.datetime.fromisoformat(choices["received"])
        return how_and_when(choices, received, now or timezone.now())
    except (KeyError, TypeError, ValueError, signing.BadSignature):
        return None
