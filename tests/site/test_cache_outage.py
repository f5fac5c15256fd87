"""While Redis cannot be reached the site still serves every page, stores every inquiry and limits floods.

The cache here is the real Redis client pointed at a port where nothing listens, as when Redis is down.
"""

import pytest
from django.core.cache import cache

from contact.models import Inquiry
from tests.contact.conftest import form_data
from tests.htmlpage import parse_html

SEED_ARTICLE = "/articles/balancing-work-and-recovery-with-an-intensive-outpatient-program/"


@pytest.fixture
def redis_down(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "restoration.cache.ResilientRedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        },
        "local": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "outage-test"},
    }
    settings.PAGE_CACHE_SECONDS = 600


def test_reads_miss_and_writes_are_dropped_without_an_error(redis_down):
    cache.set("greeting", "hello")
    assert cache.get("greeting", "missing") == "missing"
    assert cache.add("greeting", "hello") is False
    assert cache.get_many(["greeting"]) == {}
    with pytest.raises(ValueError):
        cache.incr("counter")


def test_the_outage_is_logged_once_not_on_every_call(redis_down, caplog):
    for _ in range(5):
        cache.get("anything")
    warnings = [record for record in caplog.records if record.name == "restoration.cache"]
    assert len(warnings) == 1
    assert "Redis cannot be reached" in warnings[0].getMessage()


def test_pages_are_served_uncached(client, seeded, redis_down):
    for path in ["/", SEED_ARTICLE, "/articles/", "/search/?q=job"]:
        assert client.get(path).status_code == 200, path
    assert parse_html(client.get(SEED_ARTICLE).content).texts("h1") == [
        "Balancing Work and Recovery with an Intensive Outpatient Program"
    ]


def test_readyz_names_the_cache_and_healthz_stays_up(client, db, redis_down):
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.content == b"cache unavailable\n"
    assert client.get("/healthz").status_code == 200


def test_inquiries_are_stored_and_the_rate_limit_still_holds_per_process(client, db, redis_down, settings):
    settings.CONTACT_RATE_LIMIT = 2
    assert [client.post("/contact/", form_data()).status_code for _ in range(3)] == [302, 302, 429]
    assert Inquiry.objects.count() == 2
