"""Databases made by older versions migrate forward in place, keeping every row and every address.

The search models (SearchEntry, Synonym, SearchCount) moved from `pages` to `search`, AuditEvent from `contact`
to `staff`, and the center's facts (site settings, opening hours, licenses, accreditations, payers, notices) from
`pages` to `center`, by changing only Django's idea of who owns them: the tables keep their names and their rows.
This test builds the schema as it was, fills it through the models of that time, migrates to today, and reads it
all back through today's models; and the groups that were allowed to see those models still are. Program pages, once
content pages, became programs (pages 0015, search 0004) at the same address, still found by search.
"""

import datetime

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from center.models import Accreditation, License, Notice, Payer, SiteSettings
from contact.crypto import encrypt, lookup_hash, normalise_email
from contact.models import Inquiry
from pages.models import ContentPage, Program
from restoration.phone import national_digits
from search.models import SearchCount, SearchEntry, Synonym
from staff.models import AuditEvent
from tests.support.htmlpage import parse_html

# Where a database made before the move stands: the two apps at their last migration then, the new ones absent.
BEFORE_THE_MOVE = [
    ("pages", "0013_publication_date_empty_for_drafts"),
    ("contact", "0007_inquiry_status_needs_review"),
    ("search", None),
    ("staff", None),
]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state([target for target in targets if target[1]]).apps


def latest():
    executor = MigrationExecutor(connection)
    return executor.loader.graph.leaf_nodes()


@pytest.fixture
def database_before_the_move(transactional_db):
    """The schema as it was before the move, and a way back to today's whatever the test does."""
    old = migrate(BEFORE_THE_MOVE)
    yield old
    migrate(latest())


def test_inquiries_audit_events_synonyms_and_counts_survive_the_move(database_before_the_move):
    old = database_before_the_move
    # Historical models have no save() of their own: the lookup hashes are set as Inquiry.save() sets them, and the
    # personal fields are written as the code of that time encrypted them, bound to no row (0012 binds them).
    inquiry = old.get_model("contact", "Inquiry").objects.create(
        email_hash=lookup_hash(normalise_email("jordan@example.org")),
        phone_hash=lookup_hash(national_digits("(916) 555-0142")),
    )
    personal = ["Jordan Quill", "jordan@example.org", "(916) 555-0142", "Is there an evening group?"]
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE contact_inquiry SET name = %s, email = %s, phone = %s, message = %s WHERE id = %s",
            [*map(encrypt, personal), inquiry.pk],
        )
    old.get_model("contact", "AuditEvent").objects.create(action="viewed", username="coordinator", count=1)
    old.get_model("pages", "Synonym").objects.create(terms="relapse, slip, lapse")
    old.get_model("pages", "SearchCount").objects.create(query="evening group", day="2026-11-30", searches=4)
    old.get_model("pages", "SearchEntry").objects.create(
        kind="page", object_id=1, title="Evening IOP", summary="", body="", url="/programs/x/", status="draft"
    )
    tables_before = set(connection.introspection.table_names())

    migrate(latest())

    assert set(connection.introspection.table_names()) >= tables_before, "no table was dropped or renamed"
    kept = Inquiry.objects.get(pk=inquiry.pk)
    assert (kept.name, kept.email, kept.message) == ("Jordan Quill", "jordan@example.org", "Is there an evening group?")
    assert list(Inquiry.objects.matching("(916) 555-0142")) == [kept], "the phone lookup hash still finds it"
    assert AuditEvent.objects.get().username == "coordinator"
    assert Synonym.objects.filter(terms="relapse, slip, lapse").exists()
    assert SearchCount.objects.get(query="evening group").searches == 4
    assert SearchEntry.objects.get().title == "Evening IOP"


def grant(old, group_name, app_label, model):
    """Give a group the view permission of a model, as the data migrations of that time did; the permission's id."""
    content_type, _ = old.get_model("contenttypes", "ContentType").objects.get_or_create(
        app_label=app_label, model=model
    )
    permission, _ = old.get_model("auth", "Permission").objects.get_or_create(
        content_type=content_type, codename=f"view_{model}", defaults={"name": f"Can view {model}"}
    )
    group, _ = old.get_model("auth", "Group").objects.get_or_create(name=group_name)
    group.permissions.add(permission)
    return permission.pk


def test_staff_groups_keep_their_permissions_on_the_moved_models(database_before_the_move):
    old = database_before_the_move
    reports = grant(old, "Editors", "pages", "topsearch")
    trail = grant(old, "Auditors", "contact", "auditevent")

    migrate(latest())

    editors = Group.objects.get(name="Editors").permissions
    assert editors.get(codename="view_topsearch").pk == reports, "the same permission, not a new one"
    assert Permission.objects.get(pk=reports).content_type.app_label == "search"
    assert Group.objects.get(name="Auditors").permissions.get().pk == trail
    assert Permission.objects.get(pk=trail).content_type.app_label == "staff"
    assert not ContentType.objects.filter(app_label="pages", model__in=["searchcount", "synonym", "searchentry"])
    assert not ContentType.objects.filter(app_label="contact", model="auditevent")


# Where a database stood before programs had a model of their own: program pages were content pages.
BEFORE_PROGRAMS = [
    ("pages", "0014_search_models_move_to_the_search_app"),
    ("search", "0003_search_terms_and_title_index"),
]


@pytest.fixture
def database_before_programs(transactional_db):
    old = migrate(BEFORE_PROGRAMS)
    yield old
    migrate(latest())


def test_a_program_page_becomes_a_program_at_the_same_address_and_search_still_finds_it(
    client, database_before_programs
):
    old = database_before_programs
    published, updated = (
        datetime.datetime(2026, 3, 2, 9, 30, tzinfo=datetime.UTC),
        datetime.datetime(2026, 5, 4, 16, 0, tzinfo=datetime.UTC),
    )
    page = old.get_model("pages", "ContentPage").objects.create(
        section="programs",
        slug="evening-iop",
        title="Evening IOP",
        summary="Groups after work.",
        body="Quokka evenings.",
        body_html="<p>Quokka evenings.</p>",
        status="published",
        published_at=published,
    )
    old.get_model("pages", "ContentPage").objects.filter(pk=page.pk).update(updated_at=updated)
    old.get_model("search", "SearchEntry").objects.create(
        kind="page", object_id=page.pk, title="Evening IOP", summary="Groups after work.", body="Quokka evenings.",
        url="/programs/evening-iop/", status="published", published_at=published,
    )  # fmt: skip

    migrate(latest())

    program = Program.objects.get(slug="evening-iop")
    assert (program.title, program.body, program.status) == ("Evening IOP", "Quokka evenings.", "published")
    assert (program.published_at, program.updated_at) == (published, updated), "its dates are kept"
    assert not ContentPage.objects.filter(slug="evening-iop").exists()
    assert program.get_absolute_url() == "/programs/evening-iop/"
    response = client.get("/programs/evening-iop/")
    assert response.status_code == 200
    assert parse_html(response.content).texts("h1") == ["Evening IOP"]
    entry = SearchEntry.objects.get()
    assert (entry.kind, entry.object_id) == (SearchEntry.Kind.PROGRAM, program.pk)
    results = parse_html(client.get("/search/", {"q": "quokka"}).content)
    assert results.find_all("a", href="/programs/evening-iop/")


# Where a database stood before the center's facts had an app of their own.
BEFORE_THE_CENTER = [("pages", "0019_spanish_site_texts_and_notices"), ("center", None)]


def fill_center_facts_as_pages_had_them(old):
    site = old.get_model("pages", "SiteSettings").objects.create(
        pk=1, phone="(916) 555-0142", hours_note="Closed on public holidays.", hours_note_es="Cerrado los festivos."
    )
    old.get_model("pages", "OpeningHours").objects.create(
        site=site, first_day=1, last_day=5, opens=datetime.time(8), closes=datetime.time(17)
    )
    old.get_model("pages", "License").objects.create(
        kind="certified", number="340000AP", expires_on=datetime.date(2031, 6, 30), lookup_url="https://example.org/"
    )
    old.get_model("pages", "Accreditation").objects.create(
        body="CARF",
        scope="Outpatient treatment",
        valid_from=datetime.date(2026, 1, 1),
        valid_until=datetime.date(2031, 1, 1),
    )
    old.get_model("pages", "Payer").objects.create(
        name="Blue Shield", plan_types="PPO", network_status="in", verified_on=datetime.date(2026, 11, 30)
    )
    old.get_model("pages", "Notice").objects.create(
        kind="client-rights", language="es", effective_on=datetime.date(2026, 1, 1), body="Sus derechos."
    )


def test_the_centers_facts_move_to_the_center_app_and_back_keeping_rows_permissions_and_the_footer(
    client, transactional_db
):
    old = migrate(BEFORE_THE_CENTER)
    fill_center_facts_as_pages_had_them(old)
    view_settings = grant(old, "Editors", "pages", "sitesettings")
    tables_before = set(connection.introspection.table_names())

    try:
        migrate(latest())

        assert set(connection.introspection.table_names()) == tables_before, "the tables stay as they were"
        site = SiteSettings.objects.get()
        assert (site.phone, site.hours_note_en, site.hours_note_es) == (
            "(916) 555-0142",
            "Closed on public holidays.",
            "Cerrado los festivos.",
        ), "each language's words in its own column (center 0002)"
        assert [str(row) for row in site.opening_hours.all()] == ["Monday to Friday, 8 a.m.–5 p.m."]
        assert str(License.objects.get()) == "Certified program 340000AP"
        assert Accreditation.objects.get().body == "CARF"
        assert Payer.objects.get().name == "Blue Shield"
        assert Notice.objects.get().body == "Sus derechos."
        footer = parse_html(client.get("/").content).texts("footer")[0]
        assert "(916) 555-0142" in footer and "Monday to Friday" in footer
        permission = Group.objects.get(name="Editors").permissions.get(codename="view_sitesettings")
        assert (permission.pk, permission.content_type.app_label) == (view_settings, "center"), "the same grant"
        assert not ContentType.objects.filter(app_label="pages", model="sitesettings").exists()

        back = migrate(BEFORE_THE_CENTER)

        assert back.get_model("pages", "Payer").objects.get().name == "Blue Shield"
        site_before = back.get_model("pages", "SiteSettings").objects.get()
        assert (site_before.phone, site_before.hours_note, site_before.hours_note_es) == (
            "(916) 555-0142",
            "Closed on public holidays.",
            "Cerrado los festivos.",
        )
        assert Permission.objects.get(pk=view_settings).content_type.app_label == "pages"
    finally:
        migrate(latest())
