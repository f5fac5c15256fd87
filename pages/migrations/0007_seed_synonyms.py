"""Seed the synonym list editors maintain in the admin, and let the Editors group maintain it."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

SEED = [
    "job, work, career, employment, employer, working",
    "rehab, treatment, rehabilitation",
    "drinking, alcohol, alcoholism, drink",
    "iop, intensive outpatient program, intensive outpatient",
    "drugs, substance use, addiction",
    "family, loved one, relatives, parents",
    "relapse, slip, setback",
    "counselling, counseling, therapy, therapist",
    "insurance, coverage, cost, pay",
    "detox, withdrawal, detoxification",
]


def seed(apps, schema_editor):
    Synonym = apps.get_model("pages", "Synonym")
    for terms in SEED:
        Synonym.objects.get_or_create(terms=terms)
    # As in 0003: permissions are normally created after all migrations; the group needs them now.
    app_config = apps.get_app_config("pages")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(content_type__app_label="pages", content_type__model="synonym")
    for group in Group.objects.filter(name="Editors"):
        group.permissions.add(*permissions)


def unseed(apps, schema_editor):
    apps.get_model("pages", "Synonym").objects.filter(terms__in=SEED).delete()


class Migration(migrations.Migration):
    dependencies = [("pages", "0006_synonym"), ("pages", "0003_editors_group")]

    operations = [migrations.RunPython(seed, unseed)]
