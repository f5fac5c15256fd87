"""The whole test database as it is at one moment, to put back later.

A transactional test (a live server, migrations back and forth) empties the database when it ends, rows the
migrations made included (the Editors and Admissions groups, the site). Run in parallel, a worker's next test may
need them, so they are put back after each such test; the browser tests also start from a copy holding the seed.
"""

import sqlite3

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.contrib.sites.models import Site
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection


class DatabaseCopy:
    """On SQLite a copy of the database file's pages (milliseconds); elsewhere its rows serialized, as Django's
    serialized rollback keeps them."""

    def __init__(self):
        connection.ensure_connection()
        if connection.vendor == "sqlite":
            self._pages = sqlite3.connect(":memory:", check_same_thread=False)
            connection.connection.backup(self._pages)
        else:
            self._rows = connection.creation.serialize_db_to_string()

    def put_back(self):
        """Make the database what it was when copied."""
        connection.ensure_connection()
        if connection.vendor == "sqlite":
            self._pages.backup(connection.connection)
        else:
            call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True)
            connection.creation.deserialize_db_from_string(self._rows)
            # The rows came back with their ids; the next id each table hands out must come after them.
            with connection.cursor() as cursor:
                for statement in connection.ops.sequence_reset_sql(no_style(), apps.get_models()):
                    cursor.execute(statement)
        # Rows now have the copy's ids, not those of the rows a previous test made.
        ContentType.objects.clear_cache()
        Site.objects.clear_cache()
