"""Searching as a new visitor would: the header box, Enter, the results; and type-ahead with the keyboard alone."""

import pytest

from pages.models import Article, ContentPage, Program
from tests.search.search_corpus import make_spanish_items
from tests.support import axe
from tests.support.browser import PHONE_WIDTH
from tests.support.builders import make_article, seed_synonyms
from tests.support.seed import SEED_ARTICLE_SLUG, SEED_ARTICLE_TITLE

pytestmark = pytest.mark.browser


@pytest.fixture(autouse=True)
def _synonyms(site_url):
    seed_synonyms()


def type_into_the_header_box(page, site_url, text):
    """On the home page, type ``text`` into the header's search box with the keyboard; the box.

    On a phone the box is behind the header's Search button: one tap opens it.
    """
    page.goto(site_url + "/")
    if page.viewport_size["width"] == PHONE_WIDTH:
        page.locator(".header-search summary").click()
    box = page.get_by_role("combobox", name="Search the site")
    box.focus()
    page.keyboard.type(text)
    return box


def test_job_in_the_header_box_finds_the_work_and_recovery_article_first(site_url, open_page):
    page = open_page()
    page.goto(site_url + "/")
    page.get_by_label("Search the site").fill("job")
    page.get_by_label("Search the site").press("Enter")
    page.wait_for_url("**/search/?q=job")
    first = page.locator(".search-result").first
    assert first.locator("h2 a").get_attribute("href") == f"/articles/{SEED_ARTICLE_SLUG}/"
    assert "job" in [text.lower() for text in first.locator("mark").all_inner_texts()]
    assert page.get_by_label("Search articles and pages").input_value() == "job"


def test_a_misspelling_shows_the_corrected_results_and_can_be_searched_as_typed(site_url, open_page):
    page = open_page(PHONE_WIDTH)
    page.goto(site_url + "/search/?q=outpatinet")
    assert page.locator(".search-result").count() >= 1, "results at once, no second click"
    assert "Showing results for outpatient." in page.locator(".search-correction").inner_text()
    results = axe.violations(page)
    assert results == [], axe.readable(results)
    page.locator(".search-correction").get_by_role("link", name="outpatinet", exact=True).click()
    page.wait_for_url("**/search/?q=outpatinet&exact=1")
    assert page.locator(".search-result").count() == 0
    page.get_by_role("link", name="outpatient", exact=True).click()
    page.wait_for_url("**/search/?q=outpatient")
    assert page.locator(".search-result").count() >= 1


def test_type_ahead_works_with_the_keyboard_alone(site_url, open_page):
    page = open_page()
    box = type_into_the_header_box(page, site_url, "balanc")
    option = page.get_by_role("option", name=SEED_ARTICLE_TITLE)
    option.wait_for()
    assert box.get_attribute("aria-expanded") == "true"
    page.keyboard.press("ArrowDown")
    assert option.get_attribute("aria-selected") == "true"
    assert box.get_attribute("aria-activedescendant") == option.get_attribute("id")
    results = axe.violations(page)
    assert results == [], axe.readable(results)
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/articles/{SEED_ARTICLE_SLUG}/")


def test_type_ahead_offers_the_right_title_for_a_typo_on_a_phone(site_url, open_page):
    page = open_page(PHONE_WIDTH)
    type_into_the_header_box(page, site_url, "outpatinet")
    option = page.get_by_role("option", name=SEED_ARTICLE_TITLE)
    option.wait_for()
    results = axe.violations(page)
    assert results == [], axe.readable(results)
    option.click()
    page.wait_for_url(f"**/articles/{SEED_ARTICLE_SLUG}/")


def test_escape_closes_the_suggestions_and_enter_then_searches(site_url, open_page):
    page = open_page()
    box = type_into_the_header_box(page, site_url, "balanc")
    page.get_by_role("option").first.wait_for()
    page.keyboard.press("Escape")
    assert box.get_attribute("aria-expanded") == "false"
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?q=balanc")


def test_withdrawl_shows_withdrawal_results_at_once_on_a_phone(site_url, open_page):
    make_article(title="What Happens During Detox", slug="detox", body="Withdrawal can be uncomfortable.\n")
    page = open_page(PHONE_WIDTH)
    type_into_the_header_box(page, site_url, "withdrawl")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?q=withdrawl")
    assert page.locator(".search-result h2 a").first.get_attribute("href") == "/articles/detox/"
    correction = page.locator(".search-correction")
    assert correction.inner_text() == "Showing results for withdrawal. Search instead for withdrawl."
    results = axe.violations(page)
    assert results == [], axe.readable(results)
    correction.get_by_role("link", name="withdrawl", exact=True).click()
    page.wait_for_url("**/search/?q=withdrawl&exact=1")
    assert page.get_by_role("link", name="withdrawal", exact=True).is_visible(), "Did you mean, for what was typed"


def test_nothing_found_about_someone_else_leads_to_family_reading(site_url, open_page):
    make_article(title="When a Family Member Drinks", slug="family-drinks", body="What a family can do.\n")
    page = open_page(PHONE_WIDTH)
    page.goto(site_url + "/search/?q=my+brother+xylophonequartz")
    help_section = page.get_by_role("region", name="Nothing matched your search")
    assert "Worried about someone you love?" in help_section.inner_text()
    help_section.get_by_role("link", name="When a Family Member Drinks").click()
    page.wait_for_url("**/articles/family-drinks/")


def test_the_spanish_type_ahead_speaks_spanish_with_the_keyboard_on_a_phone(site_url, open_page):
    for model in (Article, ContentPage, Program):  # the relevance set's Spanish items, in place of the seed's
        model.objects.filter(language="es").delete()
    addresses = make_spanish_items()
    page = open_page(PHONE_WIDTH)
    page.goto(site_url + "/es/")
    page.locator(".header-search summary").click()
    box = page.get_by_role("combobox", name="Buscar en el sitio")
    box.focus()
    page.keyboard.type("programa ambulat")
    option = page.get_by_role("option", name="Programa Ambulatorio Intensivo (IOP) en Sacramento")
    option.wait_for()
    assert page.get_by_role("listbox", name="Páginas sugeridas").is_visible()
    status = page.locator(".site-search [aria-live=polite]")
    assert (
        status.inner_text()
        == "1 sugerencia. Use las flechas hacia arriba y hacia abajo para elegir, y Enter para abrir."
    )
    results = axe.violations(page)
    assert results == [], axe.readable(results)
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{addresses['programa']}")
