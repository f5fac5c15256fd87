"""axe-core on the Notice of nondiscrimination, the privacy policy and the texting terms on the contact form, on a
phone and on a desktop, in both languages; and the texting terms shown beside "Text message" only once it is chosen."""

import pytest
from playwright.sync_api import expect

from tests.support import axe
from tests.support.browser import DESKTOP_WIDTH, PHONE_WIDTH
from tests.support.builders import fill_site_settings

pytestmark = pytest.mark.browser

PAGES = ["/nondiscrimination/", "/es/nondiscrimination/", "/privacy/", "/es/privacy/", "/about/"]


@pytest.mark.parametrize("width", [PHONE_WIDTH, DESKTOP_WIDTH], ids=["phone", "desktop"])
def test_axe_finds_no_violations_on_the_new_notices(site_url, open_page, width):
    fill_site_settings(receives_federal_assistance="yes", recovery_residence_interest="none")
    page = open_page(width)
    for path in PAGES:
        assert page.goto(site_url + path).status == 200, path
        found = axe.violations(page)
        assert found == [], f"{path}: {axe.readable(found)}"
        # HHS's web addresses, given in full, wrap rather than widen the page on a phone.
        assert page.evaluate("document.documentElement.scrollWidth") <= width, path


@pytest.mark.parametrize("width", [PHONE_WIDTH, DESKTOP_WIDTH], ids=["phone", "desktop"])
@pytest.mark.parametrize(
    ("path", "choice", "terms"),
    [
        ("/contact/", "Text message", "Reply STOP to stop, HELP for help."),
        ("/es/contact/", "Mensaje de texto", "Responda STOP para dejar de recibirlos y HELP para pedir ayuda."),
    ],
    ids=["english", "spanish"],
)
def test_choosing_text_message_shows_its_terms_beside_the_choice(site_url, open_page, width, path, choice, terms):
    page = open_page(width)
    page.goto(site_url + path)
    terms_paragraph = page.locator("#text-consent")
    expect(terms_paragraph).to_be_hidden()
    page.get_by_label(choice, exact=True).check()
    expect(terms_paragraph).to_be_visible()
    expect(terms_paragraph).to_contain_text(terms)
    assert page.get_by_label(choice, exact=True).get_attribute("aria-describedby") == "text-consent"
    found = axe.violations(page)
    assert found == [], axe.readable(found)
    page.get_by_label("Phone call" if path == "/contact/" else "Llamada telefónica", exact=True).check()
    expect(terms_paragraph).to_be_hidden()
