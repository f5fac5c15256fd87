"""When admissions will reply: the response target counted in the center's opening hours, across nights and weekends."""

import datetime
import zoneinfo

import pytest
from django.utils import translation

from center.hours import AdmissionsCalendar
from center.models import OpeningHours, Weekday

SACRAMENTO = zoneinfo.ZoneInfo("America/Los_Angeles")
WEEKDAYS_8_TO_6 = [
    OpeningHours(first_day=Weekday.MONDAY, last_day=Weekday.FRIDAY, opens=datetime.time(8), closes=datetime.time(18))
]


def at(day, hour, minute=0):
    """A moment in Sacramento in the first week of December 2026 (Tuesday the 1st … Monday the 7th)."""
    return datetime.datetime(2026, 12, day, hour, minute, tzinfo=SACRAMENTO)


@pytest.mark.parametrize(
    ("received", "reply_by", "said"),
    [
        (at(4, 21), at(7, 10), "by 10 a.m. Monday"),  # Friday night: the weekend does not count
        (at(1, 9), at(1, 11), "by 11 a.m. today"),  # Tuesday morning, open
        (at(1, 17), at(2, 9), "by 9 a.m. tomorrow"),  # one hour today, one tomorrow
        (at(1, 6, 30), at(1, 10), "by 10 a.m. today"),  # before opening: counted from 8
        (at(5, 12), at(7, 10), "by 10 a.m. Monday"),  # Saturday
    ],
)
def test_the_reply_time_counts_only_opening_hours(received, reply_by, said):
    calendar = AdmissionsCalendar(WEEKDAYS_8_TO_6, target_hours=2)
    assert calendar.reply_by(received) == reply_by
    assert calendar.describe(reply_by, now=received) == said


def test_hours_split_across_a_day_are_used_in_order():
    split = [
        OpeningHours(
            first_day=Weekday.TUESDAY, last_day=Weekday.TUESDAY, opens=datetime.time(13), closes=datetime.time(14)
        ),
        OpeningHours(
            first_day=Weekday.TUESDAY, last_day=Weekday.TUESDAY, opens=datetime.time(9), closes=datetime.time(10)
        ),
    ]
    calendar = AdmissionsCalendar(split, target_hours=2)
    assert calendar.reply_by(at(1, 7)) == at(1, 14)
    assert calendar.reply_by(at(1, 9, 30)) == at(8, 9, 30), "the next Tuesday, a week and a half hour later"
    assert calendar.describe(at(8, 9, 30), now=at(1, 9, 30)) == "by 9:30 a.m. Tuesday, December 8"


def test_no_target_or_no_hours_make_no_promise():
    assert AdmissionsCalendar(WEEKDAYS_8_TO_6, target_hours=None).reply_by(at(1, 9)) is None
    assert AdmissionsCalendar([], target_hours=2).reply_by(at(1, 9)) is None


def test_business_time_between_skips_nights_and_weekends():
    calendar = AdmissionsCalendar(WEEKDAYS_8_TO_6, target_hours=2)
    assert calendar.business_time_between(at(4, 17), at(7, 9)) == datetime.timedelta(hours=2)
    assert calendar.business_time_between(at(5, 10), at(6, 10)) == datetime.timedelta()


def test_business_time_between_counts_a_wait_longer_than_the_promise_looks_ahead():
    calendar = AdmissionsCalendar(WEEKDAYS_8_TO_6, target_hours=2)
    three_weeks_later = at(1, 9) + datetime.timedelta(weeks=3)
    assert calendar.business_time_between(at(1, 9), three_weeks_later) == datetime.timedelta(hours=3 * 5 * 10)


@pytest.mark.parametrize(
    ("now", "cutoff"),
    [
        (at(7, 10), at(7, 8)),  # Monday 10 a.m.: all the weekend's messages are due now; the weekend did not count
        (at(7, 9), at(4, 17)),  # Monday 9 a.m.: one hour on Monday, one on Friday afternoon
        (at(5, 12), at(4, 16)),  # Saturday noon: only what came before Friday 4 p.m. has had two open hours
        (at(1, 15, 30), at(1, 13, 30)),  # a Tuesday afternoon, open all along
    ],
)
def test_messages_received_up_to_the_cutoff_have_reached_their_reply_time(now, cutoff):
    calendar = AdmissionsCalendar(WEEKDAYS_8_TO_6, target_hours=2)
    assert calendar.overdue_cutoff(now) == cutoff
    assert calendar.reply_by(cutoff) <= now
    assert calendar.reply_by(cutoff + datetime.timedelta(minutes=1)) > now


def test_no_promise_means_nothing_is_ever_overdue():
    assert AdmissionsCalendar(WEEKDAYS_8_TO_6, target_hours=None).overdue_cutoff(at(7, 10)) is None
    assert AdmissionsCalendar([], target_hours=2).overdue_cutoff(at(7, 10)) is None


@pytest.mark.parametrize(
    ("deadline", "now", "said"),
    [
        (at(7, 10), at(4, 21), "el lunes, a más tardar a las 10 a.m."),
        (at(1, 11), at(1, 9), "hoy, a más tardar a las 11 a.m."),
        (at(2, 9), at(1, 17), "mañana, a más tardar a las 9 a.m."),
        (at(1, 13), at(1, 11), "hoy, a más tardar a la 1 p.m."),  # one o'clock is singular: "a la 1"
        (at(1, 13, 30), at(1, 11), "hoy, a más tardar a la 1:30 p.m."),
        (at(1, 12), at(1, 10), "hoy, a más tardar al mediodía"),
        (at(1, 12, 30), at(1, 10), "hoy, a más tardar a las 12:30 p.m."),
        (at(8, 9, 30), at(1, 9, 30), "el martes 8 de diciembre, a más tardar a las 9:30 a.m."),
        (at(8, 12), at(1, 9, 30), "el martes 8 de diciembre, a más tardar al mediodía"),
    ],
)
def test_the_reply_time_reads_as_spanish_on_a_spanish_page(deadline, now, said):
    calendar = AdmissionsCalendar(WEEKDAYS_8_TO_6, target_hours=2)
    with translation.override("es"):
        assert calendar.describe(deadline, now=now) == said


def test_noon_is_a_word_in_english_too():
    calendar = AdmissionsCalendar(WEEKDAYS_8_TO_6, target_hours=2)
    assert calendar.describe(at(1, 12), now=at(1, 10)) == "by noon today"
    assert calendar.describe(at(1, 13), now=at(1, 10)) == "by 1 p.m. today"


def test_opening_hours_read_in_the_pages_language():
    weekdays, saturday = (
        WEEKDAYS_8_TO_6[0],
        OpeningHours(
            first_day=Weekday.SATURDAY, last_day=Weekday.SATURDAY, opens=datetime.time(9, 30), closes=datetime.time(12)
        ),
    )
    assert [str(weekdays), str(saturday)] == ["Monday to Friday, 8 a.m.–6 p.m.", "Saturday, 9:30 a.m.–noon"]
    with translation.override("es"):
        assert [str(weekdays), str(saturday)] == ["lunes a viernes, 8 a.m.–6 p.m.", "sábado, 9:30 a.m.–mediodía"]
