"""Delete the search counts kept so far: they were stored as typed, so some may name a visitor.

Until this migration every query was counted, with names, phone numbers and email addresses in it (the @ already
stripped, so such rows can no longer be told apart). From now on only queries that can identify no one are
counted (search/analytics.py, counted_query); the older rows are not worth the risk of keeping.
"""

from django.db import migrations


def forget(apps, schema_editor):
    apps.get_model("pages", "SearchCount").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("pages", "0010_synonyms_that_mean_the_same")]

    operations = [migrations.RunPython(forget, migrations.RunPython.noop)]
