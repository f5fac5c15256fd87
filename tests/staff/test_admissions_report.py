"""The admissions report, as the coordinator reads it: per week, inquiries received and how fast each was first
contacted in business hours, the share reached within the reply time, and the pages visitors wrote from."""

import datetime
import zoneinfo

import pytest
import time_machine

from center.models import SiteSettings, Weekday
from contact.models import Inquiry
from tests.support.builders import make_editor, staff_login
from tests.support.htmlpage import parse_html
from tests.support.inquiries import make_inquiry

pytestmark = pytest.mark.django_db

REPORT_URL = "/admin/reports/admissions/"
SACRAMENTO = zoneinfo.ZoneInfo("America/Los_Angeles")


def at(month, day, hour, minute=0):
    """A moment in Sacramento, late 2026 (Monday the 7th and Monday the 14th of December start weeks)."""
    return datetime.datetime(2026, month, day, hour, minute, tzinfo=SACRAMENTO)


NOW = at(12, 14, 12)  # Monday noon


def open_weekdays(target_hours=2, hours=True):
    site = SiteSettings.load()
    site.response_target_hours = target_hours
    site.save()
    if hours:
        site.opening_hours.create(first_day=Weekday.MONDAY, last_day=Weekday.FRIDAY, opens="08:00", closes="18:00")


def report(client, user):
    with time_machine.travel(NOW, tick=False):
        staff_login(client, user)
        return client.get(REPORT_URL)


def report_rows(client, user):
    """The report's table rows as cell texts, keyed by the row's heading (the week, the page, "All 12 weeks")."""
    response = report(client, user)
    assert response.status_code == 200
    return {heading: cells for heading, *cells in parse_html(response.content).table_rows()}


@pytest.fixture
def a_fortnight_of_inquiries():
    """Inquiries of the last two weeks and this one, first contacted (or not) as admissions did."""
    open_weekdays()
    # Friday night; reached Monday 9:30, 1 h 30 min of opening hours later: within 2 hours.
    make_inquiry(created_at=at(12, 4, 21), first_contact_at=at(12, 7, 9, 30), source_page="/articles/a/")
    # Tuesday 9:00, reached at 14:00: 5 hours, late.
    make_inquiry(created_at=at(12, 8, 9), first_contact_at=at(12, 8, 14), source_page="/articles/a/")
    # Wednesday 10:00, reached at 10:20.
    make_inquiry(created_at=at(12, 9, 10), first_contact_at=at(12, 9, 10, 20), source_page="/programs/iop/")
    # Thursday 9:00, never reached: its reply time (11:00) has long passed.
    make_inquiry(created_at=at(12, 10, 9), source_page="")
    # This morning, 11:30, not reached yet; its reply time (13:30) has not come.
    make_inquiry(created_at=at(12, 14, 11, 30), source_page="")
    # Spam is not a person waiting: it counts nowhere.
    make_inquiry(created_at=at(12, 9, 11), status=Inquiry.Status.SPAM, source_page="/spam-page/")


def test_each_week_shows_inquiries_waits_in_business_hours_and_the_share_within_the_reply_time(
    client, admissions, a_fortnight_of_inquiries
):
    table = report_rows(client, admissions)
    # Received, not contacted yet, median wait, 9 in 10 reached within, within the reply time.
    assert table["Nov 30"] == ["1", "0", "1 h 30 min", "1 h 30 min", "100 % (1 of 1)"]
    assert table["Dec 7"] == ["3", "1", "2 h 40 min", "5 h", "33 % (1 of 3)"]
    assert table["Dec 14 (so far)"] == ["1", "1", "—", "—", "—"]
    assert table["Nov 23"] == ["0", "0", "—", "—", "—"]
    assert table["All 12 weeks"] == ["5", "2", "1 h 30 min", "5 h", "50 % (2 of 4)"]
    assert len([heading for heading in table if heading.startswith(("Sep", "Oct", "Nov", "Dec"))]) == 12


def test_the_pages_visitors_wrote_from_are_counted_without_spam_and_without_anyone_named(
    client, admissions, a_fortnight_of_inquiries
):
    response = report(client, admissions)
    table = report_rows(client, admissions)
    assert table["/articles/a/"] == ["2"]
    assert table["No page recorded"] == ["2"]
    assert table["/programs/iop/"] == ["1"]
    text = parse_html(response.content).text
    assert "/spam-page/" not in text
    for personal in ("Jordan Quill", "jordan.quill@example.com", "555-0142", "Evening groups?"):
        assert personal not in text


def test_the_chart_draws_one_bar_a_week_as_tall_as_its_inquiries(client, admissions, a_fortnight_of_inquiries):
    page = parse_html(report(client, admissions).content)
    [svg] = page.find_all("svg", **{"aria-labelledby": "chart-title chart-description"})
    assert svg.attrs["role"] == "img"
    received = [float(bar.attrs["height"]) for bar in page.find_all("rect", **{"class": "report-bar-received"})]
    within = [float(bar.attrs["height"]) for bar in page.find_all("rect", **{"class": "report-bar-within"})]
    tallest = max(received)
    assert received == pytest.approx([tallest / 3, tallest, tallest / 3], abs=0.1), (
        "the weeks with 1, 3 and 1 inquiries"
    )
    assert within == pytest.approx([tallest / 3, tallest / 3, 0], abs=0.1), (
        "1, 1 and none reached within the reply time"
    )
    scripts = [script.attrs.get("src", "") for script in page.find_all("script")]
    assert all(src.startswith("/static/admin/js/") for src in scripts), "drawn here: no chart script of its own"


def test_without_a_reply_time_or_hours_the_report_says_so_instead_of_counting(client, admissions):
    open_weekdays(target_hours=None, hours=False)
    make_inquiry(created_at=at(12, 8, 9), first_contact_at=at(12, 8, 14))
    text = parse_html(report(client, admissions).content).text
    assert "[Reply time not yet set]" in text
    assert "[Opening hours not yet set]" in text
    table = report_rows(client, admissions)
    assert table["Dec 7"] == ["1", "0", "—", "—", "—"], "no wait is counted without hours to count it in"


def test_editors_are_refused_and_the_home_page_links_the_report_only_for_admissions(client, admissions):
    editor = make_editor()
    staff_login(client, editor)
    assert client.get(REPORT_URL).status_code == 403
    assert REPORT_URL not in client.get("/admin/").content.decode()
    staff_login(client, admissions)
    assert REPORT_URL in client.get("/admin/").content.decode()
    assert client.get(REPORT_URL).status_code == 200


def test_someone_not_signed_in_is_sent_to_sign_in(client):
    response = client.get(REPORT_URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
