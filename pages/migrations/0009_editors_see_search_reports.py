"""Let the Editors group view the search reports (top searches, searches with no results)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

REPORTS = ("topsearch", "searchwithoutresults")


def grant(apps, schema_editor):
    # As in 0003: permissions are normally created after all migrations; the group needs them now.
    app_config = apps.get_app_config("pages")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="pages", content_type__model__in=REPORTS, codename__startswith="view_"
    )
    for group in Group.objects.filter(name="Editors"):
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [("pages", "0008_search_counts")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
