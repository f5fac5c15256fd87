"""Admissions staff work inquiries in the admin; every look is audited; editors never see them."""

import csv
import datetime
import io
import re

import pytest
import time_machine
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.utils import timezone

from contact.admin import csv_safe
from contact.models import Inquiry
from staff.models import AuditEvent
from tests.support.builders import make_staff, staff_login
from tests.support.htmlpage import parse_html
from tests.support.inquiries import LIST_URL, SCRIPT, SEARCH_URL, change_url, make_inquiry, search

pytestmark = pytest.mark.django_db


def export(client, inquiries, **params):
    return client.post(
        LIST_URL + (f"?{params['query']}" if params else ""),
        {"action": "export_csv", "_selected_action": [i.pk for i in inquiries]},
    )


def rows_of(response):
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_an_inquiry_is_known_by_its_number_never_the_name():
    inquiry = make_inquiry()
    assert str(inquiry) == f"Inquiry #{inquiry.pk}"


def test_the_admissions_group_may_view_and_change_inquiries_and_nothing_else():
    permissions = {
        f"{p.content_type.app_label}.{p.codename}" for p in Group.objects.get(name="Admissions").permissions.all()
    }
    assert permissions == {"contact.view_inquiry", "contact.change_inquiry"}


def messages_on(response):
    return [str(message) for message in response.context["messages"]]


@pytest.mark.parametrize(
    "term", ["jordan.quill@example.com", " Jordan.Quill@EXAMPLE.com ", "(916) 555-0142", "+1 916.555.0142", "#NUMBER"]
)
def test_staff_can_search_by_exact_email_phone_or_number(client, admissions, term):
    wanted = make_inquiry()
    make_inquiry(name="Alex Other", email="alex@example.com", phone="(530) 555-0199")
    staff_login(client, admissions)
    response = search(client, term.replace("NUMBER", str(wanted.pk)))
    assert list(response.context["cl"].result_list) == [wanted]
    assert response.redirect_chain == [(f"{LIST_URL}?q=%23{wanted.pk}", 302)], "the address holds the number only"


def test_the_search_box_sends_what_was_typed_in_the_body_never_in_the_address(client, admissions):
    staff_login(client, admissions)
    page = parse_html(client.get(LIST_URL).content)
    [search_form] = page.find_all("form", id="changelist-search")
    assert (search_form.attrs["method"], search_form.attrs["action"]) == ("post", SEARCH_URL)
    assert page.find_all("input", name="q", id="searchbar")
    assert "full email address or phone number" in page.text


def test_an_email_or_phone_in_the_address_bar_is_not_searched_and_staff_are_told_why(client, admissions):
    make_inquiry()
    staff_login(client, admissions)
    for term in ("jordan.quill@example.com", "9165550142"):
        response = client.get(LIST_URL, {"q": term})
        assert list(response.context["cl"].result_list) == []
        assert "Type an email address or phone number into the search box" in " ".join(messages_on(response))


@pytest.mark.parametrize("term", ["Quill", "jordan.quill@example", "555-0142"])
def test_names_and_partial_contacts_find_nothing_because_they_are_encrypted(client, admissions, term):
    make_inquiry()
    staff_login(client, admissions)
    response = search(client, term)
    assert messages_on(response) == ["No inquiry has that number, or that full email address or phone number."]
    assert response.redirect_chain == [(LIST_URL, 302)]


def test_bare_digits_find_the_inquiry_with_that_number_or_that_whole_phone_number(client, admissions):
    wanted = make_inquiry(phone="(916) 555-0100")
    by_phone = make_inquiry(phone="(530) 555-0199")
    staff_login(client, admissions)
    assert list(search(client, str(wanted.pk)).context["cl"].result_list) == [wanted]
    assert list(search(client, "5305550199").context["cl"].result_list) == [by_phone]


def test_a_search_keeps_the_filters_in_force_and_finds_every_inquiry_from_one_person(client, admissions):
    first, second = make_inquiry(status="closed"), make_inquiry(status="closed")
    make_inquiry(status="new")
    staff_login(client, admissions)
    response = search(client, "jordan.quill@example.com", status__exact="closed", p="2")
    [(url, _)] = response.redirect_chain
    assert re.fullmatch(rf"{LIST_URL}\?status__exact=closed&q=(%23[0-9]+\+?)+", url), "numbers only, from page 1"
    assert list(response.context["cl"].result_list) == [second, first]


@pytest.mark.parametrize("term", ["x" * 300, "9" * 40, "#" + "9" * 40, "²", "#٣"])
def test_odd_search_input_gets_a_plain_answer_never_an_error(client, admissions, term):
    make_inquiry()
    staff_login(client, admissions)
    response = search(client, term)
    assert response.status_code == 200
    assert messages_on(response)


def test_searching_needs_permission_to_see_inquiries(client):
    editor = make_staff(
        "pat-editor",
        permissions=[("pages", p.codename) for p in Permission.objects.filter(content_type__app_label="pages")],
    )
    assert client.post(SEARCH_URL, {"q": "jordan.quill@example.com"}).status_code == 302, "to the sign-in page"
    staff_login(client, editor)
    assert client.post(SEARCH_URL, {"q": "jordan.quill@example.com"}).status_code == 403


def test_the_submitted_fields_are_read_only_and_the_follow_up_and_insurance_details_can_change(client, admissions):
    inquiry = make_inquiry()
    staff_login(client, admissions)
    page = parse_html(client.get(change_url(inquiry)).content)
    editable = {el.attrs.get("name") for el in page.elements if el.tag in {"input", "select", "textarea"}}
    assert {"status", "assigned_to", "new_note", "insurance_payer", "insurance_member_id"} <= editable
    assert not editable & {"name", "email", "phone", "message", "source_page", "preferred_contact"}
    response = client.post(
        change_url(inquiry),
        {"status": "scheduled", "assigned_to": admissions.pk, "insurance_payer": "Blue Harbor", "name": "Changed"},
    )
    assert response.status_code == 302
    inquiry.refresh_from_db()
    assert (inquiry.status, inquiry.assigned_to, inquiry.insurance_payer) == ("scheduled", admissions, "Blue Harbor")
    assert inquiry.name == "Jordan Quill"


def test_notes_are_a_timeline_each_entry_with_its_author_and_time_never_overwritten(client, admissions):
    inquiry = make_inquiry()
    other = make_staff("robin-admissions", group="Admissions")
    staff_login(client, other)
    with time_machine.travel(datetime.datetime(2026, 3, 2, 9, 15, tzinfo=datetime.UTC), tick=False):
        client.post(change_url(inquiry), {"status": "new", "new_note": "Left no message, as asked."})
    staff_login(client, admissions)
    client.post(change_url(inquiry), {"status": "new", "new_note": "  Called back; booked an assessment.  "})
    client.post(change_url(inquiry), {"status": "new", "new_note": ""})  # saving without a note adds none
    notes = [(note.author.username, note.text) for note in inquiry.notes.select_related("author")]
    assert notes == [
        ("robin-admissions", "Left no message, as asked."),
        ("casey-admissions", "Called back; booked an assessment."),
    ]
    entries = [li for li in parse_html(client.get(change_url(inquiry)).content).texts("li") if "·" in li]
    assert len(entries) == 2
    assert "robin-admissions" in entries[0] and "Left no message" in entries[0], "oldest first"
    assert "March 2, 2026" in entries[0], "each entry shows when it was written"
    assert "casey-admissions" in entries[1] and "booked an assessment" in entries[1]
    assert AuditEvent.objects.filter(action="changed", detail="note added").count() == 2
    assert "booked" not in str(list(AuditEvent.objects.values_list("detail", flat=True))), "the trail never quotes"


def test_a_note_that_is_too_long_gets_a_plain_error(client, admissions):
    inquiry = make_inquiry()
    staff_login(client, admissions)
    response = client.post(change_url(inquiry), {"status": "new", "new_note": "x" * 2001})
    assert response.status_code == 200
    assert "at most 2000 characters" in parse_html(response.content).text
    assert not inquiry.notes.exists()


def test_html_in_every_field_is_shown_escaped_in_the_admin(client, admissions):
    inquiry = make_inquiry(name=SCRIPT, email="a@example.com", phone=SCRIPT, message=SCRIPT, source_page=SCRIPT)
    staff_login(client, admissions)
    for url in (LIST_URL, change_url(inquiry)):
        content = client.get(url).content
        assert SCRIPT.encode() not in content
    assert b"&lt;script&gt;" in client.get(change_url(inquiry)).content


@pytest.mark.parametrize(
    ("action", "status"),
    [
        ("mark_contacted", "contacted"),
        ("mark_scheduled", "scheduled"),
        ("mark_closed", "closed"),
        ("mark_spam", "spam"),
    ],
)
def test_bulk_actions_set_the_status_of_the_selected_inquiries(client, admissions, action, status):
    chosen = [make_inquiry(), make_inquiry()]
    other = make_inquiry()
    staff_login(client, admissions)
    response = client.post(LIST_URL, {"action": action, "_selected_action": [i.pk for i in chosen]}, follow=True)
    assert "Marked 2 inquiries as" in parse_html(response.content).text
    assert {i.status for i in Inquiry.objects.filter(pk__in=[i.pk for i in chosen])} == {status}
    assert Inquiry.objects.get(pk=other.pk).status == "new"
    event = AuditEvent.objects.filter(action=AuditEvent.Action.CHANGED).get()
    assert event.inquiry_ids == sorted(i.pk for i in chosen)


def test_marking_spam_cancels_an_email_not_yet_sent(client, admissions):
    inquiry = make_inquiry(notify_next_attempt_at="2020-01-01T00:00:00Z")
    staff_login(client, admissions)
    client.post(LIST_URL, {"action": "mark_spam", "_selected_action": [inquiry.pk]})
    assert not Inquiry.objects.notification_due().exists()


def test_the_csv_export_holds_the_selected_rows_and_cannot_run_formulas(client, admissions):
    risky = make_inquiry(name='=HYPERLINK("http://evil.example","x")', message="+1+1", phone="-2", email="a@b.co")
    make_inquiry(name="@SUM(A1)", message="\tTab")
    plain = make_inquiry(name=SCRIPT, message="Line one\nline two")
    staff_login(client, admissions)
    response = export(client, [risky, plain])
    assert "attachment" in response["Content-Disposition"]
    header, *rows = rows_of(response)
    assert header[:4] == ["Number", "Received", "Status", "Name"]
    assert [row[0] for row in rows] == [str(risky.pk), str(plain.pk)]
    by_column = dict(zip(header, rows[0], strict=True))
    assert by_column["Name"] == '\'=HYPERLINK("http://evil.example","x")'
    assert by_column["Message"] == "'+1+1"
    assert by_column["Phone"] == "'-2"
    plain_row = dict(zip(header, rows[1], strict=True))
    assert plain_row["Name"] == SCRIPT, "CSV is text: the script is kept as typed, never interpreted"
    assert plain_row["Message"] == "Line one\nline two"


@pytest.mark.parametrize("value", ["=1+2", "+1", "-1", "@x", "\tx", "\rx"])
def test_every_formula_trigger_is_neutralised(value):
    assert csv_safe(value) == "'" + value


def test_the_inbox_shows_inquiries_to_review_and_hides_spam_until_asked(client, admissions):
    new = make_inquiry()
    to_review = make_inquiry(status="review", spam_reason="sent 1.2 s after the form was shown")
    spam = make_inquiry(status="spam", spam_reason="hidden field filled in", notify_next_attempt_at=None)
    staff_login(client, admissions)
    response = client.get(LIST_URL)
    assert set(response.context["cl"].result_list) == {new, to_review}
    page = parse_html(response.content)
    assert "Needs review" in page.text
    spam_view = client.get(LIST_URL, {"status__exact": "spam"})
    assert list(spam_view.context["cl"].result_list) == [spam], "kept, and found with the filter"
    assert list(client.get(LIST_URL, {"status__exact": "review"}).context["cl"].result_list) == [to_review]
    found = client.get(LIST_URL, {"q": f"#{spam.pk}"})
    assert list(found.context["cl"].result_list) == [spam], "a search looks through spam too"


def test_the_export_can_cover_every_filtered_row(client, admissions):
    closed = [make_inquiry(status="closed") for _ in range(3)]
    make_inquiry(status="new")
    staff_login(client, admissions)
    response = client.post(
        LIST_URL + "?status__exact=closed",
        {"action": "export_csv", "select_across": "1", "index": "0", "_selected_action": [closed[0].pk]},
    )
    _, *rows = rows_of(response)
    assert sorted(int(row[0]) for row in rows) == sorted(i.pk for i in closed)


def test_staff_views_list_pages_and_exports_are_audited(client, admissions):
    inquiry = make_inquiry()
    staff_login(client, admissions)
    client.get(LIST_URL)
    client.get(change_url(inquiry))
    search(client, "jordan.quill@example.com")
    export(client, [inquiry])
    events = list(AuditEvent.objects.order_by("pk").values_list("action", "username", "inquiry_ids", "detail"))
    assert events[1:] == [
        ("listed", "casey-admissions", [inquiry.pk], "page 1"),
        ("viewed", "casey-admissions", [inquiry.pk], ""),
        ("listed", "casey-admissions", [inquiry.pk], "page 1 (search)"),
        ("exported", "casey-admissions", [inquiry.pk], ""),
    ]
    assert events[0][:2] == ("login", "casey-admissions")
    assert "quill" not in str(events), "the trail records that a search happened, not the address searched for"


def test_the_admins_autocomplete_listing_inquiry_numbers_is_audited_like_the_list(client, admissions):
    """Django's autocomplete answers any field pointing at inquiries (a note's, here), whether or not a form uses
    it: what it lists is a look at inquiries too."""
    inquiries = [make_inquiry() for _ in range(3)]
    staff_login(client, admissions)
    params = {"app_label": "contact", "model_name": "inquirynote", "field_name": "inquiry", "term": ""}
    response = client.get("/admin/autocomplete/", params)
    listed = [int(result["id"]) for result in response.json()["results"]]
    assert sorted(listed) == sorted(inquiry.pk for inquiry in inquiries)
    event = AuditEvent.objects.filter(action=AuditEvent.Action.LISTED).get()
    assert (event.username, sorted(event.inquiry_ids), event.detail) == (
        "casey-admissions",
        sorted(listed),
        "autocomplete page 1",
    )


def test_editors_cannot_see_inquiries(client):
    editor = make_staff(
        "pat-editor",
        permissions=[("pages", p.codename) for p in Permission.objects.filter(content_type__app_label="pages")],
    )
    inquiry = make_inquiry()
    staff_login(client, editor)
    assert client.get(LIST_URL).status_code == 403
    assert client.get(change_url(inquiry)).status_code == 403
    assert "Inquiries" not in parse_html(client.get("/admin/").content).text


def test_admissions_staff_cannot_delete_add_or_reach_other_admin_sections(client, admissions):
    inquiry = make_inquiry()
    staff_login(client, admissions)
    assert client.post(f"{LIST_URL}{inquiry.pk}/delete/", {"post": "yes"}).status_code == 403
    assert client.get(f"{LIST_URL}add/").status_code == 403
    assert client.get("/admin/contact/notificationrecipient/").status_code == 403
    assert client.get("/admin/auth/user/").status_code == 403
    assert Inquiry.objects.filter(pk=inquiry.pk).exists()


def test_the_inquiry_page_has_links_to_call_text_and_email_them(client, admissions):
    by_text = make_inquiry(preferred_contact="text", phone="(916) 555-0142", email="jordan.quill@example.com")
    by_phone = make_inquiry(preferred_contact="phone", phone="(530) 555-0199", email="")
    staff_login(client, admissions)
    links = {el.attrs["href"] for el in parse_html(client.get(change_url(by_text)).content).find_all("a")}
    assert {"tel:+19165550142", "sms:+19165550142", "mailto:jordan.quill@example.com"} <= links
    links = {el.attrs["href"] for el in parse_html(client.get(change_url(by_phone)).content).find_all("a")}
    assert "tel:+15305550199" in links
    assert not {link for link in links if link.startswith(("sms:", "mailto:"))}, "only the ways they gave"


def test_im_taking_this_assigns_the_inquiry_to_me_in_one_click_and_is_audited(client, admissions):
    other = make_staff("robin-admissions", group="Admissions")
    inquiry = make_inquiry(assigned_to=other)
    staff_login(client, admissions)
    page = parse_html(client.get(change_url(inquiry)).content)
    [take] = page.find_all("form", action=f"{change_url(inquiry).removesuffix('change/')}take/")
    assert "Now assigned to robin-admissions" in page.text
    [seen] = page.find_all("input", type="hidden", name="assigned_to")
    assert seen.attrs["value"] == str(other.pk), "the button says whom it was shown beside"
    response = client.post(take.attrs["action"], {"assigned_to": seen.attrs["value"]}, follow=True)
    assert response.redirect_chain == [(change_url(inquiry), 302)]
    assert "is yours now" in " ".join(messages_on(response))
    assert "This inquiry is assigned to you." in parse_html(response.content).text
    inquiry.refresh_from_db()
    assert inquiry.assigned_to == admissions
    assert AuditEvent.objects.filter(
        action="changed", username="casey-admissions", inquiry_ids=[inquiry.pk], detail="assigned to casey-admissions"
    ).exists()
    assert client.get(take.attrs["action"]).status_code == 302, "a link followed only shows the inquiry"
    assert Inquiry.objects.get(pk=inquiry.pk).assigned_to == admissions


def test_of_two_coordinators_who_press_take_at_once_the_second_is_told_the_first_has_it(admissions):
    inquiry = make_inquiry()
    robin = make_staff("robin-admissions", group="Admissions")
    first, second = Client(), Client()
    staff_login(first, admissions)
    staff_login(second, robin)
    take = f"{LIST_URL}{inquiry.pk}/take/"
    untaken = {"assigned_to": ""}  # what the button posts beside an inquiry assigned to no one
    first.post(take, untaken)
    response = second.post(take, untaken, follow=True)
    assert Inquiry.objects.get(pk=inquiry.pk).assigned_to == admissions
    assert messages_on(response) == [
        f"{inquiry} was not taken: it is now assigned to casey-admissions, who changed it first."
    ]
    assert [event.username for event in AuditEvent.objects.filter(detail__startswith="assigned to")] == [
        "casey-admissions"
    ], "the trail records the take that happened, and only that one"


def test_taking_needs_permission_to_change_inquiries_and_an_inquiry_that_exists(client, admissions):
    inquiry = make_inquiry()
    viewer = make_staff("val-viewer", permissions=[("contact", "view_inquiry")])
    staff_login(client, viewer)
    page = parse_html(client.get(change_url(inquiry)).content)
    assert "I’m taking this" not in page.text
    assert client.post(f"{LIST_URL}{inquiry.pk}/take/").status_code == 403
    assert Inquiry.objects.get(pk=inquiry.pk).assigned_to is None
    staff_login(client, admissions)
    response = client.post(f"{LIST_URL}999999/take/", follow=True)
    assert response.status_code == 200
    assert "doesn’t exist" in " ".join(messages_on(response))
    response = client.post(f"{LIST_URL}{inquiry.pk}/take/", {"assigned_to": "someone"}, follow=True)
    assert messages_on(response) == ["That button was out of date; here is the inquiry as it is now."]
    assert Inquiry.objects.get(pk=inquiry.pk).assigned_to is None


def first_contact_fields(moment):
    """The first-contact date and time as the change page's two boxes send them, in the center's time zone."""
    local = timezone.localtime(moment)
    return {"first_contact_at_0": local.strftime("%Y-%m-%d"), "first_contact_at_1": local.strftime("%H:%M:%S")}


def test_the_first_status_change_to_a_reply_stamps_first_contact_once_and_staff_may_correct_it(client, admissions):
    inquiry = make_inquiry(created_at=datetime.datetime(2026, 3, 6, 18, 0, tzinfo=datetime.UTC))
    staff_login(client, admissions)
    monday = datetime.datetime(2026, 3, 9, 17, 5, tzinfo=datetime.UTC)
    with time_machine.travel(monday, tick=False):
        client.post(change_url(inquiry), {"status": "spam"})
        assert Inquiry.objects.get(pk=inquiry.pk).first_contact_at is None, "spam is no reply"
        client.post(change_url(inquiry), {"status": "contacted"})
    assert Inquiry.objects.get(pk=inquiry.pk).first_contact_at == monday
    staff_login(client, admissions)  # months have passed since that sign-in: the session timed out
    later = client.post(change_url(inquiry), {"status": "scheduled", **first_contact_fields(monday)})
    assert later.status_code == 302
    inquiry.refresh_from_db()
    assert (inquiry.status, inquiry.first_contact_at) == ("scheduled", monday), "a later change keeps first contact"
    earlier = monday - datetime.timedelta(minutes=35)
    corrected = client.post(change_url(inquiry), {"status": "scheduled", **first_contact_fields(earlier)})
    assert corrected.status_code == 302
    assert Inquiry.objects.get(pk=inquiry.pk).first_contact_at == earlier
    details = list(AuditEvent.objects.filter(action="changed").order_by("pk").values_list("username", "detail"))
    assert details == [
        ("casey-admissions", "status New → Spam"),
        ("casey-admissions", "first contact stamped, status Spam → Contacted"),
        ("casey-admissions", "status Contacted → Scheduled"),
        ("casey-admissions", "first contact"),
    ]


@pytest.mark.parametrize(
    ("day", "time", "error"),
    [
        ("2026-03-01", "09:00:00", "can’t be before the inquiry arrived"),
        ("2027-01-01", "09:00:00", "can’t be in the future"),
        ("2026-13-45", "09:00:00", "Enter a valid date"),
    ],
)
def test_a_first_contact_time_that_cannot_be_right_gets_a_plain_error(client, admissions, day, time, error):
    inquiry = make_inquiry(created_at=datetime.datetime(2026, 3, 6, 18, 0, tzinfo=datetime.UTC))
    staff_login(client, admissions)
    with time_machine.travel(datetime.datetime(2026, 3, 9, 17, 0, tzinfo=datetime.UTC), tick=False):
        response = client.post(
            change_url(inquiry), {"status": "contacted", "first_contact_at_0": day, "first_contact_at_1": time}
        )
    assert response.status_code == 200
    assert error in parse_html(response.content).text
    assert Inquiry.objects.get(pk=inquiry.pk).first_contact_at is None


def test_bulk_actions_stamp_first_contact_only_where_none_is_recorded(client, admissions):
    earlier = datetime.datetime(2026, 3, 9, 16, 0, tzinfo=datetime.UTC)
    answered, waiting = make_inquiry(first_contact_at=earlier, status="contacted"), make_inquiry()
    staff_login(client, admissions)
    client.post(LIST_URL, {"action": "mark_scheduled", "_selected_action": [answered.pk, waiting.pk]})
    answered.refresh_from_db(), waiting.refresh_from_db()
    assert answered.first_contact_at == earlier
    assert waiting.first_contact_at is not None and waiting.status == "scheduled"


def test_the_history_page_says_what_changed_never_what_was_written(client, admissions):
    inquiry = make_inquiry()
    staff_login(client, admissions)
    client.post(
        change_url(inquiry), {"status": "contacted", "new_note": "Private words", "insurance_member_id": "XQM4471902"}
    )
    history = parse_html(client.get(f"{change_url(inquiry).removesuffix('change/')}history/").content).text
    assert "status New → Contacted" in history and "note added" in history and "member id" in history
    assert "Private words" not in history and "XQM4471902" not in history


INSURANCE = {
    "insurance_payer": "Blue Harbor Health",
    "insurance_member_id": "XQM4471902",
    "insurance_group_number": "GRP88231",
    "insurance_policy_holder": "Morgan Quill",
}


def test_the_csv_export_never_holds_insurance_details(client, admissions):
    inquiry = make_inquiry(**INSURANCE)
    staff_login(client, admissions)
    header, row = rows_of(export(client, [inquiry]))
    assert not set(INSURANCE.values()) & set(row)
    assert not [title for title in header if "insurance company" in title.lower() or "member" in title.lower()]


def test_the_insurance_export_holds_the_plan_details_and_the_trail_says_so(client, admissions):
    inquiry = make_inquiry(**INSURANCE)
    staff_login(client, admissions)
    response = client.post(LIST_URL, {"action": "export_insurance_csv", "_selected_action": [inquiry.pk]})
    assert 'filename="insurance-' in response["Content-Disposition"]
    header, row = rows_of(response)
    assert dict(zip(header, row, strict=True)) == {
        "Number": str(inquiry.pk),
        "Received": timezone.localtime(inquiry.created_at).strftime("%Y-%m-%d %H:%M"),
        "Name": "Jordan Quill",
        "Email": "jordan.quill@example.com",
        "Phone": "(916) 555-0142",
        "Insurance company": "Blue Harbor Health",
        "Member ID": "XQM4471902",
        "Group number": "GRP88231",
        "Policy holder": "Morgan Quill",
    }
    event = AuditEvent.objects.get(action="exported")
    assert (event.username, event.inquiry_ids, event.detail) == ("casey-admissions", [inquiry.pk], "insurance details")
