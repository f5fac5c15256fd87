"""The "Admissions" group: may view and change inquiries, and nothing else."""

from django.db import migrations

GROUP = "Admissions"
PERMISSIONS = [("view_inquiry", "Can view inquiry"), ("change_inquiry", "Can change inquiry")]


def create_admissions_group(apps, schema_editor):
    # Permissions are normally created after all migrations run; create these two now so the group can hold them.
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    content_type, _ = ContentType.objects.get_or_create(app_label="contact", model="inquiry")
    group, _ = Group.objects.get_or_create(name=GROUP)
    for codename, name in PERMISSIONS:
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )
        group.permissions.add(permission)


def remove_admissions_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("contact", "0001_inquiries"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_admissions_group, remove_admissions_group)]
