"""The center's business hours as a calendar: when admissions will reply, and how long an inquiry has waited.

Admissions keeps a promise in business hours ("we reply within 2 business hours"), so a Friday-night message is
answered by Monday morning, not in the middle of the night. The hours are the opening-hours rows staff enter in
the site settings; the promise is its response target. The contact and staff apps import it.
"""

import datetime

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext, ngettext

from .models import SiteSettings, time_label

# How far ahead a reply time is looked for: beyond it, hours that open so rarely make no promise at all.
LOOKAHEAD_DAYS = 14


class AdmissionsCalendar:
    """Opening hours (``WeeklyHours`` rows) and a response target in business hours (None: no promise made)."""

    def __init__(self, hours, target_hours):
        self.hours = list(hours)
        self.target = datetime.timedelta(hours=target_hours) if target_hours else None

    def _periods_from(self, moment, days=LOOKAHEAD_DAYS):
        """The opening periods, as aware (start, end) pairs in local time, from ``moment`` on (one already under way
        starts at ``moment``), over ``days`` days after today."""
        moment = timezone.localtime(moment)
        for offset in range(days + 1):
            day = moment.date() + datetime.timedelta(days=offset)
            rows = sorted((row for row in self.hours if row.first_day <= day.isoweekday() <= row.last_day), key=_opens)
            for row in rows:
                start = timezone.make_aware(datetime.datetime.combine(day, row.opens))
                end = timezone.make_aware(datetime.datetime.combine(day, row.closes))
                if end > moment:
                    yield max(start, moment), end

    def _periods_before(self, moment):
        """The opening periods before ``moment``, latest first (one under way ends at ``moment``)."""
        moment = timezone.localtime(moment)
        for offset in range(LOOKAHEAD_DAYS + 1):
            day = moment.date() - datetime.timedelta(days=offset)
            rows = sorted((row for row in self.hours if row.first_day <= day.isoweekday() <= row.last_day), key=_opens)
            for row in reversed(rows):
                start = timezone.make_aware(datetime.datetime.combine(day, row.opens))
                end = timezone.make_aware(datetime.datetime.combine(day, row.closes))
                if start < moment:
                    yield start, min(end, moment)

    def reply_by(self, received):
        """The moment the response target runs out for something received at ``received``, or None (no promise:
        no target, or no opening hours within LOOKAHEAD_DAYS)."""
        if self.target is None:
            return None
        left = self.target
        for start, end in self._periods_from(received):
            if end - start >= left:
                return start + left
            left -= end - start
        return None

    def reply_in_part_of_day(self, received, deadline, starts, ends):
        """When a reply due by ``deadline`` (see reply_by) reaches someone who asked to be reached between the times
        ``starts`` and ``ends`` (None: midnight) of a day: ``deadline`` itself when admissions is open then and it
        falls within those hours, else the end of the first such open hours after it. None when admissions is not
        open in those hours within LOOKAHEAD_DAYS of ``received``."""
        for start, end in self._periods_from(received):
            start = max(start, timezone.make_aware(datetime.datetime.combine(start.date(), starts)))
            if ends is not None:
                end = min(end, timezone.make_aware(datetime.datetime.combine(end.date(), ends)))
            if start < end and end >= deadline:
                return deadline if start <= deadline else end
        return None

    def overdue_cutoff(self, now):
        """The latest moment of receipt whose reply-by time has come at ``now``: anything received then or earlier
        and not yet answered is overdue. None when no promise is made (see reply_by), so nothing is overdue.

        The inverse of reply_by, walking the opening hours backwards, so that the inbox can ask the database for
        overdue inquiries with one comparison instead of computing each one's deadline."""
        if self.target is None:
            return None
        left = self.target
        for start, end in self._periods_before(now):
            if end - start >= left:
                return end - left
            left -= end - start
        return None

    def business_time_between(self, start, end):
        """How much of the time from ``start`` to ``end`` fell within opening hours, however long ago ``start`` was
        (an inquiry first answered after three weeks counts all three)."""
        total = datetime.timedelta()
        for period_start, period_end in self._periods_from(start, days=max(LOOKAHEAD_DAYS, (end - start).days + 1)):
            if period_start >= end:
                break
            total += min(period_end, end) - period_start
        return total

    def describe(self, deadline, now):
        """ "by 10 a.m. today", "by 9 a.m. tomorrow", "by 10 a.m. Monday", or with the date when a week or more away;
        in the page's language ("hoy, a más tardar a las 10 a.m.")."""
        deadline, today = timezone.localtime(deadline), timezone.localtime(now).date()
        days = (deadline.date() - today).days
        values = {
            "time": time_label(deadline.time()),
            "weekday": date_format(deadline, "l"),
            "date": date_format(deadline, "MONTH_DAY_FORMAT"),
        }
        if (deadline.hour, deadline.minute) == (12, 0):
            return _by_noon(days) % values
        return _by_time(days, deadline.hour % 12 or 12) % values


def _by_noon(days):
    """The sentence for a deadline at noon, which time_label writes as a word ("noon", "mediodía") that takes no
    article in Spanish ("al mediodía")."""
    if days == 0:
        return gettext("by noon today")
    if days == 1:
        return gettext("by noon tomorrow")
    if days < 7:
        return gettext("by noon %(weekday)s")
    return gettext("by noon %(weekday)s, %(date)s")


def _by_time(days, hour):
    """The sentence for a deadline at ``hour`` (1 to 12): plural forms let a language choose its article by the hour
    (Spanish: "a la 1 p.m.", "a las 2 p.m.")."""
    if days == 0:
        # Translators: the count is the hour on a 12-hour clock; choose the article by it ("a la 1", "a las 2").
        return ngettext("by %(time)s today", "by %(time)s today", hour)
    if days == 1:
        return ngettext("by %(time)s tomorrow", "by %(time)s tomorrow", hour)
    if days < 7:
        return ngettext("by %(time)s %(weekday)s", "by %(time)s %(weekday)s", hour)
    return ngettext("by %(time)s %(weekday)s, %(date)s", "by %(time)s %(weekday)s, %(date)s", hour)


def _opens(row):
    return row.opens


def admissions_calendar():
    """The calendar from the site settings record (cached, with its opening hours)."""
    site = SiteSettings.load()
    return AdmissionsCalendar(site.hours, site.response_target_hours)
