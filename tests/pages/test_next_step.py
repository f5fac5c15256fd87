"""The next step that ends every article and program page, in the page's language: when sessions meet, what it
costs, how what you tell us stays confidential, the self-check, then a call or a message; and the seed article's
own last paragraph links the same pages instead of saying "Contact us today" in plain text."""

import re

import pytest

from center.models import SiteSettings
from tests.support.htmlpage import parse_html
from tests.support.seed import PROGRAM_URL, SEED_ARTICLE_URL, SPANISH_PROGRAM_URL


def next_step_links(client, url):
    """(text, href, hreflang) of each link in the page's next step, in order."""
    response = client.get(url)
    assert response.status_code == 200
    block = re.search(r'<aside class="contact-cta next-step".*?</aside>', response.content.decode(), re.S)
    assert block, f"{url} ends without a next step"
    page = parse_html(block.group(0))
    return [
        (text, el.attrs["href"], el.attrs.get("hreflang"))
        for el, text in zip(page.find_all("a"), page.texts("a"), strict=True)
    ]


@pytest.mark.parametrize("url", [SEED_ARTICLE_URL, PROGRAM_URL], ids=["article", "program"])
def test_an_english_page_ends_with_the_schedule_the_cost_confidentiality_the_self_check_and_a_call(client, seeded, url):
    site = SiteSettings.load()
    assert next_step_links(client, url) == [
        ("Session days and times", f"{PROGRAM_URL}#schedule", None),
        ("What it costs, and the insurance plans we have checked", "/insurance-and-cost/", None),
        ("How we keep what you tell us confidential", "/confidentiality/", None),
        ("A private self-check on alcohol and drugs", "/self-check/", None),
        (f"Call {site.phone}", site.phone_href, None),
        ("Message us", "/contact/", None),
    ]


def test_the_spanish_program_page_leads_to_spanish_pages_or_says_english(client, seeded):
    links = next_step_links(client, SPANISH_PROGRAM_URL)
    assert links[0] == ("Días y horarios de las sesiones", f"{SPANISH_PROGRAM_URL}#schedule", None)
    assert links[1][1] == "/es/insurance-and-cost/"
    text, href, hreflang = links[2]
    # Until the confidentiality page has a Spanish translation, the link says it leads to English.
    assert (href, hreflang) in {("/es/confidentiality/", None), ("/confidentiality/", "en")}
    assert text.endswith("(en inglés)") == (hreflang == "en")
    assert links[3][1:] == ("/es/self-check/", None)
    assert links[5][1] == "/es/contact/"


def test_the_seed_article_links_the_schedule_the_cost_confidentiality_and_the_form(client, seeded):
    page = parse_html(client.get(SEED_ARTICLE_URL).content)
    prose_links = {text: el.attrs["href"] for el, text in zip(page.find_all("a"), page.texts("a"), strict=True)}
    assert prose_links["when sessions meet"] == f"{PROGRAM_URL}#schedule"
    assert prose_links["what treatment costs"] == "/insurance-and-cost/"
    assert prose_links["how we keep what you tell us confidential"] == "/confidentiality/"
    assert prose_links["contact us today"] == "/contact/"
