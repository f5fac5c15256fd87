"""What a test needs from the machine or the database server, and what it does when that is missing."""

import os

import pytest
from django.conf import settings

# Parallel requests need a real database server: SQLite's shared in-memory test database locks the table instead.
needs_postgresql = pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
    reason="parallel posts need PostgreSQL (set DATABASE_URL; CI runs the suite on PostgreSQL)",
)


def missing_prerequisite(reason):
    """Skip a test this machine lacks a program for; fail it where it must run (CI sets REQUIRE_BROWSER)."""
    if os.environ.get("REQUIRE_BROWSER"):
        pytest.fail(reason)
    pytest.skip(reason)
