"""Failed sign-ins and lockouts recorded before this release kept whatever was typed as the username, perhaps a
password typed into the wrong box. Keep it only where it names an existing account, as new events do."""

from django.db import migrations
from django.db.models import Value
from django.db.models.functions import Concat, Left

SIGN_IN_ACTIONS = ["login_failed", "locked_out"]


def forget_unknown_sign_in_names(apps, schema_editor):
    AuditEvent = apps.get_model("contact", "AuditEvent")
    accounts = apps.get_model("auth", "User").objects.values("username")
    # Events of a signed-in user (a wrong one-time code) have the user set and a name that is the account's.
    AuditEvent.objects.filter(action__in=SIGN_IN_ACTIONS, user__isnull=True).exclude(username="").exclude(
        username__in=accounts
    ).update(username="", detail=Left(Concat(Value("unknown name tried "), "detail"), 200))


class Migration(migrations.Migration):
    dependencies = [
        ("contact", "0004_audit_sign_in_events"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    # What was typed is gone for good, so there is nothing to put back.
    operations = [migrations.RunPython(forget_unknown_sign_in_names, migrations.RunPython.noop)]
