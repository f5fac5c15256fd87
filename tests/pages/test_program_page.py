"""The program page: the facts a patient weighs first, the weekly schedule as a table, and what search engines read.

Every fact is the center's to enter in the admin: until staff do, the page says so in a placeholder, and the
JSON-LD leaves it out rather than repeat a placeholder to search engines.
"""

import datetime
import json

import pytest
from django.test import Client
from django.utils import timezone

from center.models import SiteSettings, Weekday
from pages import services
from pages.models import Program
from tests.support.builders import fill_program_facts, fill_site_settings, make_editor, staff_login
from tests.support.htmlpage import parse_html
from tests.support.seed import PROGRAM_URL

HOST = "http://testserver"


@pytest.fixture
def program(seeded):
    """The seeded IOP as imported: its text, and none of the center's facts yet."""
    SiteSettings.load()  # created on first use, which (being a save) would empty the page cache once
    return Program.objects.get(language="en", slug=Program.MAIN_SLUG)


@pytest.fixture
def filled(program):
    return fill_program_facts(program)


def program_page(client):
    response = client.get(PROGRAM_URL)
    assert response.status_code == 200
    return parse_html(response.content)


def facts(page):
    """{label: value} of the "At a glance" list."""
    return dict(zip(page.texts("dt"), page.texts("dd"), strict=True))


def schedule_rows(page):
    """The table body's rows as [group, days, times] (row headers and cells, in order)."""
    cells = [el for el in page.captured if el.tag in {"th", "td"}]
    header_count = len(page.find_all("th", scope="col"))
    body = [" ".join(cell.text.split()) for cell in cells[header_count:]]
    return [body[index : index + header_count] for index in range(0, len(body), header_count)]


def jsonld_graph(page):
    (block,) = [json.loads(el.text) for el in page.captured if el.tag == "script" and "@graph" in el.text]
    return {node["@type"]: node for node in block["@graph"]}


def test_the_facts_show_at_a_glance_before_the_page_text(client, filled):
    page = program_page(client)
    assert facts(page) == {
        "Level of care": "ASAM level 2.1",
        "DHCS service category": "Intensive Outpatient Treatment",
        "Hours a week": "9 hours",
        "Typical length": "12 weeks",
        "Cost": "Insurance and cost",
    }
    assert page.find_all("a", href="/insurance-and-cost/")
    headings = page.texts("h2")
    assert headings[:7] == [
        "At a glance",
        "Schedule",
        "Who it is for",
        "Who it may not suit",
        "Your first day",
        "What to bring",
        "About the program",
    ]
    assert headings.index("A schedule that works around yours") > headings.index("About the program")


def test_the_schedule_is_a_table_of_the_sessions_with_a_caption_and_headers(client, filled):
    page = program_page(client)
    assert page.texts("caption") == ["Weekly group sessions"]
    assert [th.attrs["scope"] for th in page.find_all("th")] == ["col", "col", "col", "row", "row"]
    assert schedule_rows(page) == [
        ["Morning group", "Monday to Thursday", "9 a.m.–noon"],
        ["Evening group", "Monday to Thursday", "6 p.m.–9 p.m."],
    ]
    region = page.find_all("div", role="region")
    assert region and region[0].attrs["aria-labelledby"] == "schedule-caption", "a scroll box named by its caption"


def test_who_it_is_for_the_first_day_and_what_to_bring_are_shown_as_entered(client, filled):
    fill_site_settings(recovery_residence_interest="none")  # a site-wide fact the program page shows too
    page = program_page(client)
    items = page.texts("li")
    for point in (
        "Adults with a stable place to live",
        "People who can keep working while in treatment",
        "People who need medical detox first",
        "A photo ID",
        "Your insurance card, if you have one",
    ):
        assert point in items
    (main,) = page.texts("main")
    assert "You meet your counselor. Then you join your first group." in main
    assert "not yet set" not in main, "the footer's placeholders are the footer's"


def test_in_page_links_lead_to_the_schedule_and_the_first_day(client, filled):
    page = program_page(client)
    ids = {el.attrs.get("id") for el in page.elements}
    assert {"schedule", "first-day", "what-to-bring"} <= ids
    for target in ("#schedule", "#first-day"):
        assert page.find_all("a", href=target)


def test_the_json_ld_describes_the_program_and_its_sessions(client, filled):
    graph = jsonld_graph(program_page(client))
    url = f"{HOST}{PROGRAM_URL}"
    assert graph["MedicalWebPage"]["mainEntity"] == {"@id": f"{url}#program"}
    service = graph["Service"]
    assert service["@id"] == f"{url}#program"
    assert service["name"] == filled.title
    assert service["url"] == url
    assert service["serviceType"] == "Intensive Outpatient Treatment"
    assert service["category"] == "ASAM level of care 2.1"
    assert service["provider"] == {"@type": "Organization", "name": "Restoration Recovery Center", "url": f"{HOST}/"}
    weekdays = [f"https://schema.org/{day}" for day in ("Monday", "Tuesday", "Wednesday", "Thursday")]
    assert service["hoursAvailable"] == [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": weekdays,
            "opens": "09:00",
            "closes": "12:00",
            "name": "Morning group",
        },
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": weekdays,
            "opens": "18:00",
            "closes": "21:00",
            "name": "Evening group",
        },
    ]


PLACEHOLDERS = [
    "[Level of care not yet set]",
    "[Service category not yet set]",
    "[Hours a week not yet set]",
    "[Typical length not yet set]",
    "[Session times not yet set — please call admissions at (916) 555-0100]",
    "[Who the program is for not yet set]",
    "[Who the program may not suit not yet set]",
    "[First-day description not yet set — please call admissions at (916) 555-0100]",
    "[What to bring not yet set — please call admissions at (916) 555-0100]",
]


def test_each_fact_not_yet_entered_shows_a_placeholder(client, program):
    page = program_page(client)
    for placeholder in PLACEHOLDERS:
        assert placeholder in page.text
    assert not page.find_all("table"), "no empty table"
    assert page.find_all("a", href="tel:+19165550100"), "the placeholder gives the number to call"
    assert page.find_all("a", href="#schedule") and page.find_all("a", href="#first-day")


def strings_in(value):
    if isinstance(value, dict):
        return [text for item in value.values() for text in strings_in(item)]
    if isinstance(value, list):
        return [text for item in value for text in strings_in(item)]
    return [value] if isinstance(value, str) else []


def test_the_json_ld_leaves_out_the_facts_not_yet_entered(client, program):
    graph = jsonld_graph(program_page(client))
    service = graph["Service"]
    assert not {"serviceType", "category", "hoursAvailable"} & service.keys()
    assert not [text for text in strings_in(graph) if "[" in text or "not yet set" in text]


@pytest.mark.parametrize(
    "change",
    [
        {"status": Program.Status.DRAFT, "published_at": None},
        {"published_at": timezone.now() + datetime.timedelta(days=1)},  # scheduled, not public yet
    ],
    ids=["draft", "scheduled"],
)
def test_a_program_that_is_not_public_is_not_found(client, program, change):
    Program.objects.filter(pk=program.pk).update(**change)
    assert client.get(PROGRAM_URL).status_code == 404
    assert f"<loc>{HOST}{PROGRAM_URL}</loc>" not in client.get("/sitemap.xml").content.decode()


def test_the_page_costs_four_queries_however_many_sessions(client, filled, django_assert_max_num_queries):
    """The program with its versions in other languages (the switcher, hreflang), its sessions, and the page
    cache's look for the next scheduled publication and the next notice to take effect (those two once per content
    generation, not per page)."""
    for hour in (13, 14, 15):
        filled.sessions.create(
            name=f"Group at {hour}", first_day=Weekday.FRIDAY, last_day=Weekday.FRIDAY, opens=f"{hour}:00",
            closes=f"{hour}:45",
        )  # fmt: skip
    with django_assert_max_num_queries(4):
        page = program_page(client)
    assert len(schedule_rows(page)) == 5


def test_search_finds_a_program_by_its_facts(client, filled):
    filled.what_to_bring = "A photo ID\nA refillable water bottle"
    services.save(filled)
    for query in ("water bottle", "counselor", "detox"):
        results = parse_html(client.get("/search/", {"q": query}).content)
        assert results.find_all("a", href=PROGRAM_URL), query


def test_the_home_page_leads_to_the_schedule_and_the_first_day_in_one_tap(client, filled):
    home = parse_html(client.get("/").content)
    for target in (f"{PROGRAM_URL}#schedule", f"{PROGRAM_URL}#first-day"):
        assert home.find_all("a", href=target), target


# --- The admin, as an editor uses it ---------------------------------------------------------------------------

CHANGE_FORM = "/admin/pages/program/{}/change/"


@pytest.fixture
def editor(db):
    editor = Client()
    staff_login(editor, make_editor())
    return editor


def change_form_data(program, *sessions):
    """What the program's change form posts: its fields as they are, and ``sessions`` as new inline rows."""
    data = {
        "title": program.title,
        "slug": program.slug,
        "summary": program.summary,
        "body": program.body,
        "level_of_care": program.level_of_care,
        "service_category": program.service_category,
        "hours_per_week": program.hours_per_week or "",
        "length_weeks": program.length_weeks or "",
        "suited_to": program.suited_to,
        "not_suited_to": program.not_suited_to,
        "first_day": program.first_day,
        "what_to_bring": program.what_to_bring,
        "status": program.status,
        "published_at_0": timezone.localtime(program.published_at).strftime("%Y-%m-%d"),
        "published_at_1": timezone.localtime(program.published_at).strftime("%H:%M:%S"),
        "seo_title": "",
        "sessions-TOTAL_FORMS": len(sessions),
        "sessions-INITIAL_FORMS": 0,
        "sessions-MIN_NUM_FORMS": 0,
        "sessions-MAX_NUM_FORMS": 1000,
        "_save": "Save",
    }
    for index, session in enumerate(sessions):
        data.update({f"sessions-{index}-{field}": value for field, value in session.items()})
    return data


MORNING = {"name_en": "Morning group", "first_day": 1, "last_day": 4, "opens": "09:00", "closes": "12:00"}


def test_an_editor_adds_a_session_and_the_page_shows_it_at_once(client, editor, program):
    assert "[Session times not yet set" in program_page(client).text  # and now cached
    response = editor.post(CHANGE_FORM.format(program.pk), change_form_data(program, MORNING))
    assert response.status_code == 302, parse_html(response.content).text[:2000]
    assert schedule_rows(program_page(client)) == [["Morning group", "Monday to Thursday", "9 a.m.–noon"]]


@pytest.mark.parametrize(
    ("session", "message"),
    [
        ({**MORNING, "closes": "08:30"}, "The end time must be later than the start time."),
        ({**MORNING, "first_day": 5, "last_day": 2}, "The last day comes after the first one"),
    ],
    ids=["ends before it starts", "days in the wrong order"],
)
def test_a_session_that_makes_no_sense_is_refused_with_a_message(client, editor, program, session, message):
    response = editor.post(CHANGE_FORM.format(program.pk), change_form_data(program, session))
    assert response.status_code == 200
    assert message in parse_html(response.content).text
    assert not program.sessions.exists()


def test_the_change_form_explains_placeholders_and_links_to_the_public_page(editor, program):
    page = parse_html(editor.get(CHANGE_FORM.format(program.pk)).content)
    assert "the page then shows a placeholder saying it is not yet set" in page.text
    assert page.find_all("a", href=PROGRAM_URL), "View on site"
    assert "View on site" in page.text


def test_a_draft_has_no_view_on_site_link(editor, program):
    Program.objects.filter(pk=program.pk).update(status=Program.Status.DRAFT, published_at=None)
    page = parse_html(editor.get(CHANGE_FORM.format(program.pk)).content)
    assert not page.find_all("a", href=PROGRAM_URL)
    assert "Not public yet" in parse_html(editor.get("/admin/pages/program/").content).text


@pytest.mark.parametrize(("opens", "closes"), [("6:00 PM", "9 pm"), ("18:00", "21:00"), ("6 p. m.", "9 de la noche")])
def test_a_session_time_may_be_written_as_people_write_it(client, editor, program, opens, closes):
    evening = {"name_en": "Evening group", "first_day": 1, "last_day": 4, "opens": opens, "closes": closes}
    response = editor.post(CHANGE_FORM.format(program.pk), change_form_data(program, evening))
    assert response.status_code == 302, parse_html(response.content).text[:2000]
    assert schedule_rows(program_page(client)) == [["Evening group", "Monday to Thursday", "6 p.m.–9 p.m."]]


def test_a_single_day_needs_no_last_day(client, editor, program):
    saturday = {"name_en": "Saturday group", "first_day": 6, "last_day": "", "opens": "10 am", "closes": "noon"}
    response = editor.post(CHANGE_FORM.format(program.pk), change_form_data(program, saturday))
    assert response.status_code == 302, parse_html(response.content).text[:2000]
    assert schedule_rows(program_page(client)) == [["Saturday group", "Saturday", "10 a.m.–noon"]]


def test_a_wrong_time_is_named_next_to_its_field_and_in_a_summary_linking_to_it(editor, program):
    response = editor.post(CHANGE_FORM.format(program.pk), change_form_data(program, {**MORNING, "closes": "25:00"}))
    assert response.status_code == 200
    page = parse_html(response.content)
    message = "Enter a time of day, such as 9 a.m., 6:00 PM or 18:00."
    assert "Nothing was saved: please correct this" in page.texts("h2")
    assert f"Weekly schedule, row 1, until: {message}" in page.text
    assert page.find_all("a", href="#id_sessions-0-closes")
    assert page.text.count(message) == 2  # in the summary, and again beside the field
