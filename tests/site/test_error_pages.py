"""Errors are answered with the branded page: a way home and the crisis line, never a bare Django page."""

import pytest
from django.test import Client, RequestFactory

from pages.models import SiteSettings
from restoration.views import server_error
from tests.support.htmlpage import parse_html


def assert_branded_error_page(response, status):
    assert response.status_code == status
    page = parse_html(response.content)
    assert len(page.texts("h1")) == 1
    assert page.title
    assert "988" in page.text
    assert page.find_all("a", href="tel:988"), "the crisis line is a tappable link"
    assert page.find_all("a", href="/"), "there is a link to the home page"
    assert page.meta_content("robots") == "noindex"


@pytest.mark.parametrize(
    "url",
    [
        "/no-such-page/",
        "/articles/no-such-article/",
        "/topics/no-such-topic/",
        "/programs/no-such-program/",
        "/programs/about/",
        "/deeply/nested/unknown/path/",
    ],
)
def test_an_unknown_address_is_a_branded_404(client, seeded, url):
    assert_branded_error_page(client.get(url), 404)


@pytest.mark.parametrize(
    ("method", "url"),
    [
        ("delete", "/"),
        ("post", "/articles/"),
        ("post", "/articles/balancing-work-and-recovery-with-an-intensive-outpatient-program/"),
        ("put", "/search/"),
        ("post", "/about/"),
        ("post", "/robots.txt"),
    ],
)
def test_a_method_a_page_does_not_accept_is_a_branded_405(client, seeded, method, url):
    response = getattr(client, method)(url)
    assert_branded_error_page(response, 405)
    assert "GET" in response["Allow"]


def test_a_failed_csrf_check_is_a_branded_403(db):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/admin/login/", {"username": "someone", "password": "x"})
    assert_branded_error_page(response, 403)
    assert "reload the page" in parse_html(response.content).text


def test_the_500_handler_renders_the_branded_page(db):
    request = RequestFactory().get("/articles/some-article/")
    assert_branded_error_page(server_error(request), 500)


def test_the_500_page_still_renders_when_the_request_context_fails(db, monkeypatch):
    """If the site-settings lookup itself is what broke, the page falls back to its context-free form."""

    def broken():
        raise RuntimeError("database is down")

    monkeypatch.setattr(SiteSettings, "load", staticmethod(broken))
    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    assert "988" in parse_html(response.content).text
