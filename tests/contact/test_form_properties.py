"""Property-based tests: whatever a visitor (or a bot) types, the form answers calmly and stores clean data."""

import re
import string

import pytest
from django.core.exceptions import ValidationError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from contact.forms import InquiryForm, normalise_phone, normalise_source_page
from contact.models import Inquiry
from tests.support.inquiries import form_data

FIELDS = [
    "name",
    "email",
    "phone",
    "preferred_contact",
    "best_time",
    "inquiry_for",
    "program",
    "message",
    "source_page",
]
any_text = st.text(max_size=300)
# Text a browser can actually send: lone surrogates cannot be encoded as UTF-8.
postable_text = st.text(st.characters(exclude_categories=["Cs"]), max_size=300)


@given(fields=st.dictionaries(st.sampled_from(FIELDS), any_text))
def test_the_form_never_crashes_and_valid_data_is_clean(fields):
    form = InquiryForm(data=form_data(**fields))
    if form.is_valid():
        data = form.cleaned_data
        assert data["email"] or data["phone"]
        assert "\n" not in data["name"] and "\r" not in data["name"]
        assert data["name"] == data["name"].strip() and data["name"]
        assert data["phone"] == "" or re.fullmatch(r"\(\d{3}\) \d{3}-\d{4}|\+\d{8,15}", data["phone"])
        assert data["source_page"] == "" or data["source_page"].startswith("/")
        assert len(data["message"]) <= 2000
    else:
        assert all(isinstance(message, str) and message for errors in form.errors.values() for message in errors)


@given(st.text(alphabet=string.digits + " ()-.+", max_size=25))
def test_a_phone_number_is_normalised_or_politely_refused(value):
    try:
        normalised = normalise_phone(value)
    except ValidationError:
        return  # refused with a message: fine
    digits = re.sub(r"\D", "", normalised)
    assert digits.lstrip("1") in re.sub(r"\D", "", value)


@given(any_text)
def test_a_source_page_is_always_a_local_path_or_nothing(value):
    path = normalise_source_page(value)
    assert path == "" or (path.startswith("/") and not path.startswith("//") and "://" not in path[:10])
    assert len(path) <= 200


@pytest.mark.django_db
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(fields=st.dictionaries(st.sampled_from(FIELDS), postable_text))
def test_any_post_gets_a_200_or_a_redirect_never_a_500(client, django_settings, fields):
    """A redirect to the thank-you page means this post was stored (the examples share one database, so each
    counts its own)."""
    stored_before = Inquiry.objects.count()
    response = client.post("/contact/", form_data(**fields))
    assert response.status_code in {200, 302}
    stored = Inquiry.objects.count() - stored_before
    assert stored == (1 if response.status_code == 302 else 0), "thanked, so stored once; shown again, so not stored"


@pytest.fixture
def django_settings(settings):
    settings.CONTACT_RATE_LIMIT = 10_000
    return settings
