"""Editors edit programs, as they edited the program page when it was a content page; and the fields' help texts.

Before pages 0015 the program page was a content page, which the Editors group may change: this keeps that so.
"""

import django.core.validators
from django.contrib.auth.management import create_permissions
from django.db import migrations, models

PROGRAM_MODELS = ("program", "programsession")


def editors_edit_programs(apps, schema_editor):
    # As in 0003: permissions are normally created after all migrations; the group needs them now.
    app_config = apps.get_app_config("pages")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(content_type__app_label="pages", content_type__model__in=PROGRAM_MODELS)
    for group in apps.get_model("auth", "Group").objects.filter(name="Editors"):
        group.permissions.add(*permissions)


def editors_leave_programs(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(content_type__app_label="pages", content_type__model__in=PROGRAM_MODELS)
    for group in apps.get_model("auth", "Group").objects.filter(name="Editors"):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0015_center_facts_and_programs"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.AlterField(
            model_name="program",
            name="first_day",
            field=models.TextField(
                blank=True,
                help_text="Plain text, in the second person (“You meet…”); a blank line starts a new paragraph.",
                verbose_name="what happens on the first day",
            ),
        ),
        migrations.AlterField(
            model_name="program",
            name="hours_per_week",
            field=models.PositiveSmallIntegerField(
                blank=True,
                help_text="Hours of treatment a week, as the program is run. ASAM level 2.1 means at least 9 for adults.",
                null=True,
                validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(60)],
            ),
        ),
        migrations.AlterField(
            model_name="program",
            name="length_weeks",
            field=models.PositiveSmallIntegerField(
                blank=True,
                help_text="How long most people take part, as the center states it.",
                null=True,
                validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(104)],
                verbose_name="typical length in weeks",
            ),
        ),
        migrations.AlterField(
            model_name="program",
            name="what_to_bring",
            field=models.TextField(blank=True, help_text="One item per line, for example: A photo ID"),
        ),
        migrations.RunPython(editors_edit_programs, editors_leave_programs),
    ]
