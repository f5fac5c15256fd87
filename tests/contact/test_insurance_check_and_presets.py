"""The "I'd like my insurance checked" choice, and the answers a link to the form may choose in advance.

The insurance page links to /contact/?insurance=1 and the For families page to /contact/?for=loved-one; any other
value is ignored. The choice is stored and shown to admissions staff, never put in the staff email.
"""

import csv
import io

import pytest
from django.core import mail

from contact.models import Inquiry
from tests.support.builders import staff_login
from tests.support.htmlpage import parse_html
from tests.support.inquiries import LIST_URL, change_url, form_data, make_inquiry

pytestmark = pytest.mark.django_db

CHECKBOX = "insurance_check"


def form_page(client, query=""):
    response = client.get(f"/contact/{query}")
    assert response.status_code == 200
    return parse_html(response.content)


def is_ticked(page):
    [checkbox] = page.find_all("input", name=CHECKBOX)
    return "checked" in checkbox.attrs


def chosen_for(page):
    """The value of the "Who is this for?" radio button that is chosen, or None."""
    chosen = [el.attrs["value"] for el in page.find_all("input", name="inquiry_for") if "checked" in el.attrs]
    return chosen[0] if chosen else None


def test_the_form_offers_an_optional_insurance_check_left_unticked(client):
    page = form_page(client)
    [checkbox] = page.find_all("input", name=CHECKBOX)
    assert checkbox.attrs["type"] == "checkbox"
    assert "required" not in checkbox.attrs
    assert not is_ticked(page)
    assert "I’d like my insurance checked" in page.text
    assert "if not, we’ll ask when we reply" in page.text


def test_an_inquiry_without_the_choice_is_stored_without_it(client):
    assert client.post("/contact/", form_data()).status_code == 302
    assert Inquiry.objects.get().insurance_check is False


def test_an_inquiry_with_the_choice_is_stored_with_it(client):
    assert client.post("/contact/", form_data(insurance_check="on")).status_code == 302
    assert Inquiry.objects.get().insurance_check is True


def test_the_insurance_page_link_pre_ticks_the_choice(client):
    assert is_ticked(form_page(client, "?insurance=1"))


@pytest.mark.parametrize("value", ["0", "yes", "", "1%00", "<script>"])
def test_another_insurance_value_leaves_the_choice_unticked(client, value):
    assert not is_ticked(form_page(client, f"?insurance={value}"))


def test_the_families_page_link_chooses_a_loved_one(client):
    page = form_page(client, "?for=loved-one")
    assert chosen_for(page) == Inquiry.InquiryFor.LOVED_ONE
    assert not is_ticked(page)


@pytest.mark.parametrize("value", ["nonsense", "loved_one", "LOVED-ONE", "", "a" * 5000, "%27%3E"])
def test_a_value_that_names_no_choice_is_ignored_and_the_form_still_shows(client, value):
    assert chosen_for(form_page(client, f"?for={value}")) is None


def test_both_presets_together_and_a_sent_form_keeps_what_the_visitor_changed(client):
    page = form_page(client, "?for=loved-one&insurance=1")
    assert chosen_for(page) == Inquiry.InquiryFor.LOVED_ONE and is_ticked(page)
    # A preset is only a starting point: what is posted is what counts.
    client.post("/contact/?for=loved-one&insurance=1", form_data(inquiry_for="myself"))
    inquiry = Inquiry.objects.get()
    assert (inquiry.inquiry_for, inquiry.insurance_check) == ("myself", False)


@pytest.mark.parametrize("include_details", [False, True])
def test_the_staff_email_never_mentions_the_insurance_choice(
    client, django_capture_on_commit_callbacks, settings, recipients, include_details
):
    settings.CONTACT_NOTIFY_ON_SUBMIT = True
    settings.CONTACT_NOTIFY_INCLUDE_DETAILS = include_details
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/contact/", form_data(insurance_check="on", message="Hello"))
    assert Inquiry.objects.get().insurance_check is True
    [message] = mail.outbox
    assert "insurance" not in f"{message.subject}\n{message.body}".lower()


def test_staff_see_the_choice_on_the_inquiry_and_can_filter_by_it(client, admissions):
    asked = make_inquiry(insurance_check=True)
    not_asked = make_inquiry()
    staff_login(client, admissions)
    detail = parse_html(client.get(change_url(asked)).content)
    assert "Insurance check asked for" in detail.text
    assert not detail.find_all("input", name=CHECKBOX), "what the visitor sent is read-only"
    listed = parse_html(client.get(LIST_URL + "?insurance_check__exact=1").content)
    assert f"#{asked.pk}" in listed.text
    assert f"#{not_asked.pk}" not in listed.text
    assert "By insurance check asked for" in parse_html(client.get(LIST_URL).content).text


def test_the_csv_export_says_whether_the_check_was_asked_for(client, admissions):
    asked, not_asked = make_inquiry(insurance_check=True), make_inquiry()
    staff_login(client, admissions)
    response = client.post(LIST_URL, {"action": "export_csv", "_selected_action": [asked.pk, not_asked.pk]})
    header, *rows = csv.reader(io.StringIO(response.content.decode("utf-8-sig")))
    column = header.index("Insurance check asked for")
    assert sorted(row[column] for row in rows) == ["no", "yes"]


PLAN = {
    "insurance_payer": "Blue Harbor Health",
    "insurance_member_id": "XQM4471902",
    "insurance_group_number": "GRP88231",
    "insurance_policy_holder": "Morgan Quill",
}


def test_the_form_offers_optional_insurance_details_that_a_script_shows_only_when_the_check_is_ticked(client):
    page = form_page(client)
    assert page.find_all("fieldset", id="insurance-details"), "shown to everyone without JavaScript"
    assert "Your insurance details (optional)" in page.text
    for name in PLAN:
        [field] = page.find_all("input", name=name)
        assert "required" not in field.attrs
    assert "/static/js/insurance-details.js" in {
        el.attrs.get("src", "").split("?")[0] for el in page.find_all("script")
    }


def test_insurance_details_are_kept_when_the_check_is_asked_for(client):
    assert client.post("/contact/", form_data(insurance_check="on", **PLAN)).status_code == 302
    inquiry = Inquiry.objects.get()
    assert {name: getattr(inquiry, name) for name in PLAN} == PLAN


def test_insurance_details_typed_without_asking_for_the_check_are_not_kept(client):
    assert client.post("/contact/", form_data(**PLAN)).status_code == 302
    inquiry = Inquiry.objects.get()
    assert [getattr(inquiry, name) for name in PLAN] == ["", "", "", ""]


def test_an_over_long_member_id_gets_a_plain_error(client):
    response = client.post("/contact/", form_data(insurance_check="on", insurance_member_id="9" * 51))
    assert response.status_code == 200
    assert "at most 50 characters" in parse_html(response.content).text
    assert not Inquiry.objects.exists()


@pytest.mark.parametrize("include_details", [False, True])
def test_the_staff_email_never_holds_insurance_details(
    client, django_capture_on_commit_callbacks, settings, recipients, include_details
):
    settings.CONTACT_NOTIFY_ON_SUBMIT = True
    settings.CONTACT_NOTIFY_INCLUDE_DETAILS = include_details
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/contact/", form_data(insurance_check="on", **PLAN))
    [message] = mail.outbox
    assert not [value for value in PLAN.values() if value in f"{message.subject}\n{message.body}"]
