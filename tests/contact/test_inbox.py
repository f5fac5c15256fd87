"""The inquiry list admissions works from: open inquiries first, who they are and how to reach them, overdue marked."""

import datetime
import re
import zoneinfo
from urllib.parse import parse_qsl

import pytest
import time_machine

from center.models import SiteSettings, Weekday
from contact.models import Inquiry
from tests.support.builders import make_staff, staff_login
from tests.support.htmlpage import parse_html
from tests.support.inquiries import LIST_URL, change_url, form_data, make_inquiry

pytestmark = pytest.mark.django_db

SACRAMENTO = zoneinfo.ZoneInfo("America/Los_Angeles")
FRIDAY_EVENING = datetime.datetime(2026, 12, 4, 21, 15, tzinfo=SACRAMENTO)
MONDAY_9 = datetime.datetime(2026, 12, 7, 9, 0, tzinfo=SACRAMENTO)
MONDAY_11 = datetime.datetime(2026, 12, 7, 11, 0, tzinfo=SACRAMENTO)


def promise_two_business_hours():
    site = SiteSettings.load()
    site.response_target_hours = 2
    site.save()
    site.opening_hours.create(first_day=Weekday.MONDAY, last_day=Weekday.FRIDAY, opens="08:00", closes="18:00")


def listed(client, **params):
    return list(client.get(LIST_URL, params).context["cl"].result_list)


def test_a_friday_evening_inquiry_is_overdue_only_once_monday_mornings_reply_time_has_passed(db):
    promise_two_business_hours()
    inquiry = make_inquiry(created_at=FRIDAY_EVENING)
    assert list(Inquiry.objects.overdue(now=MONDAY_9)) == [], "the weekend does not count"
    assert list(Inquiry.objects.overdue(now=MONDAY_11)) == [inquiry]
    to_review = make_inquiry(created_at=FRIDAY_EVENING, status="review")
    assert set(Inquiry.objects.overdue(now=MONDAY_11)) == {inquiry, to_review}, "possible spam still waits for a reply"


@pytest.mark.parametrize(
    "answered",
    [
        {"status": "contacted", "first_contact_at": MONDAY_9},
        {"first_contact_at": MONDAY_9},  # first contact stamped (or corrected) while the status still reads new
        {"status": "spam"},
        {"status": "closed"},
    ],
)
def test_an_inquiry_answered_closed_or_spam_is_never_overdue(db, answered):
    promise_two_business_hours()
    make_inquiry(created_at=FRIDAY_EVENING, **answered)
    assert not Inquiry.objects.overdue(now=MONDAY_11).exists()


def test_without_a_response_target_nothing_is_overdue(db):
    make_inquiry(created_at=FRIDAY_EVENING)
    assert not Inquiry.objects.overdue(now=MONDAY_11).exists()
    assert Inquiry.objects.with_overdue_flag(now=MONDAY_11).get().is_overdue is False


def rows(client):
    """The inbox list's rows as their cells' text, after the header row (the first cell is the selection box)."""
    table = parse_html(client.get(LIST_URL).content).table_rows()
    start = next(i for i, row in enumerate(table) if any(cell.endswith("Number") for cell in row))
    header, *body = table[start:]
    # A header's text starts with its place in the sort order ("1 Received") when the list is sorted by it.
    return [re.sub(r"^\d+ ", "", cell) for cell in header[1:]], [row[1:] for row in body]


def test_the_list_shows_who_it_is_for_how_to_reach_them_and_who_has_it(client, admissions):
    make_inquiry(
        name="Jordan Quill", inquiry_for="loved_one", preferred_contact="text", best_time="evening", voicemail_ok=True,
        assigned_to=admissions,
    )  # fmt: skip
    make_inquiry(name="Sam Reyes", preferred_contact="email", language="es")
    staff_login(client, admissions)
    header, (sam, jordan) = rows(client)
    assert header == [
        "Number", "Received", "Name", "Inquiry is for", "Preferred contact", "Best time", "Voicemail OK", "Language",
        "Assigned to", "Status",
    ]  # fmt: skip
    assert sam[2:] == ["Sam Reyes", "Myself", "Email", "Any time", "No", "Spanish", "Nobody yet", "New"]
    assert jordan[2:] == [
        "Jordan Quill", "A loved one", "Text message", "Evening", "Yes", "English", "casey-admissions", "New",
    ]  # fmt: skip


def test_prefers_spanish_lists_those_who_asked_for_spanish_on_either_form(client, admissions):
    assert client.post("/es/contact/", form_data(name="Ana Ruiz")).status_code == 302
    assert client.post("/contact/", form_data(name="Sam Reyes", preferred_language="en")).status_code == 302
    assert client.post("/contact/", form_data(name="Luz Prado", preferred_language="es")).status_code == 302
    spanish = set(Inquiry.objects.filter(preferred_language="es"))
    assert len(spanish) == 2
    staff_login(client, admissions)
    page = parse_html(client.get(LIST_URL).content)
    [choice] = [link for link in page.find_all("a") if link.text.strip() == "Prefers Spanish"]
    assert set(listed(client, **dict(parse_qsl(choice.attrs["href"].lstrip("?"))))) == spanish
    assert len(listed(client)) == 3
    assert len(listed(client, language="fr")) == 3, "a language the site lacks is ignored, never an error"


def test_the_inquiry_page_leads_with_who_wrote_how_to_reach_them_their_message_and_the_take_button(client, admissions):
    inquiry = make_inquiry(
        name="Ana Ruiz", preferred_contact="text", best_time="evening", language="es", message="¿Me pueden llamar?"
    )
    staff_login(client, admissions)
    text = parse_html(client.get(change_url(inquiry)).content).text
    lead = (
        "Ana Ruiz Call (916) 555-0142 · Text (916) 555-0142 Email jordan.quill@example.com "
        "Prefers: Text message, evening; Spanish Their message ¿Me pueden llamar? I’m taking this"
    )
    assert lead in text
    assert text.index(lead) < text.index("Follow-up")


def test_an_inquiry_to_review_gives_its_reason_at_the_top_of_its_page_and_in_the_list(client, admissions):
    inquiry = make_inquiry(status="review", spam_reason="sent 1.2 s after the form was shown")
    staff_login(client, admissions)
    text = parse_html(client.get(change_url(inquiry)).content).text
    assert text.index("Needs review: sent 1.2 s after the form was shown.") < text.index("Jordan Quill")
    _, (row,) = rows(client)
    assert row[-1] == "Needs review Why: sent 1.2 s after the form was shown"


def test_another_language_is_listed_as_written_and_found_by_its_filter(client, admissions):
    other = make_inquiry(preferred_language="other", other_language="Tagalog")
    make_inquiry(preferred_language="es")
    staff_login(client, admissions)
    _, body = rows(client)
    assert sorted(row[7] for row in body) == ["Another language: Tagalog", "Spanish"]
    assert listed(client, language="other") == [other]


def test_each_row_says_how_long_ago_it_came_and_marks_the_overdue_in_words(client, admissions):
    promise_two_business_hours()
    overdue = make_inquiry(created_at=FRIDAY_EVENING)
    fresh = make_inquiry(created_at=MONDAY_11 - datetime.timedelta(minutes=25))
    with time_machine.travel(MONDAY_11, tick=False):
        staff_login(client, admissions)
        _, body = rows(client)
        assert listed(client, reply="overdue") == [overdue]
    received = {row[0]: row[1] for row in body}
    assert received[f"#{overdue.pk}"].endswith("2 days ago Overdue")
    assert received[f"#{fresh.pk}"].endswith("25 min ago")


def test_the_inbox_opens_on_open_inquiries_and_shows_closed_and_spam_when_asked(client, admissions):
    new = make_inquiry()
    scheduled = make_inquiry(status="scheduled")
    closed = make_inquiry(status="closed")
    spam = make_inquiry(status="spam", spam_reason="hidden field filled in", notify_next_attempt_at=None)
    staff_login(client, admissions)
    assert set(listed(client)) == {new, scheduled}
    assert "Open (new to scheduled)" in parse_html(client.get(LIST_URL).content).text
    assert listed(client, status__exact="closed") == [closed]
    assert listed(client, status__exact="spam") == [spam]
    assert listed(client, q=f"#{spam.pk} #{closed.pk}") == [spam, closed], "a search looks through every status"


def test_assigned_to_me_shows_only_mine_and_nobody_yet_the_untaken(client, admissions):
    colleague = make_staff("riley-admissions", group="Admissions")
    mine = make_inquiry(assigned_to=admissions)
    make_inquiry(assigned_to=colleague)
    untaken = make_inquiry()
    staff_login(client, admissions)
    assert listed(client, assigned="me") == [mine]
    assert listed(client, assigned="nobody") == [untaken]


def test_an_inquiry_flagged_for_deletion_says_when_in_its_status(client, admissions):
    make_inquiry(flagged_for_deletion_at=datetime.datetime(2026, 11, 20, 12, tzinfo=SACRAMENTO))
    staff_login(client, admissions)
    _, [row] = rows(client)
    assert row[-1] == "New Will be deleted on the next purge after December 4, 2026"


def test_assigned_to_offers_admissions_members_by_name_and_no_account_links(client, admissions, superuser):
    admissions.first_name, admissions.last_name = "Casey", "Nguyen"
    admissions.save()
    make_staff("eden-editor", group="Editors")
    inquiry = make_inquiry(assigned_to=superuser)  # a superuser took it: it stays theirs until changed
    staff_login(client, admissions)
    page = parse_html(client.get(change_url(inquiry)).content)
    select = page.find_all("select", name="assigned_to")
    assert select, "a plain select"
    options = [el for el in page.elements if el.tag == "option" and el.attrs.get("value", "x").isdigit()]
    assert sorted(el.attrs["value"] for el in options) == sorted([str(admissions.pk), str(superuser.pk)])
    assert "Casey Nguyen" in page.text and "eden-editor" not in page.text
    assert not page.find_all("a", id="change_id_assigned_to"), "no link to edit someone's account"
    assert not [a for a in page.find_all("a") if "/admin/auth/user/" in a.attrs.get("href", "")]


def test_the_filters_start_closed_each_naming_what_it_is_set_to(client, admissions):
    make_inquiry()
    staff_login(client, admissions)
    page = parse_html(client.get(LIST_URL, {"language": "es"}).content)
    filters = page.find_all("details")
    assert filters and not [f for f in filters if "open" in f.attrs]
    assert "By language: Prefers Spanish" in page.text
    assert "By status: Open (new to scheduled)" in page.text
