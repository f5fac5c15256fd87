"""A Spanish speaker on a phone, from an English page: the switcher leads to the same page in Spanish, every page
they need is in Spanish, and a search in their words finds Spanish pages. (The form, the thank-you page and the
inbox, tried the same way: test_spanish_contact.py.)"""

import re

import pytest
from playwright.sync_api import expect

from tests.support.browser import PHONE_WIDTH
from tests.support.seed import PROGRAM_URL

pytestmark = pytest.mark.browser

# The pages a family asks about first, each in English and then (by the switcher) in Spanish, with its Spanish title.
PAGES = [
    ("/", "/es/", "Tratamiento de adicciones en Sacramento, CA"),
    (PROGRAM_URL, f"/es{PROGRAM_URL}", "Programa Ambulatorio Intensivo"),
    ("/insurance-and-cost/", "/es/insurance-and-cost/", "Seguro médico y costos"),
    ("/families/", "/es/families/", "Para familias"),
    ("/contact/", "/es/contact/", "Contáctenos"),
    ("/language-assistance/", "/es/language-assistance/", "Asistencia con el idioma"),
]


@pytest.mark.parametrize(("english", "spanish", "title"), PAGES, ids=[spanish for _, spanish, _ in PAGES])
def test_the_switcher_leads_from_an_english_page_to_the_same_page_in_spanish_and_back(
    site_url, open_page, english, spanish, title
):
    page = open_page(PHONE_WIDTH)
    page.goto(site_url + english)
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.get_by_role("link", name="Español").click()
    expect(page).to_have_url(site_url + spanish)
    expect(page.locator("html")).to_have_attribute("lang", "es")
    expect(page).to_have_title(re.compile(re.escape(title)))
    page.get_by_role("link", name="English").click()
    expect(page).to_have_url(site_url + english)


@pytest.mark.parametrize(
    ("words", "found"),
    [
        ("ayuda para mi esposo", "/es/families/"),
        ("seguro médico", "/es/insurance-and-cost/"),
        ("seguro medico", "/es/insurance-and-cost/"),
        ("tratamiento alcohol", f"/es{PROGRAM_URL}"),
    ],
)
def test_a_search_in_spanish_from_the_header_finds_the_spanish_page(site_url, open_page, words, found):
    page = open_page(PHONE_WIDTH)
    page.goto(site_url + "/es/")
    page.locator("summary", has_text="Buscar").click()
    box = page.get_by_role("combobox", name="Buscar en el sitio")  # a combobox: the type-ahead
    box.fill(words)
    box.press("Enter")
    expect(page.locator("html")).to_have_attribute("lang", "es")
    results = page.locator("main ol a[href]")
    expect(results.first).to_be_visible()
    hrefs = [link.get_attribute("href") for link in results.all()]
    assert found in hrefs[:3], f"{words!r}: {hrefs}"
    assert all(href.startswith("/es/") for href in hrefs), f"{words!r}: an English page among the results: {hrefs}"
