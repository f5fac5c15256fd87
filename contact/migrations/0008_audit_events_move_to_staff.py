"""AuditEvent now belongs to the staff app (staff 0001): forget it here, and leave its table and rows alone."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("contact", "0007_inquiry_status_needs_review"),
        ("staff", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="AuditEvent")],
            database_operations=[],
        ),
    ]
