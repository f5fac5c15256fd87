"""The call bar phones see at the foot of every page: the center's own number, and the form where it adds one."""

import re

import pytest
from django.utils.html import strip_tags

from center.models import SiteSettings
from tests.support.seed import SEED_ARTICLE_URL


def call_bar_links(client, url):
    """(text, href) of each link in the page's call bar, in order."""
    html = client.get(url).content.decode()
    bar = re.search(r'<aside class="call-bar" aria-label="Call or message us">(.*?)</aside>', html, re.S)
    assert bar, f"{url} has no call bar"
    links = re.findall(r'<a [^>]*href="([^"]+)"[^>]*>(.*?)</a>', bar.group(1))
    return [(strip_tags(text), href) for href, text in links]


def test_the_call_bar_dials_the_number_in_the_site_settings_and_offers_the_form(client, seeded):
    SiteSettings.objects.create(phone="(916) 555-0177")
    assert call_bar_links(client, SEED_ARTICLE_URL) == [
        ("Call (916) 555-0177", "tel:+19165550177"),
        ("Message us", "/contact/"),
    ]


@pytest.mark.parametrize("url", ["/contact/", "/contact/thanks/"])
def test_on_the_contact_pages_the_call_bar_only_calls(client, seeded, url):
    """The form is the page itself (or was just sent): a second way to it would only take room."""
    site = SiteSettings.load()
    assert call_bar_links(client, url) == [(f"Call {site.phone}", site.phone_href)]
