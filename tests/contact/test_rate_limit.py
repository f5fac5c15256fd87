"""A per-client limit on inquiries, kept in the shared cache, that a forged X-Forwarded-For cannot dodge."""

import ipaddress

import pytest

from center.models import SiteSettings
from contact.models import Inquiry
from tests.support.htmlpage import parse_html
from tests.support.inquiries import form_data, post_all_at_once
from tests.support.prerequisites import needs_postgresql

pytestmark = pytest.mark.django_db

LOAD_BALANCER = "10.0.0.2"
VISITOR = "203.0.113.7"


@pytest.fixture
def behind_a_load_balancer(settings):
    """The deployment the README describes: the load balancer is the one trusted proxy."""
    settings.TRUSTED_PROXIES = [ipaddress.ip_network(LOAD_BALANCER)]


def send(client, **headers):
    return client.post("/contact/", form_data(), **headers)


def test_after_the_limit_the_visitor_gets_a_friendly_429_with_the_phone_number(client, settings):
    settings.CONTACT_RATE_LIMIT = 2
    SiteSettings.objects.create(phone="(916) 555-0177")
    assert [send(client).status_code for _ in range(2)] == [302, 302]
    response = send(client)
    assert response.status_code == 429
    page = parse_html(response.content)
    assert page.texts("h1") == ["We’ve received several messages from you"]
    assert page.find_all("a", href="tel:+19165550177")
    assert page.find_all("a", href="tel:988")
    assert Inquiry.objects.count() == 2


def test_mistakes_in_the_form_do_not_use_up_the_limit(client, settings):
    settings.CONTACT_RATE_LIMIT = 1
    for _ in range(3):
        assert client.post("/contact/", form_data(email="bad", preferred_contact="email")).status_code == 200
    assert send(client).status_code == 302


def test_a_forged_forwarded_for_header_does_not_dodge_the_limit(client, settings, behind_a_load_balancer):
    settings.CONTACT_RATE_LIMIT = 1
    # Straight to the app port, past the load balancer: the header is the client's own invention.
    assert send(client, REMOTE_ADDR=VISITOR, HTTP_X_FORWARDED_FOR="198.51.100.1").status_code == 302
    assert send(client, REMOTE_ADDR=VISITOR, HTTP_X_FORWARDED_FOR="198.51.100.2").status_code == 429


def test_behind_a_trusted_proxy_each_client_has_its_own_limit(client, settings, behind_a_load_balancer):
    settings.CONTACT_RATE_LIMIT = 1
    # The proxy appends the real client address; anything further left was written by the client.
    via_proxy = {"REMOTE_ADDR": LOAD_BALANCER}
    assert send(client, **via_proxy, HTTP_X_FORWARDED_FOR="6.6.6.6, 198.51.100.1").status_code == 302
    assert send(client, **via_proxy, HTTP_X_FORWARDED_FOR="7.7.7.7, 198.51.100.1").status_code == 429
    assert send(client, **via_proxy, HTTP_X_FORWARDED_FOR="198.51.100.2").status_code == 302


def test_a_chain_of_trusted_proxies_is_walked_back_to_the_first_untrusted_address(client, settings):
    settings.CONTACT_RATE_LIMIT = 1
    settings.TRUSTED_PROXIES = [ipaddress.ip_network("10.0.0.0/24")]
    # A CDN edge (10.0.0.9) in front of the load balancer (10.0.0.2): the visitor is the entry left of the edge.
    chain = {"REMOTE_ADDR": LOAD_BALANCER}
    assert send(client, **chain, HTTP_X_FORWARDED_FOR="6.6.6.6, 198.51.100.1, 10.0.0.9").status_code == 302
    assert send(client, **chain, HTTP_X_FORWARDED_FOR="198.51.100.1, 10.0.0.9").status_code == 429
    assert send(client, **chain, HTTP_X_FORWARDED_FOR="198.51.100.2, 10.0.0.9").status_code == 302


def test_a_proxy_that_sends_no_address_leaves_its_own(client, settings, behind_a_load_balancer):
    settings.CONTACT_RATE_LIMIT = 1
    assert send(client, REMOTE_ADDR=LOAD_BALANCER, HTTP_X_FORWARDED_FOR="unknown").status_code == 302
    assert send(client, REMOTE_ADDR=LOAD_BALANCER).status_code == 429


def test_different_addresses_have_separate_limits(client, settings):
    settings.CONTACT_RATE_LIMIT = 1
    assert send(client, REMOTE_ADDR="198.51.100.1").status_code == 302
    assert send(client, REMOTE_ADDR="198.51.100.2").status_code == 302
    assert send(client, REMOTE_ADDR="198.51.100.1").status_code == 429


def test_the_limit_can_be_raised_by_a_setting(client, settings):
    settings.CONTACT_RATE_LIMIT = 8
    assert {send(client).status_code for _ in range(8)} == {302}
    assert Inquiry.objects.count() == 8


@pytest.mark.django_db(transaction=True)
@needs_postgresql
def test_parallel_posts_from_one_address_cannot_exceed_the_limit(settings):
    settings.CONTACT_RATE_LIMIT = 3
    statuses = post_all_at_once([form_data() for _ in range(12)])
    assert statuses == [302] * 3 + [429] * 9, str(statuses)
    assert Inquiry.objects.count() == 3


def test_ipv6_clients_are_counted_by_their_64_block(client, settings):
    settings.CONTACT_RATE_LIMIT = 1
    # One home or phone network is given a whole /64: a new address in it is the same visitor.
    assert send(client, REMOTE_ADDR="2001:db8:1:2::10").status_code == 302
    assert send(client, REMOTE_ADDR="2001:db8:1:2:ffff:abcd:1234:5678").status_code == 429
    assert send(client, REMOTE_ADDR="2001:db8:1:3::10").status_code == 302, "the next /64 is someone else"
