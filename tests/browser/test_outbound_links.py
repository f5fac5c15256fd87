"""A visitor who follows a link to another site tells it nothing; a link within the site still names its page."""

import pytest
from playwright.sync_api import expect

from tests.support.builders import make_article
from tests.support.servers import http_server

pytestmark = pytest.mark.browser


@pytest.fixture
def other_site():
    """Another origin on this machine that records the Referer of each page it is asked for."""
    referers = {}

    def answer(request):
        referers[request.path] = request.headers.get("Referer")  # the browser's /favicon.ico request too
        return 200, "<!doctype html><title>Elsewhere</title><h1>Elsewhere</h1>"

    with http_server(answer) as base_url:
        yield base_url, referers


def test_the_other_site_learns_nothing_and_the_contact_form_learns_the_page(site_url, open_page, other_site):
    elsewhere, referers = other_site
    article = make_article(
        body=f"Read [the helpline's guide]({elsewhere}/guide) or [write to us](/contact/).\n",
        citations=f"- [A study]({elsewhere}/study)\n",
    )
    page = open_page()
    for link_name in ("the helpline's guide", "A study"):
        page.goto(site_url + article.get_absolute_url())
        page.get_by_role("link", name=link_name).click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Elsewhere")
    told = {path: referers[path] for path in ("/guide", "/study")}
    assert told == {"/guide": None, "/study": None}, "another site was told where the visitor came from"

    page.goto(site_url + article.get_absolute_url())
    page.get_by_role("link", name="write to us").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Contact us")
    assert page.locator("input[name=source_page]").input_value() == article.get_absolute_url()
