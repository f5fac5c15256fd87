"""/insurance-and-cost/: the payers as staff last checked them, self-pay, the Good Faith Estimate notice, a way to ask.

Every center fact comes from the admin; until it is entered the page says so in square brackets.
"""

import json

import pytest

from center.models import Payer, SiteSettings
from pages import services
from pages.models import ContentPage
from tests.support.builders import fill_site_settings, make_payer
from tests.support.htmlpage import parse_html

URL = "/insurance-and-cost/"
NO_PAYERS = (
    "[Our list of insurance plans is not yet published — please call admissions and we will check your coverage]"
)
NO_SELF_PAY = "[Self-pay information not yet set — please call admissions to ask what treatment costs]"
CONFIRM = "Please call to confirm"


def visit(client):
    response = client.get(URL)
    assert response.status_code == 200
    return parse_html(response.content)


def test_with_nothing_entered_the_page_says_so_and_still_explains_costs(client, seeded):
    page = visit(client)
    assert page.texts("h1") == ["Insurance and cost"]
    assert NO_PAYERS in page.text
    assert NO_SELF_PAY in page.text
    assert not page.find_all("table")
    # The editor's explanation from content/pages/insurance-and-cost.md, after the facts a visitor came for.
    assert "What a verification of benefits is" in page.texts("h2")
    assert page.text.index(NO_PAYERS) < page.text.index("What a verification of benefits is")


def test_the_payers_show_as_staff_entered_them_with_the_date_each_was_verified(client, seeded):
    make_payer(name="Quokka Health", plan_types="PPO, EPO", days_since_verified=7)
    make_payer(name="Aardvark Assurance", plan_types="", network_status=Payer.Network.SINGLE_CASE)
    page = visit(client)
    assert NO_PAYERS not in page.text
    assert len(page.find_all("table")) == 1
    rows = page.table_rows()
    assert rows[0] == ["Insurance plan", "Network status", "Last verified"]
    names = [row[0] for row in rows[1:]]
    assert names == ["Aardvark Assurance", "Quokka Health PPO, EPO"]
    assert rows[1][1] == "Out of network; a single-case agreement may be possible"
    assert rows[2][1] == "In network"


def test_a_payer_not_verified_for_more_than_90_days_asks_visitors_to_call(client, seeded):
    make_payer(name="Fresh Plan", days_since_verified=90)
    make_payer(name="Stale Plan", days_since_verified=91)
    rows = {row[0]: row[2] for row in visit(client).table_rows()[1:]}
    assert CONFIRM not in rows["Fresh Plan PPO, EPO"]
    assert rows["Stale Plan PPO, EPO"].endswith(CONFIRM)


def test_a_payer_added_in_the_admin_shows_on_the_next_visit(client, seeded, django_assert_num_queries):
    SiteSettings.load()  # created on first use, which (being a save) would make the first copy stale at once
    assert NO_PAYERS in visit(client).text
    with django_assert_num_queries(0):
        visit(client)  # from the page cache
    make_payer(name="Wombat Mutual")
    page = visit(client)
    assert "Wombat Mutual" in page.text
    assert NO_PAYERS not in page.text


def test_the_self_pay_information_is_shown_as_staff_wrote_it(client, seeded):
    fill_site_settings(self_pay_information="Ask us about **payment plans**.\n\n<script>alert(1)</script>")
    response = client.get(URL)
    page = parse_html(response.content)
    assert NO_SELF_PAY not in page.text
    assert "Ask us about payment plans." in page.text
    assert "<strong>payment plans</strong>" in response.content.decode()
    assert "alert(1)" not in response.content.decode()


def test_the_good_faith_estimate_notice_names_the_right_and_links_to_cms(client, seeded):
    page = visit(client)
    assert "Your right to a Good Faith Estimate" in page.texts("h2")
    assert "If your bill is at least $400 more than your Good Faith Estimate, you can dispute the bill." in page.text
    assert "45 CFR 149.610" in page.text
    links = page.find_all("a", href="https://www.cms.gov/nosurprises")
    assert links
    assert all(set(link.attrs["rel"].split()) >= {"noopener", "noreferrer"} for link in links)


def test_visitors_can_call_or_ask_for_an_insurance_check_through_the_form(client, seeded):
    fill_site_settings(phone="(916) 555-0177")
    page = visit(client)
    assert page.find_all("a", href="/contact/?insurance=1")
    assert page.find_all("a", href="tel:+19165550177")


def test_without_the_editors_text_the_facts_still_stand(client, db):
    page = visit(client)
    assert page.texts("h1") == ["Insurance and cost"]
    assert NO_PAYERS in page.text
    assert "Your right to a Good Faith Estimate" in page.texts("h2")


def test_the_editors_title_and_summary_lead_the_page_once_published(client, db):
    page = ContentPage(
        title="Paying for treatment", slug="insurance-and-cost", summary="What it costs.", body="Hello.\n"
    )
    page.status = ContentPage.Status.PUBLISHED
    services.save(page)
    html = visit(client)
    assert html.texts("h1") == ["Paying for treatment"]
    assert html.meta_content("description") == "What it costs."
    assert html.title.startswith("Paying for treatment |")


def test_the_page_describes_itself_to_search_engines_with_its_breadcrumbs(client, seeded):
    page = visit(client)
    [script] = [el for el in page.captured if el.tag == "script" and el.attrs.get("type") == "application/ld+json"]
    graph = json.loads(script.text)["@graph"]
    assert graph[0]["@type"] == "WebPage"
    assert graph[0]["name"] == "Insurance and cost"
    assert [item["name"] for item in graph[1]["itemListElement"]] == ["Home", "Insurance and cost"]


@pytest.mark.parametrize("path", [URL, "/families/"])
def test_the_sitemap_lists_each_page_once(client, seeded, path):
    assert client.get("/sitemap.xml").content.decode().count(f"http://testserver{path}</loc>") == 1


def test_the_home_page_leads_to_insurance_and_cost_and_to_families(client, seeded):
    page = parse_html(client.get("/").content)
    assert "Questions families ask first" in page.texts("h2")
    assert page.find_all("a", href=URL)
    assert page.find_all("a", href="/families/")
