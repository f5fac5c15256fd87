"""Licenses and accreditations: never stated once expired (not even from the page cache), in the clinic's JSON-LD
while in force, and staff are warned EXPIRY_WARNING_DAYS before one runs out."""

import datetime
import json
import time
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.test import Client

from center.models import EXPIRY_WARNING_DAYS, Accreditation, License
from pages.cache import content_generation, page_lifetime
from tests.support.builders import days_from_today, make_accreditation, make_license, staff_login
from tests.support.htmlpage import parse_html

CERTIFIED = "Certified by the State Department of Health Care Services."


def test_an_accreditation_is_current_from_its_first_day_through_its_last(db):
    not_yet = make_accreditation(valid_from=days_from_today(1))
    starting = make_accreditation(body="CARF International", valid_from=days_from_today(0))
    ending = make_accreditation(body="COA", valid_from=days_from_today(-10), valid_until=days_from_today(0))
    make_accreditation(body="Ended", valid_from=days_from_today(-10), valid_until=days_from_today(-1))
    today = days_from_today(0)
    assert set(Accreditation.objects.current()) == {starting, ending}
    assert [record.is_current(today) for record in (not_yet, starting, ending)] == [False, True, True]


# Staff warnings in the admin.


@pytest.fixture
def admin_client(superuser):
    client = Client()
    staff_login(client, superuser)
    return client


def messages_on(response):
    return [str(message) for message in response.context["messages"]]


def test_the_license_list_warns_of_one_running_out_within_the_warning_period(admin_client):
    license = make_license(number="190001AP", expires_on=days_from_today(30))
    response = admin_client.get("/admin/center/license/")
    assert messages_on(response) == [
        f"License or certification “Certified program 190001AP” runs out in 30 days, on "
        f"{license.expires_on:%B %-d, %Y}. After that day the site no longer shows it: once it is renewed, "
        "enter the new date here."
    ]
    assert "Expires in 30 days" in response.content.decode()


@pytest.mark.parametrize(
    ("days_left", "warned"), [(EXPIRY_WARNING_DAYS + 1, False), (EXPIRY_WARNING_DAYS, True), (0, True), (-1, False)]
)
def test_the_warning_begins_exactly_the_warning_period_ahead_and_ends_with_the_record(admin_client, days_left, warned):
    make_license(expires_on=days_from_today(days_left))
    assert bool(messages_on(admin_client.get("/admin/center/license/"))) is warned


def test_an_expired_license_is_marked_expired_on_the_list(admin_client):
    license = make_license(expires_on=days_from_today(-3))
    assert f"Expired on {license.expires_on:%b %-d, %Y}" in admin_client.get("/admin/center/license/").content.decode()


def test_the_accreditation_list_warns_too(admin_client):
    make_accreditation(valid_until=days_from_today(1))
    (warning,) = messages_on(admin_client.get("/admin/center/accreditation/"))
    assert warning.startswith(
        "Accreditation “The Joint Commission: Behavioral Health Care and Human Services” runs out tomorrow"
    )


def test_the_admin_home_page_warns_of_every_record_running_out_the_soonest_first(admin_client):
    make_accreditation(valid_until=days_from_today(40))
    make_license(number="190001AP", expires_on=days_from_today(10))
    make_license(number="190002AP", expires_on=days_from_today(200), lookup_url="https://b.example.org/")
    page = admin_client.get("/admin/").content.decode()
    warnings = page[page.index("Needs attention") :]
    assert warnings.index("190001AP” runs out in 10 days") < warnings.index(
        "Behavioral Health Care and Human Services”"
    )
    assert "190002AP" not in warnings
    assert "in 40 days" in warnings


def test_a_warning_is_shown_once_not_again_after_a_form_is_sent(admin_client):
    """A post redirects back to the list: the warning is shown there, not carried over as well."""
    license = make_license(expires_on=days_from_today(10))
    response = admin_client.post(
        f"/admin/center/license/{license.pk}/change/",
        {
            "kind": License.Kind.CERTIFIED_PROGRAM,
            "issuer": License.DHCS,
            "number": license.number,
            "expires_on": days_from_today(20).isoformat(),
            "lookup_url": license.lookup_url,
        },
        follow=True,
    )
    warnings = [message for message in messages_on(response) if "runs out" in message]
    assert len(warnings) == 1
    assert "in 20 days" in warnings[0]


# How long the page cache may keep a page.


def seconds_until_midnight_starting(day):
    """Seconds from now until 00:00 of ``day`` in the site's time zone."""
    midnight = datetime.datetime.combine(day, datetime.time.min, tzinfo=ZoneInfo(settings.TIME_ZONE))
    return midnight.timestamp() - time.time()


@pytest.fixture
def long_page_cache(settings):
    """A page cache lifetime far longer than any test, so only the records' dates can shorten it."""
    settings.PAGE_CACHE_SECONDS = 400 * 86400
    return settings.PAGE_CACHE_SECONDS


def lifetime():
    return page_lifetime(content_generation())


@pytest.mark.parametrize("days_left", [0, 3, 45])
def test_a_cached_page_lasts_no_longer_than_the_license_it_states(db, long_page_cache, days_left):
    """A page cached on a license's last day (or any day before) is gone at the midnight that ends that day."""
    make_license(expires_on=days_from_today(days_left))
    expected = seconds_until_midnight_starting(days_from_today(days_left + 1))
    assert expected - 2 <= lifetime() <= expected


def test_the_soonest_change_of_any_record_ends_a_cached_page(db, long_page_cache):
    make_license(expires_on=days_from_today(300))
    make_accreditation(valid_until=days_from_today(20))
    expected = seconds_until_midnight_starting(days_from_today(21))
    assert expected - 2 <= lifetime() <= expected


def test_a_cached_page_ends_when_an_accreditation_starts(db, long_page_cache):
    """The footer names an accreditation from its first day: the page cached the day before must not outlast it."""
    make_accreditation(valid_from=days_from_today(2), valid_until=days_from_today(800))
    expected = seconds_until_midnight_starting(days_from_today(2))
    assert expected - 2 <= lifetime() <= expected


def test_expired_records_leave_the_page_cache_lifetime_alone(db, long_page_cache):
    make_license(expires_on=days_from_today(-1))
    make_accreditation(valid_from=days_from_today(-400), valid_until=days_from_today(-30))
    assert lifetime() == long_page_cache


def test_the_usual_page_cache_lifetime_wins_when_it_is_shorter(db, settings):
    settings.PAGE_CACHE_SECONDS = 600
    make_license(expires_on=days_from_today(0))
    assert lifetime() == min(600, int(seconds_until_midnight_starting(days_from_today(1))))


# The clinic's JSON-LD (home, program and contact pages).


def clinic_of(client):
    page = parse_html(client.get("/").content)
    blocks = [json.loads(el.text) for el in page.captured if el.attrs.get("type") == "application/ld+json"]
    (clinic,) = [block for block in blocks if block.get("@type") == "MedicalClinic"]
    return clinic


def test_the_clinic_json_ld_carries_the_license_and_accreditation_in_force(client, seeded):
    license = make_license(number="190001AP", expires_on=days_from_today(100))
    accreditation = make_accreditation(valid_until=days_from_today(200))
    assert clinic_of(client)["hasCredential"] == [
        {
            "@type": "EducationalOccupationalCredential",
            "name": CERTIFIED,
            "credentialCategory": "Certified program",
            "identifier": "190001AP",
            "expires": license.expires_on.isoformat(),
            "recognizedBy": {"@type": "Organization", "name": "State Department of Health Care Services"},
            "url": license.lookup_url,
        },
        {
            "@type": "EducationalOccupationalCredential",
            "name": "Accredited by The Joint Commission: Behavioral Health Care and Human Services",
            "credentialCategory": "Accreditation",
            "expires": accreditation.valid_until.isoformat(),
            "recognizedBy": {"@type": "Organization", "name": "The Joint Commission"},
            "url": accreditation.lookup_url,
        },
    ]


def test_the_clinic_json_ld_names_no_expired_or_future_credential(client, seeded):
    make_license(expires_on=days_from_today(-1))
    make_accreditation(valid_from=days_from_today(5))
    assert "hasCredential" not in clinic_of(client)


def test_an_expired_license_leaves_the_json_ld_and_the_newer_one_stays(client, seeded):
    make_license(number="OLD-1", expires_on=days_from_today(-1), lookup_url="https://a.example.org/")
    make_license(number="NEW-2", expires_on=days_from_today(364), lookup_url="https://b.example.org/")
    assert [credential["identifier"] for credential in clinic_of(client)["hasCredential"]] == ["NEW-2"]
