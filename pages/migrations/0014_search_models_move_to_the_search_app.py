"""The search models now belong to the search app (search 0001): pages forgets them, in state only.

Nothing happens to the database: the tables, their data and the full-text index stay, under their old names.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0013_publication_date_empty_for_drafts"),
        ("search", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                # The proxies first: they stand on SearchCount.
                migrations.DeleteModel(name="TopSearch"),
                migrations.DeleteModel(name="SearchWithoutResults"),
                migrations.DeleteModel(name="SearchCount"),
                migrations.DeleteModel(name="Synonym"),
                migrations.DeleteModel(name="SearchEntry"),
            ],
        ),
    ]
