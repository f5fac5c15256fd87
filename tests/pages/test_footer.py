"""Every page's footer: the license sentence H&SC §11831.12 asks for, accreditations, opening hours, footer links."""

import re

import pytest
from django.utils import translation
from django.utils.formats import date_format

from center.models import License, SiteSettings, Weekday
from tests.support.builders import days_from_today, make_accreditation, make_license
from tests.support.htmlpage import parse_html
from tests.support.page_types import EXPECTED_STATUS, FIXED_PAGES

CERTIFIED = "Certified by the State Department of Health Care Services."
LICENSED = "Licensed by the State Department of Health Care Services."
LICENSE_PLACEHOLDER = "[License and certification details not yet set]"
OUTBOUND = "noopener noreferrer"


def page_at(client, path="/", name=None):
    response = client.get(path)
    assert response.status_code == EXPECTED_STATUS.get(name, 200), path
    return parse_html(response.content)


def footer_text(page):
    (footer,) = page.texts("footer")
    return footer


def links_to(page, url):
    """(text, rel) of each link to ``url`` on the page."""
    return [(link.text.strip(), link.attrs.get("rel")) for link in page.find_all("a", href=url)]


def opening_hours_lines(client):
    """The footer's opening hours, one entry per line the visitor sees."""
    html = client.get("/").content.decode()
    (hours,) = re.findall(r'<p class="opening-hours">(.*?)</p>', html, re.DOTALL)
    return [line.strip() for line in hours.split("<br>")]


@pytest.mark.parametrize(("name", "path"), FIXED_PAGES, ids=[name for name, _ in FIXED_PAGES])
def test_every_page_type_states_the_certification_word_for_word_linked_to_the_lookup_page(client, seeded, name, path):
    license = make_license(number="190001AP", expires_on=days_from_today(200))
    page = page_at(client, path, name)
    assert links_to(page, license.lookup_url) == [(CERTIFIED, OUTBOUND)]
    footer = footer_text(page)
    if name.startswith("es-"):  # the law's words in English, then the same sentence and the number in Spanish
        with translation.override("es"):
            expires = date_format(license.expires_on, "DATE_FORMAT")
        assert (
            f"{CERTIFIED} (Certificado por el Departamento de Servicios de Atención Médica del Estado (DHCS).) "
            f"Número de certificación 190001AP, vigente hasta el {expires}."
        ) in footer
    else:
        assert f"{CERTIFIED} Certification number 190001AP, valid through {license.expires_on:%B %-d, %Y}." in footer
        assert LICENSE_PLACEHOLDER not in footer


def test_a_licensed_facility_says_licensed_by_the_department(client, seeded):
    license = make_license(kind=License.Kind.LICENSED_FACILITY, number="340012BN")
    page = page_at(client)
    assert links_to(page, license.lookup_url) == [(LICENSED, OUTBOUND)]
    assert "License number 340012BN" in footer_text(page)
    assert CERTIFIED not in footer_text(page)


def test_a_facility_license_and_a_program_certification_are_both_stated(client, seeded):
    facility = make_license(kind=License.Kind.LICENSED_FACILITY, number="340012BN", lookup_url="https://a.example.org/")
    program = make_license(kind=License.Kind.CERTIFIED_PROGRAM, number="190001AP", lookup_url="https://b.example.org/")
    page = page_at(client, "/about/")
    assert links_to(page, facility.lookup_url) == [(LICENSED, OUTBOUND)]
    assert links_to(page, program.lookup_url) == [(CERTIFIED, OUTBOUND)]


def test_a_license_is_stated_through_its_last_day_and_never_after(client, seeded):
    last_day_today = make_license(number="190001AP", expires_on=days_from_today(0), lookup_url="https://a.example.org/")
    expired = make_license(number="190002AP", expires_on=days_from_today(-1), lookup_url="https://b.example.org/")
    page = page_at(client)
    assert links_to(page, last_day_today.lookup_url) == [(CERTIFIED, OUTBOUND)]
    assert links_to(page, expired.lookup_url) == []
    assert "190002AP" not in footer_text(page)


def test_with_only_an_expired_license_the_placeholder_shows(client, seeded):
    expired = make_license(expires_on=days_from_today(-1))
    page = page_at(client)
    assert links_to(page, expired.lookup_url) == []
    assert CERTIFIED not in footer_text(page)
    assert LICENSE_PLACEHOLDER in footer_text(page)


def test_without_any_license_the_placeholder_shows(client, seeded):
    assert LICENSE_PLACEHOLDER in footer_text(page_at(client))


def test_a_new_license_shows_on_the_very_next_request(client, seeded):
    assert LICENSE_PLACEHOLDER in footer_text(page_at(client))  # the page is cached now
    license = make_license()
    page = page_at(client)
    assert links_to(page, license.lookup_url) == [(CERTIFIED, OUTBOUND)]
    assert LICENSE_PLACEHOLDER not in footer_text(page)


def test_an_accreditation_in_force_is_named_with_its_scope_and_linked(client, seeded):
    accreditation = make_accreditation(valid_until=days_from_today(90))
    page = page_at(client, "/articles/")
    assert links_to(page, accreditation.lookup_url) == [("Accredited by The Joint Commission", OUTBOUND)]
    assert (
        "Accredited by The Joint Commission Behavioral Health Care and Human Services, "
        f"valid through {accreditation.valid_until:%B %-d, %Y}." in footer_text(page)
    )


def test_an_accreditation_without_a_lookup_page_is_named_without_a_link(client, seeded):
    make_accreditation(body="CARF International", scope="Intensive Outpatient Treatment: Adults", lookup_url="")
    page = page_at(client)
    assert "Accredited by CARF International Intensive Outpatient Treatment: Adults" in footer_text(page)
    assert not [link for link in page.find_all("a") if "CARF" in link.text]


def test_an_accreditation_is_not_stated_before_it_starts_or_after_it_ends(client, seeded):
    make_accreditation(body="CARF International", valid_from=days_from_today(1), valid_until=days_from_today(400))
    make_accreditation(body="The Joint Commission", valid_from=days_from_today(-800), valid_until=days_from_today(-1))
    footer = footer_text(page_at(client))
    assert "CARF" not in footer
    assert "Joint Commission" not in footer


def test_opening_hours_show_one_row_a_line_with_the_note(client, seeded):
    site = SiteSettings.objects.create(hours_note="Closed on public holidays.")
    site.opening_hours.create(first_day=Weekday.MONDAY, last_day=Weekday.FRIDAY, opens="08:00", closes="18:00")
    site.opening_hours.create(first_day=Weekday.SATURDAY, last_day=Weekday.SATURDAY, opens="09:30", closes="13:00")
    assert opening_hours_lines(client) == [
        "Monday to Friday, 8 a.m.–6 p.m.",
        "Saturday, 9:30 a.m.–1 p.m.",
        "Closed on public holidays.",
    ]


def test_without_opening_hours_the_placeholder_shows(client, seeded):
    assert opening_hours_lines(client) == ["[Opening hours not yet set]"]


FOOTER_LINKS = {
    "Your rights and privacy": [
        ("Client rights", "/client-rights/"),
        ("Notice of Privacy Practices", "/notice-of-privacy-practices/"),
        ("Your treatment records (42 CFR Part 2)", "/confidentiality-of-records/"),
        ("Confidentiality", "/confidentiality/"),
        ("Privacy", "/privacy/"),
        ("Language assistance", "/language-assistance/"),
    ],
    "About us": [
        ("About us", "/about/"),
        ("Our team", "/team/"),
        ("Insurance and cost", "/insurance-and-cost/"),
        ("For families", "/families/"),
        ("Accessibility", "/accessibility/"),
    ],
}


def test_the_footer_links_to_the_notices_and_the_pages_about_us_in_two_groups(client, seeded):
    html = client.get("/").content.decode()
    footer = html[html.index("<footer") :]
    for heading, links in FOOTER_LINKS.items():
        section = re.search(rf"<h2[^>]*>{heading}</h2>(.*?)</section>", footer, re.DOTALL).group(1)
        assert re.findall(r'<a href="([^"]+)">([^<]+)</a>', section) == [(path, text) for text, path in links]
