"""Builders for contact-form tests: a valid submission, staff users, and a local SMTP server."""

import concurrent.futures
import importlib
import time

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group, Permission, User
from django.db import connection
from django.test import Client

from contact.spam import time_trap_token
from tests.builders import staff_login  # noqa: F401 - the contact tests import it from here too
from tools.smtp import smtp_mailers, smtp_server

SCRIPT = '<script>alert("x")</script>'

# Parallel requests need a real database server: SQLite's shared in-memory test database locks the table instead.
needs_postgresql = pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
    reason="parallel posts need PostgreSQL (set DATABASE_URL; CI runs the suite on PostgreSQL)",
)


def form_data(**overrides):
    """A valid form submission, as a browser would send it, started a minute ago."""
    data = {
        "name": "Jordan Quill",
        "email": "jordan.quill@example.com",
        "phone": "916 555 0142",
        "preferred_contact": "phone",
        "voicemail_ok": "",
        "best_time": "evening",
        "inquiry_for": "myself",
        "program": "iop",
        "message": "I would like to ask about evening groups.",
        "consent": "on",
        "source_page": "/articles/some-article/",
        "website": "",
        "started": time_trap_token(time.time() - 60),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def post_all_at_once(forms):
    """Post each form to /contact/ from a thread of its own, all at the same time; their status codes, sorted."""

    def post(data):
        try:
            return Client().post("/contact/", data).status_code
        finally:
            connection.close()  # the test client leaves each thread's database connection open

    with concurrent.futures.ThreadPoolExecutor(len(forms)) as pool:
        return sorted(pool.map(post, forms))


@pytest.fixture
def recipients(settings):
    settings.CONTACT_NOTIFY_EMAILS = ["admissions@example.org"]
    return settings.CONTACT_NOTIFY_EMAILS


@pytest.fixture
def smtp(settings):
    """A real SMTP server that Django sends to; yields its inbox."""
    with smtp_server() as (port, inbox):
        settings.MAILERS = smtp_mailers(port)
        yield inbox


def restore_admissions_group():
    """Run the data migration's step again: a live-server test's database flush removes migration-made rows."""
    migration = importlib.import_module("contact.migrations.0002_admissions_group")
    migration.create_admissions_group(apps, schema_editor=None)


def make_staff(username, *, group=None, permissions=(), superuser=False):
    user = User.objects.create_user(username, password="a-long-test-password", is_staff=True, is_superuser=superuser)
    if group:
        user.groups.add(Group.objects.get(name=group))
    for app_label, codename in permissions:
        user.user_permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    return user
