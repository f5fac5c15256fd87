"""gunicorn in production mode on Redis: what a flood of odd requests can make the shared cache keep, and what a
HEAD gets.

The server shares the suite's Redis when the suite runs with one (REDIS_URL), else a Redis of its own; the tests
count the keys it holds before and after.
"""

import http.client
import os
import secrets
import string
import urllib.parse

import pytest
import redis

from search.results import RANKING_SLOTS
from tests.support.cluster import private_redis
from tests.support.htmlpage import parse_html
from tests.support.servers import production_server

PAGE = "/about/"


@pytest.fixture(scope="module")
def redis_url():
    if os.environ.get("REDIS_URL"):
        yield os.environ["REDIS_URL"]
        return
    with private_redis() as server:
        yield server.url


@pytest.fixture(scope="module")
def server(redis_url, tmp_path_factory):
    log_path = tmp_path_factory.mktemp("production-cache") / "server.log"
    extra_env = {"REDIS_URL": redis_url, "DJANGO_LOG_LEVEL": "WARNING"}
    with log_path.open("w") as log, production_server(workers=1, extra_env=extra_env, output=log) as url:
        yield url, log_path


def request(base_url, method, path, host=None):
    """(status, headers, body) of one request, sent with the Host header ``host`` if given."""
    parts = urllib.parse.urlsplit(base_url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    try:
        connection.request(method, path, headers={"Host": host} if host else {})
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


def keys(redis_url, containing):
    return {key for key in redis.Redis.from_url(redis_url).scan_iter(f"*{containing}*", count=1000)}


def host_variants(port):
    """36 spellings of the two allowed hosts that Django accepts: other ports, other case, a trailing dot."""
    yield from (f"127.0.0.1:{10001 + number}" for number in range(20))
    yield from ["LOCALHOST", "localhost.", "LocalHost:0080", "Localhost", "localhost.:8000", "127.0.0.1.",
                f"127.0.0.1.:{port}", "LOCALHOST:443", "localhost:80", "localhost:00080", "LocalHost",
                "localhost:1", "localhost:65535", "LOCALHOST.", f"LOCALHOST:{port}", "127.0.0.1:0"]  # fmt: skip


def test_host_header_variants_add_no_cached_page(server, redis_url):
    base_url, _ = server
    port = urllib.parse.urlsplit(base_url).port
    for _ in range(2):
        assert request(base_url, "GET", PAGE)[0] == 200
    before = keys(redis_url, "pages:page:")
    variants = list(host_variants(port))
    assert len(variants) == 36
    for host in variants:
        status, _, body = request(base_url, "GET", PAGE, host=host)
        assert status == 200, host
        assert parse_html(body).texts("h1") == ["About Restoration Recovery Center"], host
    assert keys(redis_url, "pages:page:") == before


def test_the_page_visitors_get_from_the_cache_names_the_address_they_use(server):
    base_url, _ = server
    for host in ["LOCALHOST:10001", "localhost.", base_url.removeprefix("http://")]:
        request(base_url, "GET", PAGE, host=host)
    _, _, body = request(base_url, "GET", PAGE)
    assert parse_html(body).link_hrefs("canonical") == [base_url + PAGE]


def test_a_flood_of_distinct_searches_keeps_a_bounded_number_of_rankings(server, redis_url):
    base_url, _ = server
    before = keys(redis_url, "search:ranking:")
    for _ in range(RANKING_SLOTS + 60):
        query = "".join(secrets.choice(string.ascii_lowercase) for _ in range(7))
        assert request(base_url, "GET", f"/search/?q={query}")[0] == 200
    assert len(keys(redis_url, "search:ranking:") - before) <= RANKING_SLOTS


# A page no other test asks for, twice: rendered for the first HEAD, then from the shared cache.
@pytest.mark.parametrize(
    "path", ["/accessibility/", "/accessibility/", "/search/?q=work", "/contact/", "/no-such-page/", "/robots.txt"]
)
def test_head_sends_the_headers_of_get_and_no_body(server, path):
    base_url, log_path = server
    status, headers, body = request(base_url, "HEAD", path)
    get_status, get_headers, get_body = request(base_url, "GET", path)
    assert (status, body) == (get_status, b"")
    assert headers["Content-Type"] == get_headers["Content-Type"]
    assert headers.get("Content-Length") in {None, str(len(get_body))}
    assert "no-body response" not in log_path.read_text(), "gunicorn warns of a body sent to a HEAD"
