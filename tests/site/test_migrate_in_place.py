"""A database made before the `search` and `staff` apps existed migrates forward in place, keeping every row.

The search models (SearchEntry, Synonym, SearchCount) moved from `pages` to `search`, and AuditEvent from `contact`
to `staff`, by changing only Django's idea of who owns them: the tables keep their names and their rows. This
test builds the schema as it was, fills it through the models of that time, migrates to today, and reads it all
back through today's models; and the groups that were allowed to see those models still are.
"""

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from contact.crypto import lookup_hash, normalise_email
from contact.models import Inquiry
from restoration.phone import national_digits
from search.models import SearchCount, SearchEntry, Synonym
from staff.models import AuditEvent

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
    # Historical models have no save() of their own: the lookup hashes are set as Inquiry.save() sets them.
    inquiry = old.get_model("contact", "Inquiry").objects.create(
        name="Jordan Quill",
        email="jordan@example.org",
        phone="(916) 555-0142",
        message="Is there an evening group?",
        email_hash=lookup_hash(normalise_email("jordan@example.org")),
        phone_hash=lookup_hash(national_digits("(916) 555-0142")),
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
