"""axe-core on the language-assistance page and the Spanish facts pages, with words in several languages on them."""

import datetime

import pytest

from center.models import Notice
from tests.support import axe
from tests.support.browser import DESKTOP_WIDTH, PHONE_WIDTH
from tests.support.builders import fill_site_settings, make_payer

pytestmark = pytest.mark.browser

PAGES = [
    "/language-assistance/",
    "/es/language-assistance/",
    "/es/insurance-and-cost/",
    "/es/families/",
    "/es/client-rights/",
    "/es/client-rights/?version=2025-01-01",
]


@pytest.mark.parametrize("width", [PHONE_WIDTH, DESKTOP_WIDTH], ids=["phone", "desktop"])
def test_axe_finds_no_violations_with_english_words_on_spanish_pages_and_fourteen_taglines(site_url, open_page, width):
    # Staff's words only in English, and an English notice with an earlier version: the Spanish pages mark them.
    fill_site_settings(self_pay_information="## Payment plans\n\nAsk us.", family_services="- A family group\n")
    make_payer()
    for year in (2025, 2026):
        Notice.objects.create(
            kind=Notice.Kind.CLIENT_RIGHTS, effective_on=datetime.date(year, 1, 1), body=f"## Your rights\n\n{year}."
        )
    page = open_page(width)
    for path in PAGES:
        assert page.goto(site_url + path).status == 200, path
        found = axe.violations(page)
        assert found == [], f"{path}: {axe.readable(found)}"


def test_each_tagline_is_read_in_its_own_language(site_url, open_page):
    page = open_page(PHONE_WIDTH)
    page.goto(site_url + "/es/language-assistance/")
    languages = page.locator("ul.taglines > li").evaluate_all("items => items.map(item => item.lang)")
    assert languages == ["zh-Hant", "vi", "tl", "ko", "hy", "fa", "ru", "ja", "ar", "pa", "km", "hmn", "hi", "th"]
    assert page.locator("html").get_attribute("lang") == "es"
