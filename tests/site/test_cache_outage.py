"""While Redis cannot be used (down, or full) the site still serves every page, stores every inquiry and limits floods.

The cache here is the real Redis client, pointed at a port where nothing listens (Redis is down) or at a Redis
server of the test's own that it stops and starts again with the data it had saved.
"""

import collections
import contextlib
import itertools
import secrets
import shutil
import subprocess
import time

import pytest
import redis
import yaml
from django.core.cache import cache

from center.models import SiteSettings
from contact.models import Inquiry
from pages.cache import GENERATION_KEY
from pages.models import Article
from restoration.cache import RETRY_AFTER_SECONDS
from restoration.settings import redis_cache
from tests.support.builders import make_article
from tests.support.htmlpage import parse_html
from tests.support.inquiries import form_data
from tests.support.prerequisites import missing_prerequisite
from tests.support.seed import ROOT, SEED_ARTICLE_URL
from tests.support.servers import free_port


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
    assert "Redis cannot be used (ConnectionError)" in warnings[0].getMessage()


def test_pages_are_served_uncached(client, seeded, redis_down):
    for path in ["/", SEED_ARTICLE_URL, "/articles/", "/search/?q=job"]:
        assert client.get(path).status_code == 200, path
    assert parse_html(client.get(SEED_ARTICLE_URL).content).texts("h1") == [
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
    """A Redis server of the test's own, started with ``options``; by default it keeps its data on disk across a
    stop and a start."""

    def __init__(self, folder, *options):
        self.folder = folder
        self.options = options
        self.port = free_port()
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--dir", str(self.folder), *self.options],
            stdout=subprocess.DEVNULL,
        )
        client = self.client()
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                client.ping()
                return
            except redis.ConnectionError:
                time.sleep(0.1)
        raise RuntimeError("the private Redis did not start")

    def client(self):
        return redis.Redis(port=self.port)

    def keys(self):
        return {key.decode() for key in self.client().scan_iter()}

    def stop(self):
        """Shut down the way an operator would, writing the data to disk first."""
        with contextlib.suppress(redis.ConnectionError):  # the server hangs up as it exits
            self.client().shutdown(save=True)
        self.process.wait(timeout=10)


@pytest.fixture
def start_redis(settings, tmp_path):
    """Start a Redis of the test's own with the given options and point the site's cache at it."""
    if not shutil.which("redis-server"):
        missing_prerequisite("needs redis-server (apt-get install -y redis-server)")
    servers = []

    def start(*options):
        server = PrivateRedis(tmp_path, *options)
        server.start()
        servers.append(server)
        settings.CACHES = {**settings.CACHES, "default": redis_cache(f"redis://127.0.0.1:{server.port}/0")}
        settings.PAGE_CACHE_SECONDS = 600
        return server

    yield start
    for server in servers:
        if server.process.poll() is None:
            server.process.terminate()
            server.process.wait(timeout=10)


@pytest.fixture
def private_redis(start_redis):
    return start_redis()


def test_an_edit_made_while_redis_was_down_shows_once_it_is_back_with_its_old_data(client, seeded, private_redis):
    article = Article.objects.get(language="en")
    for _ in range(2):  # the second request finds the page in the shared cache, and it stays there
        assert "Balancing Work" in client.get(SEED_ARTICLE_URL).content.decode()
    private_redis.stop()
    article.title = "Working While in Treatment"
    article.save()  # the page cache's invalidation cannot reach Redis
    assert "Working While in Treatment" in client.get(SEED_ARTICLE_URL).content.decode()
    private_redis.start()  # with the page it had stored before
    time.sleep(RETRY_AFTER_SECONDS + 0.5)  # the process tries Redis again after this long
    assert "Working While in Treatment" in client.get(SEED_ARTICLE_URL).content.decode(), "not the page Redis kept"


# Small enough that a few dozen pages fill it (an empty Redis already uses about 1 MB).
CAPPED = ("--save", "", "--maxmemory", "2mb")
CACHED_PATHS = ["/", "/about/", "/articles/", "/topics/intensive-outpatient-program/", SEED_ARTICLE_URL]


def fill_up(server):
    """Write to ``server`` until it refuses, as a Redis that evicts nothing does once it reaches maxmemory."""
    client = server.client()
    with contextlib.suppress(redis.exceptions.OutOfMemoryError):
        for number in itertools.count():
            client.set(f"filler:{number}", b"x" * 10_000)


def test_a_full_redis_that_refuses_writes_costs_speed_not_a_page(client, seeded, start_redis, caplog):
    fill_up(start_redis(*CAPPED, "--maxmemory-policy", "noeviction"))
    for path in [*CACHED_PATHS, "/search/?q=job"]:
        assert client.get(path).status_code == 200, path
    assert client.get("/readyz").content == b"cache unavailable\n"
    warnings = [record.getMessage() for record in caplog.records if record.name == "restoration.cache"]
    assert len(warnings) == 1, warnings
    assert "OutOfMemoryError" in warnings[0]


def flood_variants():
    """Query strings a flood might send: page numbers valid and not, topics, and parameters no view reads."""
    for value in ["2", "0", "-1", "01", "1.0", "1e3", "99999", "abc", "", "١"]:
        yield {"page": value}
    for _ in range(40):
        yield {"page": secrets.token_hex(4)}
        yield {"topic": secrets.token_hex(4)}
        yield {"page": "1", "utm_source": secrets.token_hex(4)}


def test_a_flood_of_query_string_variants_adds_no_cache_entry_and_no_error(client, seeded, start_redis):
    server = start_redis(*CAPPED, "--maxmemory-policy", "noeviction")
    for path in CACHED_PATHS:
        client.get(path)
        client.get(path, {"page": "1"})
    keys = server.keys()
    statuses = collections.Counter(
        client.get(path, variant).status_code for variant in flood_variants() for path in CACHED_PATHS
    )
    assert set(statuses) <= {200, 302, 404}, statuses
    assert server.keys() == keys


def shipped_redis_options(maxmemory):
    """The options compose.yaml starts Redis with, but with a cap of ``maxmemory`` instead of its own."""
    command = yaml.safe_load((ROOT / "compose.yaml").read_text())["services"]["redis"]["command"]
    options = dict(itertools.batched(command[1:], 2))
    return list(itertools.chain.from_iterable({**options, "--maxmemory": maxmemory}.items()))


def test_redis_as_shipped_evicts_pages_and_keeps_the_rate_limit_counts_when_full(client, seeded, start_redis):
    server = start_redis(*shipped_redis_options("2mb"))
    assert client.post("/contact/", form_data()).status_code == 302
    articles = [make_article(title=f"Article {number}", slug=f"article-{number}") for number in range(120)]
    statuses = collections.Counter(client.get(article.get_absolute_url()).status_code for article in articles)
    assert statuses == {200: 120}
    assert server.client().info("stats")["evicted_keys"] > 0, "nothing evicted: no maxmemory-policy?"
    kept = server.keys()
    assert {cache.make_key(GENERATION_KEY), cache.make_key(SiteSettings.CACHE_KEY)} <= kept
    assert [key for key in kept if ":contact:rate:" in key], "the sender's count was evicted"
