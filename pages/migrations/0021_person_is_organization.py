from django.db import migrations, models


def mark_the_centers_teams(apps, schema_editor):
    """A person imported as "Editorial team, <the center's name>" is the center's team: an organization, and the
    center's name was never a credential."""
    site = apps.get_model("center", "SiteSettings").objects.filter(pk=1).first()
    center = site.name if site else "Restoration Recovery Center"
    apps.get_model("pages", "Person").objects.filter(credentials=center).update(is_organization=True, credentials="")


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0020_center_facts_move_to_the_center_app"),
    ]

    operations = [
        migrations.AddField(
            model_name="person",
            name="is_organization",
            field=models.BooleanField(
                default=False,
                help_text="For a group of the center's that writes under one name, such as the editorial team: "
                "search engines are told it is an organization.",
                verbose_name="a team, not one person",
            ),
        ),
        migrations.RunPython(mark_the_centers_teams, migrations.RunPython.noop),
    ]
