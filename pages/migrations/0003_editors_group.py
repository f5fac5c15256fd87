"""The "Editors" group: exactly the permissions to manage the site's content, and none on inquiries.

Editors may add, change, delete and view articles, content pages, topics, people and redirects (the 301s from
old addresses), and view the site settings. Nothing else: not users, not inquiries, not the settings themselves.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS = "Editors"
FULL = ("add", "change", "delete", "view")
EDITOR_PERMISSIONS = {
    ("pages", "article"): FULL,
    ("pages", "contentpage"): FULL,
    ("pages", "topic"): FULL,
    ("pages", "person"): FULL,
    ("redirects", "redirect"): FULL,
    ("pages", "sitesettings"): ("view",),
}


def create_editors_group(apps, schema_editor):
    # Permissions are normally created after all migrations have run; create them now so the group can hold them.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=EDITORS)
    permissions = [
        Permission.objects.get(
            content_type__app_label=app_label, content_type__model=model, codename=f"{action}_{model}"
        )
        for (app_label, model), actions in EDITOR_PERMISSIONS.items()
        for action in actions
    ]
    group.permissions.set(permissions)


def remove_editors_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=EDITORS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0002_articles_cms"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("redirects", "0002_alter_redirect_new_path_help_text"),
    ]

    operations = [migrations.RunPython(create_editors_group, remove_editors_group)]
