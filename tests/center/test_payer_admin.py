"""Staff keep the payer list in the admin: which ones visitors are asked to call about, and re-checking them."""

import pytest
from django.utils import timezone

from center.models import Payer
from tests.support.builders import make_payer, staff_login
from tests.support.htmlpage import parse_html

LIST_URL = "/admin/center/payer/"
pytestmark = pytest.mark.django_db


def listed(client, query=""):
    return parse_html(client.get(LIST_URL + query).content).text


def test_a_new_payer_starts_verified_today(client, superuser):
    staff_login(client, superuser)
    page = parse_html(client.get(LIST_URL + "add/").content)
    [field] = page.find_all("input", name="verified_on")
    assert field.attrs["value"] == timezone.localdate().strftime("%Y-%m-%d")


def test_the_list_says_how_visitors_see_each_payer_and_finds_the_ones_to_check_again(client, superuser):
    make_payer(name="Fresh Plan", days_since_verified=90)
    make_payer(name="Stale Plan", days_since_verified=91)
    staff_login(client, superuser)
    assert "Please call to confirm (not verified in 90 days)" in listed(client)
    to_check = listed(client, "?verification=call")
    assert "Stale Plan" in to_check and "Fresh Plan" not in to_check
    verified = listed(client, "?verification=verified")
    assert "Fresh Plan" in verified and "Stale Plan" not in verified


def test_marking_payers_verified_today_clears_the_call_to_confirm_on_the_public_page(client, superuser, seeded):
    stale = make_payer(name="Stale Plan", days_since_verified=200)
    assert "Please call to confirm" in client.get("/insurance-and-cost/").content.decode()
    staff_login(client, superuser)
    response = client.post(LIST_URL, {"action": "mark_verified_today", "_selected_action": [stale.pk]}, follow=True)
    assert "Marked 1 payer as verified today." in parse_html(response.content).text
    assert Payer.objects.get().verified_on == timezone.localdate()
    client.logout()
    assert "Please call to confirm" not in client.get("/insurance-and-cost/").content.decode()


def test_the_admin_links_to_the_page_visitors_see(client, superuser):
    payer = make_payer()
    staff_login(client, superuser)
    page = parse_html(client.get(f"{LIST_URL}{payer.pk}/change/").content)
    assert any("/insurance-and-cost/" in (link.attrs.get("href") or "") for link in page.find_all("a"))
