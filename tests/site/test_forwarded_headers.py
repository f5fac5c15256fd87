"""gunicorn with production settings believes X-Forwarded-* only from our own proxies (DJANGO_TRUSTED_PROXIES).

Someone who reaches the app port directly must not be able to claim, with a header, to have come over HTTPS
(or from another address): the load balancer alone says so. Two loopback addresses stand for the two callers.
"""

import http.client
import urllib.parse

import pytest

from tests.support.servers import production_server

PROXY, STRANGER = "127.0.0.2", "127.0.0.1"


@pytest.fixture(scope="module")
def server():
    extra = {"DJANGO_SECURE_SSL_REDIRECT": "1", "DJANGO_TRUSTED_PROXIES": PROXY}
    with production_server(workers=1, extra_env=extra) as base_url:
        yield urllib.parse.urlsplit(base_url)


def get(server, source, path, **headers):
    connection = http.client.HTTPConnection(server.hostname, server.port, timeout=30, source_address=(source, 0))
    try:
        connection.request("GET", path, headers={"Host": "127.0.0.1", **headers})
        response = connection.getresponse()
        return response.status, response.getheader("Location")
    finally:
        connection.close()


def test_the_load_balancer_saying_https_is_believed(server):
    assert get(server, PROXY, "/about/", **{"X-Forwarded-Proto": "https"}) == (200, None)


def test_a_direct_caller_claiming_https_is_sent_to_https_like_any_plain_http_request(server):
    assert get(server, STRANGER, "/about/") == (301, "https://127.0.0.1/about/")
    assert get(server, STRANGER, "/about/", **{"X-Forwarded-Proto": "https"}) == (301, "https://127.0.0.1/about/")
