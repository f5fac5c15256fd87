"""The admissions report: per week, how many inquiries came and how fast admissions first reached them, counted in
business hours against the reply time the contact page promises, and which pages visitors wrote from.

Counts and durations only, never a person: the queries read dates and the source page, never a name or a message,
so the report decrypts nothing. Spam is left out (it was never a person asking for help).
"""

import datetime
import math
import statistics
from dataclasses import dataclass, field

from django.db.models import Count
from django.utils import timezone

from center.hours import admissions_calendar
from contact.models import Inquiry

WEEKS = 12
# How many source pages are named; the rest are counted together.
TOP_SOURCE_PAGES = 10

# The chart's drawing area, in SVG user units (it scales to the width it is given).
CHART_WIDTH, CHART_HEIGHT = 640, 220
CHART_TOP, CHART_BOTTOM = 28, 36  # room for the counts above the bars and the dates below
CHART_SIDE = 24  # room for the first and last dates, centred under their bars


@dataclass
class Tally:
    """The inquiries of one week (or of every week shown): how many, and how long each waited for a first contact."""

    received: int = 0
    waits: list = field(default_factory=list)  # business time to first contact, of those contacted
    within_target: int = 0
    # Contacted, or still waiting past the reply time: those whose promise is settled, kept or not.
    settled: int = 0
    waiting: int = 0  # no first contact yet
    # Waits are counted in opening hours: with none set, no wait can be told apart from none (all "0 min").
    countable: bool = True

    def count(self, wait, kept):
        """Add one inquiry: its wait (None: no first contact yet) and whether the promise was kept (None: not yet
        known, or no promise made)."""
        self.received += 1
        if wait is None:
            self.waiting += 1
        else:
            self.waits.append(wait)
        if kept is not None:
            self.settled += 1
            self.within_target += kept

    @property
    def median(self):
        return statistics.median(self.waits) if self.waits and self.countable else None

    @property
    def percentile_90(self):
        """The wait nine in ten first contacts came within (the nearest-rank 90th percentile)."""
        if not (self.waits and self.countable):
            return None
        return sorted(self.waits)[math.ceil(0.9 * len(self.waits)) - 1]

    @property
    def share_within_target(self):
        """Of the inquiries whose reply time has passed or that were reached, the share reached in time (0 to 100)."""
        return round(100 * self.within_target / self.settled) if self.settled else None


@dataclass
class Week:
    monday: datetime.date
    tally: Tally


@dataclass
class Bar:
    """One week's bar in the chart: the inquiries received, and the part of them reached within the reply time."""

    x: float
    width: float
    label: str
    # Every other week's date, left out on a phone, where a date needs the room of two bars.
    minor_label: bool
    received: int
    received_y: float
    received_height: float
    within_y: float
    within_height: float

    @property
    def centre(self):
        return round(self.x + self.width / 2, 1)

    @property
    def count_y(self):
        """Where the count is written: just above the bar."""
        return round(self.received_y - 6, 1)


@dataclass
class Report:
    weeks: list
    total: Tally
    source_pages: list  # (page, count), the most frequent first
    other_source_pages: int  # inquiries from the pages not named
    target_hours: int | None
    has_hours: bool
    chart: list
    chart_baseline: float
    chart_label_y: float
    chart_width: int = CHART_WIDTH
    chart_height: int = CHART_HEIGHT


def admissions_report(now=None, weeks=WEEKS):
    """The report over the ``weeks`` ISO weeks (Monday to Sunday, local time) up to the one under way at ``now``."""
    now = now or timezone.now()
    calendar = admissions_calendar()
    today = timezone.localtime(now).date()
    first_monday = today - datetime.timedelta(days=today.weekday(), weeks=weeks - 1)
    since = timezone.make_aware(datetime.datetime.combine(first_monday, datetime.time.min))
    inquiries = Inquiry.objects.exclude(status=Inquiry.Status.SPAM).filter(created_at__gte=since, created_at__lte=now)

    countable = bool(calendar.hours)
    tallies = {first_monday + datetime.timedelta(weeks=n): Tally(countable=countable) for n in range(weeks)}
    total = Tally(countable=countable)
    for received, first_contact in inquiries.values_list("created_at", "first_contact_at"):
        wait, kept = _wait_and_kept(calendar, received, first_contact, now)
        day = timezone.localtime(received).date()
        tallies[day - datetime.timedelta(days=day.weekday())].count(wait, kept)
        total.count(wait, kept)

    pages = list(inquiries.values_list("source_page").annotate(count=Count("pk")).order_by("-count", "source_page"))
    named = pages[:TOP_SOURCE_PAGES]
    week_rows = [Week(monday, tally) for monday, tally in tallies.items()]
    return Report(
        weeks=week_rows,
        total=total,
        source_pages=named,
        other_source_pages=sum(count for _, count in pages[TOP_SOURCE_PAGES:]),
        target_hours=calendar.target and round(calendar.target / datetime.timedelta(hours=1)),
        has_hours=bool(calendar.hours),
        chart=_bars(week_rows),
        chart_baseline=CHART_HEIGHT - CHART_BOTTOM,
        chart_label_y=CHART_HEIGHT - 8,
    )


def _wait_and_kept(calendar, received, first_contact, now):
    """How long (in business hours) the inquiry waited for its first contact, and whether that kept the promise:
    None while it is still unknown (not contacted, reply time not yet passed) or when no promise was made."""
    wait = calendar.business_time_between(received, first_contact) if first_contact else None
    if calendar.target is None or not calendar.hours:
        return wait, None
    if wait is not None:
        return wait, wait <= calendar.target
    deadline = calendar.reply_by(received)
    return None, (False if deadline is not None and deadline <= now else None)


def _bars(weeks):
    """The chart's bars, scaled so that the busiest week fills the height."""
    tallest = max((week.tally.received for week in weeks), default=0) or 1
    drawable = CHART_HEIGHT - CHART_TOP - CHART_BOTTOM
    baseline = CHART_HEIGHT - CHART_BOTTOM
    slot = (CHART_WIDTH - 2 * CHART_SIDE) / len(weeks)
    bars = []
    for index, week in enumerate(weeks):
        received_height = drawable * week.tally.received / tallest
        within_height = drawable * week.tally.within_target / tallest
        bars.append(
            Bar(
                x=round(CHART_SIDE + index * slot + slot * 0.15, 1),
                width=round(slot * 0.7, 1),
                label=f"{week.monday:%b} {week.monday.day}",
                minor_label=(len(weeks) - 1 - index) % 2 == 1,
                received=week.tally.received,
                received_y=round(baseline - received_height, 1),
                received_height=round(received_height, 1),
                within_y=round(baseline - within_height, 1),
                within_height=round(within_height, 1),
            )
        )
    return bars


def business_duration(wait):
    """A wait in business hours as staff say it: "0 min", "45 min", "3 h 5 min"."""
    minutes = round(wait / datetime.timedelta(minutes=1))
    hours, minutes = divmod(minutes, 60)
    if not hours:
        return f"{minutes} min"
    return f"{hours} h {minutes} min" if minutes else f"{hours} h"
