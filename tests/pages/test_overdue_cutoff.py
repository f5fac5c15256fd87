"""When an inquiry becomes overdue: the reply-by time worked backwards from now, over nights and weekends."""

import datetime

import pytest

from pages.hours import AdmissionsCalendar
from tests.pages.test_admissions_calendar import WEEKDAYS_8_TO_6, at


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
