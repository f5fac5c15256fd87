"""The contact page: every way to reach the center, taken from the site-settings record."""

import re

import pytest

from center.models import SiteSettings, Weekday
from tests.support.htmlpage import parse_html


def test_the_contact_page_offers_the_phone_and_email_from_the_record(client, db):
    site = SiteSettings.objects.create(phone="(916) 555-0177", email="intake@example.org")
    site.opening_hours.create(first_day=Weekday.MONDAY, last_day=Weekday.FRIDAY, opens="08:00", closes="18:00")
    response = client.get("/contact/")
    assert response.status_code == 200
    page = parse_html(response.content)
    assert page.texts("h1") == ["Contact us"]
    assert page.find_all("a", href="tel:+19165550177")
    assert page.find_all("a", href="mailto:intake@example.org")
    assert "Monday to Friday, 8 a.m.–6 p.m." in page.text


def test_other_pages_link_to_the_contact_page(client, seeded):
    for url in ("/", "/about/", "/articles/"):
        assert parse_html(client.get(url).content).find_all("a", href="/contact/"), url


@pytest.mark.parametrize(("path", "explanation"), [
    ("/contact/", "Fields marked with an asterisk (*) are required."),
    ("/es/contact/", "Los campos marcados con un asterisco (*) son obligatorios."),
])  # fmt: skip
def test_the_required_fields_asterisk_is_explained_once_and_never_read_aloud(client, db, path, explanation):
    """A screen reader hears "required" from the input itself; "star" after every label would only be noise."""
    html = client.get(path).content.decode()
    asterisks = re.findall(r"<span[^>]*class=\"asteriskField\"[^>]*>", html)
    assert asterisks, f"{path}: no required field is marked"
    spoken = [span for span in asterisks if 'aria-hidden="true"' not in span]
    assert not spoken, f"{path}: {len(spoken)} asterisks a screen reader reads aloud: {spoken[0]}"
    assert parse_html(html).text.count(explanation) == 1, f"{path}: what * means is not said once"
