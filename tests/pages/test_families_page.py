"""/families/: how to help someone you love, what the center offers families, where to find support, a way to ask."""

from urllib.parse import urlsplit

from pages.models import ContentPage
from tests.support.builders import fill_site_settings
from tests.support.htmlpage import parse_html

URL = "/families/"
NO_FAMILY_SERVICES = "[What we offer families is not yet set — please call admissions to ask]"
SUPPORT = {
    "Al-Anon Family Groups": "https://al-anon.org/",
    "SMART Recovery Family & Friends": "https://smartrecovery.org/",
    "NAMI, the National Alliance on Mental Illness": "https://www.nami.org/",
    "SAMHSA’s National Helpline": "https://www.samhsa.gov/find-help/national-helpline",
    "988 Suicide & Crisis Lifeline": "https://988lifeline.org/",
}


def visit(client):
    response = client.get(URL)
    assert response.status_code == 200
    return parse_html(response.content)


def test_the_page_explains_how_to_help_with_sources_and_cites_craft(client, seeded):
    page = visit(client)
    assert page.texts("h1") == ["For families"]
    assert {"What to say, and what to avoid", "Looking after yourself", "Sources"} <= set(page.texts("h2"))
    assert "Community Reinforcement and Family Training (CRAFT)" in page.text
    assert "Journal of Consulting and Clinical Psychology" in page.text


def test_with_nothing_entered_what_we_offer_families_is_a_visible_placeholder(client, seeded):
    assert NO_FAMILY_SERVICES in visit(client).text


def test_what_we_offer_families_is_shown_as_staff_wrote_it(client, seeded):
    fill_site_settings(family_services="A **family group** meets weekly.\n\n<iframe src='https://x.example'></iframe>")
    response = client.get(URL)
    page = parse_html(response.content)
    assert NO_FAMILY_SERVICES not in page.text
    assert "A family group meets weekly." in page.text
    assert "<strong>family group</strong>" in response.content.decode()
    assert not page.find_all("iframe")


def test_support_groups_are_plain_outbound_links_to_their_own_sites(client, seeded):
    page = visit(client)
    links = {link.attrs["href"]: link for link in page.find_all("a")}
    for name, href in SUPPORT.items():
        assert name in page.text
        assert set(links[href].attrs["rel"].split()) >= {"noopener", "noreferrer"}, name
    # Links only: nothing on the page is loaded from another site.
    assert all(urlsplit(value).netloc in {"", "testserver"} for tag, _, value in page.urls() if tag != "a")


def test_988_is_one_tap_away(client, seeded):
    assert len(visit(client).find_all("a", href="tel:988")) >= 2  # the crisis banner, and the support list


def test_the_call_to_action_opens_the_form_preset_to_a_loved_one(client, seeded):
    fill_site_settings(phone="(916) 555-0177")
    page = visit(client)
    assert page.find_all("a", href="/contact/?for=loved-one")
    assert page.find_all("a", href="tel:+19165550177")
    form = parse_html(client.get("/contact/?for=loved-one").content)
    [chosen] = [el for el in form.find_all("input", name="inquiry_for") if "checked" in el.attrs]
    assert chosen.attrs["value"] == "loved_one"


def test_without_the_editors_text_the_page_still_offers_support(client, db):
    page = visit(client)
    assert page.texts("h1") == ["For families"]
    assert NO_FAMILY_SERVICES in page.text
    assert "Al-Anon Family Groups" in page.text


def test_a_draft_of_the_editors_text_is_never_shown(client, seeded):
    ContentPage.objects.filter(slug="families").update(status=ContentPage.Status.DRAFT, body_html="<p>Secret draft</p>")
    assert "Secret draft" not in visit(client).text
