"""The sign-in lockout on gunicorn in production mode, behind a proxy that says who the client is (X-Forwarded-For
from 127.0.0.1, a trusted proxy by default), as an attacker who can change address would meet it.

The module's attacks share one server, and the failures they leave count towards its site-wide budget (30): together
they stay under it, so each test sees only the limit it is about.
"""

import secrets

import pytest

from tests.support.cluster import create_superuser
from tests.support.servers import manage, production_server
from tests.support.visitor import Visitor

STAFF = "casey-admissions"
PASSWORD = secrets.token_urlsafe(16)


@pytest.fixture(scope="module")
def site():
    def staff_account_and_no_earlier_failures(env):
        create_superuser(env, STAFF, PASSWORD)
        manage(env, "axes_reset")  # a database kept from an earlier run may hold its failures still

    with production_server(workers=2, setup=staff_account_and_no_earlier_failures) as base_url:
        yield base_url


def sign_in(site, address, username=STAFF, password=PASSWORD):
    """The password step from a new browser at ``address``; returns the response's status."""
    browser = Visitor(site, forwarded_for=address)
    return browser.submit("/admin/login/?next=/admin/", "username", {"username": username, "password": password})


def test_thirteen_addresses_in_one_ipv6_network_cannot_get_past_the_lockout(site):
    guesses = [sign_in(site, f"2001:db8:1:2::{number:x}", password="guess").status for number in range(1, 13)]
    assert guesses == [200] * 4 + [429] * 8, "each address of one /64 had a fresh budget"
    response = sign_in(site, "2001:db8:1:2::d")
    assert response.status == 429, "the right password from a thirteenth address signed in"
    assert "Sign-in is paused" in response.text
    assert sign_in(site, "2001:db8:1:3::1").status == 302, "the next /64 is someone else: its owner still gets in"


def test_trying_many_names_from_one_address_is_stopped(site):
    guesses = [sign_in(site, "203.0.113.9", username=f"staff-{number}", password="guess") for number in range(10)]
    assert [response.status for response in guesses] == [200] * 9 + [429]
    response = sign_in(site, "203.0.113.9")
    assert response.status == 429, "after ten names the eleventh, with its right password, got in"
    assert "unsuccessful sign-ins from this connection" in response.text
    assert sign_in(site, "198.51.100.4").status == 302, "a staff member elsewhere is not paused"
