"""The notices a treatment provider must make available: the version in effect, its history, and until the
center's text exists, how to get it from admissions."""

import datetime
import time

import pytest
from django.utils import timezone

from center.models import Notice, SiteSettings
from pages.cache import content_generation, lifetime_in_generation
from tests.support.builders import staff_login
from tests.support.htmlpage import parse_html

NOTICES = {
    "client rights": ("/client-rights/", "Client bill of rights", "leginfo.legislature.ca.gov"),
    "privacy practices": ("/notice-of-privacy-practices/", "Notice of Privacy Practices", "www.ecfr.gov"),
    "records": ("/confidentiality-of-records/", "Confidentiality of substance use records", "www.ecfr.gov"),
}
ON_REQUEST = "This notice is available on request from our admissions team: call"
URL = "/client-rights/"


def today():
    return timezone.localdate()


def days(count):
    return today() + datetime.timedelta(days=count)


def long_date(day):
    return f"{day:%B} {day.day}, {day.year}"


def client_rights(effective_on, body):
    return Notice.objects.create(kind=Notice.Kind.CLIENT_RIGHTS, effective_on=effective_on, body=body)


@pytest.fixture
def history(db):
    """Three versions of the client bill of rights: two that took effect, one dated ahead."""
    return {
        "old": client_rights(days(-400), "## Your rights\n\nThe **first** version's words."),
        "current": client_rights(days(-30), "## Your rights\n\nThe **second** version's words."),
        "ahead": client_rights(days(10), "## Your rights\n\nThe **third** version's words."),
    }


def get_page(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return parse_html(response.content)


@pytest.mark.parametrize(("url", "title", "source_host"), NOTICES.values(), ids=NOTICES.keys())
def test_until_the_text_is_entered_the_page_says_how_to_get_it_and_what_the_law_says(
    client, db, url, title, source_host
):
    site = SiteSettings.load()
    page = get_page(client, url)
    assert page.texts("h1") == [title]
    assert f"{ON_REQUEST} {site.phone}." in page.text
    assert page.find_all("a", href=site.phone_href)
    assert "Effective" not in page.text
    sources = [el for el in page.find_all("a") if f"//{source_host}/" in el.attrs.get("href", "")]
    assert sources, f"no source link to {source_host}"
    assert all(set(el.attrs["rel"].split()) >= {"noopener", "noreferrer"} for el in sources)


@pytest.mark.parametrize(("url", "title", "source_host"), NOTICES.values(), ids=NOTICES.keys())
def test_each_notice_shows_its_own_text_with_the_date_it_took_effect(client, db, url, title, source_host):
    kind = url.strip("/")
    Notice.objects.create(kind=kind, effective_on=datetime.date(2026, 1, 1), body=f"The center's {kind} text.")
    page = get_page(client, url)
    assert f"The center's {kind} text." in page.text
    assert "Effective January 1, 2026" in page.text
    assert ON_REQUEST not in page.text
    assert page.texts("h1") == [title]
    for other_url, *_ in NOTICES.values():  # and no other notice's text
        if other_url != url:
            assert f"The center's {kind} text." not in get_page(client, other_url).text


def test_the_version_in_effect_is_shown_and_earlier_ones_are_listed_with_their_dates(client, history):
    page = get_page(client, URL)
    assert "The second version's words." in page.text
    assert f"Effective {long_date(days(-30))}" in page.text
    assert "first version" not in page.text
    assert page.find_all("a", href=f"?version={days(-400).isoformat()}")
    assert f"Effective {long_date(days(-400))} until {long_date(days(-30))}" in page.text
    assert f"In effect since {long_date(days(-30))} (this version)" in page.text
    assert page.meta_content("robots") is None


def test_an_earlier_version_can_be_read_and_says_it_is_no_longer_in_effect(client, history):
    page = get_page(client, f"{URL}?version={days(-400).isoformat()}")
    assert "The first version's words." in page.text
    assert "second version" not in page.text
    assert "This is an earlier version, no longer in effect." in page.text
    assert f"Effective {long_date(days(-400))} until {long_date(days(-30))} Your rights" in page.text
    assert page.find_all("a", href=URL)  # to the version in effect
    assert page.meta_content("robots") == "noindex"
    assert page.link_hrefs("canonical") == [f"http://testserver{URL}?version={days(-400).isoformat()}"]
    assert page.title.startswith(f"Client bill of rights, effective {long_date(days(-400))} |")


def test_the_version_in_effect_has_one_address(client, history):
    response = client.get(f"{URL}?version={days(-30).isoformat()}")
    assert response.status_code == 302
    assert response["Location"] == URL


def test_a_version_dated_ahead_is_neither_shown_nor_listed_before_its_day(client, history):
    page = get_page(client, URL)
    assert "third version" not in page.text
    assert days(10).isoformat() not in str(page.elements)
    assert long_date(days(10)) not in page.text
    assert client.get(f"{URL}?version={days(10).isoformat()}").status_code == 404


def test_the_first_version_dated_ahead_leaves_the_placeholder_until_its_day(client, db):
    client_rights(days(1), "Tomorrow's words.")
    page = get_page(client, URL)
    assert ON_REQUEST in page.text
    assert "Tomorrow's words." not in page.text


@pytest.mark.parametrize(
    "value",
    [
        "",
        "abc",
        "2025-1-1",  # a date, but not as the page's links spell it
        "2025-02-30",
        "9999-99-99",
        "0000-00-00",
        "<script>alert(1)</script>",
        "2025-01-01T00:00",
        " 2025-01-01",
        "1999-12-31",  # a well-formed date on which no version took effect
    ],
)
def test_a_version_that_names_no_version_is_not_found(client, history, value):
    response = client.get(URL, {"version": value})
    assert response.status_code == 404
    assert parse_html(response.content).texts("h1") == ["We couldn’t find that page"]


def test_each_version_is_cached_as_itself(client, history, django_assert_num_queries):
    SiteSettings.load()  # the record exists, as on a running site (creating it makes every cached page stale)
    old = f"{URL}?version={days(-400).isoformat()}"
    get_page(client, URL), get_page(client, old)
    with django_assert_num_queries(0):
        assert "The second version's words." in get_page(client, URL).text
        assert "The first version's words." in get_page(client, old).text


def test_a_change_to_a_notice_shows_on_the_next_request(client, history):
    get_page(client, URL)
    history["current"].body = "Corrected words."
    history["current"].save()
    assert "Corrected words." in get_page(client, URL).text


def start_of(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min)).timestamp()


def test_no_page_is_cached_past_the_start_of_the_day_a_version_takes_effect(client, db):
    client_rights(days(1), "Tomorrow's words.")
    client_rights(days(5), "Later words.")
    get_page(client, URL)  # rendered and cached: the placeholder
    lifetime = lifetime_in_generation(10**7, content_generation())
    assert abs(lifetime - (start_of(days(1)) - time.time())) < 5


def test_a_version_far_ahead_leaves_the_usual_cache_lifetime(client, db, settings):
    client_rights(days(60), "Words for later.")
    assert lifetime_in_generation(settings.PAGE_CACHE_SECONDS, content_generation()) == settings.PAGE_CACHE_SECONDS


def test_a_notice_page_is_in_the_sitemap(client, db):
    sitemap = client.get("/sitemap.xml").content.decode()
    for url, *_ in NOTICES.values():
        assert f"<loc>http://testserver{url}</loc>" in sitemap


def test_staff_see_which_version_visitors_are_shown(client, history, superuser):
    staff_login(client, superuser)
    text = parse_html(client.get("/admin/center/notice/").content).text
    assert f"From {days(10):%b} {days(10).day}, {days(10).year}" in text
    assert "In effect" in text
    assert "As an earlier version" in text
