"""Errors are answered with the branded page: a way home and the crisis line, never a bare Django page."""

import pytest
from django.db import OperationalError
from django.test import Client, RequestFactory
from django.utils import translation

from center.models import SiteSettings
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


def assert_spanish_error_page(response, status, heading):
    """The branded page, in Spanish: its language, its heading, the Spanish home page and the crisis line."""
    assert response.status_code == status
    page = parse_html(response.content)
    assert page.find_all("html")[0].attrs["lang"] == "es"
    assert page.texts("h1") == [heading]
    assert page.find_all("a", href="/es/"), "the way home leads to the Spanish home page"
    assert page.find_all("a", href="tel:988")
    assert "Si está en crisis, llame o envíe un mensaje de texto al 988 a cualquier hora." in page.text
    assert "Go to the home page" not in page.text
    assert page.meta_content("robots") == "noindex"
    return page


@pytest.mark.parametrize("url", ["/es/no-such-page/", "/es/articles/no-such-article/", "/es/programs/no-such/"])
def test_an_unknown_spanish_address_is_the_spanish_404(client, seeded, url):
    page = assert_spanish_error_page(client.get(url), 404, "No encontramos esa página")
    assert page.title.startswith("Página no encontrada")


def test_a_method_a_spanish_page_does_not_accept_is_the_spanish_405(client, seeded):
    assert_spanish_error_page(client.delete("/es/"), 405, "Esa acción no está disponible aquí")


def test_a_failed_csrf_check_on_the_spanish_form_is_the_spanish_403(db):
    response = Client(enforce_csrf_checks=True).post("/es/contact/", {"name": "Ana"})
    page = assert_spanish_error_page(response, 403, "Esta página no está disponible para usted")
    assert "vuelva a cargar la página" in page.text


def test_an_error_in_a_spanish_page_is_the_spanish_500_even_when_the_page_itself_failed(db, monkeypatch):
    """Through the whole stack with DEBUG off: the handler answers in the address's language, on its fallback too."""
    SiteSettings.objects.create(phone="(916) 555-0177")
    SiteSettings.load()  # remembered as last loaded, for the fallback

    def broken():
        raise RuntimeError("database is down")

    monkeypatch.setattr(SiteSettings, "load", staticmethod(broken))
    response = Client(raise_request_exception=False).get("/es/contact/")
    page = assert_spanish_error_page(response, 500, "Lo sentimos: algo salió mal de nuestro lado")
    assert page.find_all("a", href="tel:+19165550177")
    assert "Llamar al (916) 555-0177" in page.texts("a")


def test_the_500_page_speaks_the_language_of_the_address_not_the_one_left_active(db):
    """An error raised before LocaleMiddleware ran finds the thread still in the previous request's language."""
    with translation.override("en"):
        assert_spanish_error_page(
            server_error(RequestFactory().get("/es/articles/x/")), 500, "Lo sentimos: algo salió mal de nuestro lado"
        )
    with translation.override("es"):
        english = parse_html(server_error(RequestFactory().get("/articles/x/")).content)
    assert english.texts("h1") == ["Sorry — something went wrong on our side"]


def test_a_database_outage_under_es_is_the_spanish_503(db):
    SiteSettings.objects.create(phone="(916) 555-0177")
    try:
        raise OperationalError("server closed the connection unexpectedly")
    except OperationalError:
        response = server_error(RequestFactory().get("/es/contact/"))
    page = assert_spanish_error_page(response, 503, "Nuestro sitio web tiene un breve problema técnico")
    assert response["Retry-After"] == "30"
    assert "o llame al (916) 555-0177" in page.text


def test_a_request_the_spanish_form_cannot_read_is_the_spanish_400(db, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 20
    response = Client(raise_request_exception=False).post("/es/contact/", {f"field{n}": "x" for n in range(21)})
    assert_spanish_error_page(response, 400, "No pudimos entender esa solicitud")


@pytest.mark.parametrize(("path", "language"), [("/", "en"), ("/contact/", "en"), ("/es/", "es")])
def test_a_host_the_site_does_not_serve_is_a_branded_400_not_a_500(db, settings, path, language):
    """A forged or mistyped Host header: Django refuses it (ALLOWED_HOSTS), and the visitor gets the 400 page in the
    address's language; drawing that page must not ask for the host again."""
    settings.ALLOWED_HOSTS = ["example.org"]
    response = Client(raise_request_exception=False).get(path, headers={"host": "look-alike.example"})
    assert_branded_error_page(response, 400)
    assert parse_html(response.content).find_all("html")[0].attrs["lang"] == language
