"""The search models now belong to the search app (search 0001): pages forgets them, in state only.

Nothing happens to the tables: they, their data and the full-text index stay, under their old names. The models'
content types are renamed to the search app rather than created afresh, so the permissions that hang on them keep
their ids, and the Editors group keeps what 0007 and 0009 granted it: the synonyms and the search reports.
"""

from django.db import migrations

MOVED_MODELS = ("searchentry", "synonym", "searchcount", "topsearch", "searchwithoutresults")


def move_content_types(old_label, new_label):
    def move(apps, schema_editor):
        content_types = apps.get_model("contenttypes", "ContentType").objects.using(schema_editor.connection.alias)
        for model in MOVED_MODELS:
            # After a migrate back to 0013, post_migrate made fresh, ungranted content types for the search app's
            # models; the renamed-back ones hold the grants, so the fresh ones give way.
            content_types.filter(app_label=new_label, model=model).delete()
            content_types.filter(app_label=old_label, model=model).update(app_label=new_label)

    return move


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
        migrations.RunPython(move_content_types("pages", "search"), move_content_types("search", "pages")),
    ]
