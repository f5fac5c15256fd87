"""What crawlers and load balancers see: robots.txt, the sitemap, /healthz and /readyz."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation


def test_healthz_answers_ok(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert "no-store" in response["Cache-Control"]


def test_readyz_answers_ready_when_database_and_cache_answer(client, db):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert b"unavailable" not in response.content
    assert "no-store" in response["Cache-Control"]


def test_health_checks_answer_head_requests(client, db):
    assert client.head("/healthz").status_code == 200
    assert client.head("/readyz").status_code == 200


def test_robots_txt_points_to_the_sitemap_and_keeps_the_admin_address_private(client, db):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in text
    assert settings.ADMIN_URL.strip("/") not in text
    assert "admin" not in text.lower()


def test_robots_txt_keeps_crawlers_out_of_search_in_every_language(client, db):
    disallowed = [line.removeprefix("Disallow: ") for line in client.get("/robots.txt").content.decode().splitlines()]
    for code, _ in settings.LANGUAGES:
        with translation.override(code):
            assert reverse("search:results") in disallowed, code
