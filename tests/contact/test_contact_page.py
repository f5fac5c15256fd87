"""The contact page: every way to reach the center, taken from the site-settings record."""

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
