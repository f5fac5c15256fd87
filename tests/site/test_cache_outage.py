"""While Redis cannot be reached the site still serves every page, stores every inquiry and limits floods.

The cache here is the real Redis client, pointed at a port where nothing listens (Redis is down) or at a Redis
server of the test's own that it stops and starts again with the data it had saved.
"""

import contextlib
import shutil
import subprocess
import time

import pytest
import redis
from django.core.cache import cache

from contact.models import Inquiry
from pages.models import Article
from restoration.cache import RETRY_AFTER_SECONDS
from restoration.settings import redis_cache
from tests.contact.conftest import form_data
from tests.htmlpage import parse_html
from tools.prodserver import free_port

SEED_ARTICLE = "/articles/balancing-work-and-recovery-with-an-intensive-outpatient-program/"


@pytest.fixture
def redis_down(settings):
    settings.CACHES = {**settings.CACHES, "default": redis_cache("redis://127.0.0.1:1/0")}
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


def test_a_form_sent_twice_is_still_stored_once_while_redis_is_down(client, db, redis_down):
    data = form_data()
    assert [client.post("/contact/", data).status_code for _ in range(2)] == [302, 409]
    assert Inquiry.objects.count() == 1


class PrivateRedis:
    """A Redis server of the test's own that keeps its data on disk across a stop and a start."""

    def __init__(self, folder):
        self.folder = folder
        self.port = free_port()
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--dir", str(self.folder)],
            stdout=subprocess.DEVNULL,
        )
        client = redis.Redis(port=self.port)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                client.ping()
                return
            except redis.ConnectionError:
                time.sleep(0.1)
        raise RuntimeError("the private Redis did not start")

    def stop(self):
        """Shut down the way an operator would, writing the data to disk first."""
        with contextlib.suppress(redis.ConnectionError):  # the server hangs up as it exits
            redis.Redis(port=self.port).shutdown(save=True)
        self.process.wait(timeout=10)


@pytest.fixture
def private_redis(settings, tmp_path):
    if not shutil.which("redis-server"):
        pytest.skip("needs redis-server (apt-get install -y redis-server)")
    server = PrivateRedis(tmp_path)
    server.start()
    settings.CACHES = {**settings.CACHES, "default": redis_cache(f"redis://127.0.0.1:{server.port}/0")}
    settings.PAGE_CACHE_SECONDS = 600
    yield server
    if server.process.poll() is None:
        server.process.terminate()
        server.process.wait(timeout=10)


def test_an_edit_made_while_redis_was_down_shows_once_it_is_back_with_its_old_data(client, seeded, private_redis):
    article = Article.objects.get()
    for _ in range(2):  # the second request finds the page in the shared cache, and it stays there
        assert "Balancing Work" in client.get(SEED_ARTICLE).content.decode()
    private_redis.stop()
    article.title = "Working While in Treatment"
    article.save()  # the page cache's invalidation cannot reach Redis
    assert "Working While in Treatment" in client.get(SEED_ARTICLE).content.decode()
    private_redis.start()  # with the page it had stored before
    time.sleep(RETRY_AFTER_SECONDS + 0.5)  # the process tries Redis again after this long
    assert "Working While in Treatment" in client.get(SEED_ARTICLE).content.decode(), "not the page Redis kept"
