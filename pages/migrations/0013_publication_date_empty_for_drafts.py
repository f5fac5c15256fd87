"""A draft has no publication date: published_at becomes optional; publishing stamps it (pages/services.py).

Existing rows keep their dates. On SQLite, changing a column rebuilds the table, which drops the triggers that keep
the full-text index of pages_searchentry in step; they are created again from migration 0005's own statements.
"""

import importlib

from django.db import migrations, models
from django.db.models.functions import Now

HELP_TEXT = (
    "Leave empty and publishing stamps the moment it goes live. With status “Published”, a future time schedules it."
)


def restore_search_triggers(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    search_index = importlib.import_module("pages.migrations.0005_search_index")
    for statement in search_index.SQLITE:
        if statement.startswith("CREATE TRIGGER"):
            schema_editor.execute(statement)


def date_undated_rows(apps, schema_editor):
    """Going back to a required date: an undated draft gets the time it was last saved, as it would have had."""
    for name in ("Article", "ContentPage"):
        apps.get_model("pages", name).objects.filter(published_at=None).update(published_at=models.F("updated_at"))
    # Only drafts are undated, and the date of a draft's entry is never shown.
    apps.get_model("pages", "SearchEntry").objects.filter(published_at=None).update(published_at=Now())


class Migration(migrations.Migration):
    dependencies = [("pages", "0012_outbound_links_send_no_referrer")]

    operations = [
        # Undone last: the triggers again, after the table was rebuilt back.
        migrations.RunPython(migrations.RunPython.noop, restore_search_triggers),
        migrations.AlterField(
            model_name="article",
            name="published_at",
            field=models.DateTimeField(blank=True, help_text=HELP_TEXT, null=True),
        ),
        migrations.AlterField(
            model_name="contentpage",
            name="published_at",
            field=models.DateTimeField(blank=True, help_text=HELP_TEXT, null=True),
        ),
        migrations.AlterField(model_name="searchentry", name="published_at", field=models.DateTimeField(null=True)),
        migrations.RunPython(restore_search_triggers, date_undated_rows),
    ]
