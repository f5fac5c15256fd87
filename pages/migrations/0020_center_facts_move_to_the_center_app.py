"""The center's facts now belong to the center app (center 0001): pages forgets them, in state only.

Nothing happens to the tables: they and their rows stay, under their old names.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0019_spanish_site_texts_and_notices"),
        ("center", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.DeleteModel(
                    name="Accreditation",
                ),
                migrations.DeleteModel(
                    name="License",
                ),
                migrations.RemoveConstraint(
                    model_name="notice",
                    name="one_notice_version_per_language_and_day",
                ),
                migrations.DeleteModel(
                    name="Notice",
                ),
                migrations.RemoveField(
                    model_name="openinghours",
                    name="site",
                ),
                migrations.DeleteModel(
                    name="Payer",
                ),
                migrations.DeleteModel(
                    name="OpeningHours",
                ),
                migrations.DeleteModel(
                    name="SiteSettings",
                ),
            ],
        ),
    ]
