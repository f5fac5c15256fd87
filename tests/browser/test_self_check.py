"""The self-check in a real browser with JavaScript off, in both languages and at both widths: answered, scored,
readable (axe); and the call that stays beside an article while it is read on a wide screen."""

import pytest
from playwright.sync_api import expect

from center.models import SiteSettings
from tests.support import axe
from tests.support.browser import DESKTOP_WIDTH, PHONE_WIDTH
from tests.support.seed import PROGRAM_URL, SEED_ARTICLE_URL

pytestmark = pytest.mark.browser

SUBMIT = {"en": "See my result", "es": "Ver mi resultado"}
ANSWERS = {
    "en": ["2 to 3 times a week", "5 or 6", "Monthly"],
    "es": ["De 2 a 3 veces a la semana", "5 o 6", "Mensualmente"],
}
SCORE = {"en": "Your score: 7 of 12.", "es": "Su puntuación: 7 de 12."}
PREFIX = {"en": "", "es": "/es"}


def assert_no_axe_violations(page):
    found = axe.violations(page)
    assert found == [], axe.readable(found)


def answer_the_questions(page, site_url, language):
    """Send the form once empty (a friendly error), then answered; the page then shows the result."""
    page.goto(f"{site_url}{PREFIX[language]}/self-check/")
    form = page.locator(".self-check-form")
    form.get_by_role("button", name=SUBMIT[language]).click()
    expect(page.locator(".error-summary")).to_be_visible()
    for question, answer in zip(form.locator("fieldset").all(), ANSWERS[language], strict=True):
        question.get_by_label(answer, exact=True).check()
    form.get_by_role("spinbutton").fill("2")
    form.get_by_role("button", name=SUBMIT[language]).click()
    expect(page.get_by_text(SCORE[language])).to_be_visible()


@pytest.mark.parametrize("language", ["en", "es"])
def test_without_javascript_a_visitor_answers_and_reads_a_result(site_url, open_page, language):
    page = open_page(PHONE_WIDTH, java_script_enabled=False)
    answer_the_questions(page, site_url, language)
    assert page.url == f"{site_url}{PREFIX[language]}/self-check/", "no answer in the address"
    site = SiteSettings.load()
    help_box = page.locator(".self-check-help")
    for href in ("tel:988", "tel:+18006624357", site.phone_href, f"{PREFIX[language]}/contact/"):
        expect(help_box.locator(f'a[href="{href}"]')).to_be_visible()


@pytest.mark.parametrize("width", [PHONE_WIDTH, DESKTOP_WIDTH], ids=["phone", "desktop"])
@pytest.mark.parametrize("language", ["en", "es"])
def test_axe_finds_nothing_wrong_with_an_error_or_a_result(site_url, open_page, width, language):
    """axe runs as a script, so this visit has JavaScript on; the page needs none (above)."""
    page = open_page(width)
    page.goto(f"{site_url}{PREFIX[language]}/self-check/")
    page.locator(".self-check-form").get_by_role("button", name=SUBMIT[language]).click()
    assert_no_axe_violations(page)
    answer_the_questions(page, site_url, language)
    assert_no_axe_violations(page)


@pytest.mark.parametrize("path", [SEED_ARTICLE_URL, PROGRAM_URL], ids=["article", "program"])
def test_on_a_wide_screen_a_call_stays_beside_the_text_while_reading(site_url, open_page, path):
    page = open_page(DESKTOP_WIDTH, java_script_enabled=False)
    page.goto(site_url + path)
    page.mouse.wheel(0, 1800)
    call = page.locator(".reading-call").get_by_role("link", name=f"Call {SiteSettings.load().phone}")
    expect(call).to_be_in_viewport()
    expect(page.get_by_role("banner").get_by_role("link", name="Call")).not_to_be_in_viewport()
    box = page.locator(".reading-call-box").bounding_box()
    text = page.locator(".reading > .prose").last.bounding_box()
    assert box["x"] >= text["x"] + text["width"], "beside the text, never over it"


def test_on_a_phone_the_call_bar_does_that_job_and_the_side_box_is_hidden(site_url, open_page):
    page = open_page(PHONE_WIDTH)
    page.goto(site_url + SEED_ARTICLE_URL)
    expect(page.locator(".reading-call")).to_be_hidden()
    expect(page.locator(".call-bar")).to_be_visible()
