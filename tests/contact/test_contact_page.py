"""The contact page: every way to reach the center, taken from the site-settings record."""

from pages.models import SiteSettings
from tests.support.htmlpage import parse_html


def test_the_contact_page_offers_the_phone_and_email_from_the_record(client, db):
    SiteSettings.objects.create(phone="(916) 555-0177", email="intake@example.org", hours="Mon–Fri 8–6")
    response = client.get("/contact/")
    assert response.status_code == 200
    page = parse_html(response.content)
    assert page.texts("h1") == ["Contact us"]
    assert page.find_all("a", href="tel:+19165550177")
    assert page.find_all("a", href="mailto:intake@example.org")
    assert "Mon–Fri 8–6" in page.text


def test_other_pages_link_to_the_contact_page(client, seeded):
    for url in ("/", "/about/", "/articles/"):
        assert parse_html(client.get(url).content).find_all("a", href="/contact/"), url
