"""AuditEvent moves here from the contact app, and its rows stay where they are.

Only Django's picture of the models changes (contact 0008 removes the old one): the table keeps its name,
contact_auditevent, so nothing is copied. Its content type is relabelled rather than made anew, so the
permissions that name it, and the admin's history of it, carry over.
"""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


def relabel_content_type(from_app, to_app):
    def relabel(apps, schema_editor):
        content_types = apps.get_model("contenttypes", "ContentType").objects.using(schema_editor.connection.alias)
        # A fresh database has no content types yet: Django makes them after the last migration.
        if not content_types.filter(app_label=to_app, model="auditevent").exists():
            content_types.filter(app_label=from_app, model="auditevent").update(app_label=to_app)

    return relabel


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("contact", "0007_inquiry_status_needs_review"),
        ("contenttypes", "0002_remove_content_type_name"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="AuditEvent",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("created_at", models.DateTimeField(db_index=True, default=django.utils.timezone.now)),
                        (
                            "username",
                            models.CharField(
                                blank=True, help_text="Kept even if the account is deleted.", max_length=150
                            ),
                        ),
                        (
                            "action",
                            models.CharField(
                                choices=[
                                    ("viewed", "Viewed an inquiry"),
                                    ("listed", "Listed inquiries"),
                                    ("exported", "Exported inquiries"),
                                    ("changed", "Changed inquiries"),
                                    ("purged", "Purged inquiries"),
                                    ("login", "Signed in"),
                                    ("logout", "Signed out"),
                                    ("login_failed", "Failed sign-in"),
                                    ("locked_out", "Locked out"),
                                    ("2fa_enrolled", "Set up two-factor sign-in"),
                                    ("2fa_reset", "Two-factor sign-in reset"),
                                ],
                                db_index=True,
                                max_length=20,
                            ),
                        ),
                        ("inquiry_ids", models.JSONField(blank=True, default=list)),
                        ("count", models.PositiveIntegerField(default=0)),
                        ("detail", models.CharField(blank=True, max_length=200)),
                        (
                            "user",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "db_table": "contact_auditevent",
                        "ordering": ["-created_at", "-pk"],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(relabel_content_type("contact", "staff"), relabel_content_type("staff", "contact")),
    ]
