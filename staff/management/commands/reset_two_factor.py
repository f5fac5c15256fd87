"""Recovery for a staff member who lost their phone and backup codes: remove their two-factor devices."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django_otp import devices_for_user

from staff.models import AuditEvent


class Command(BaseCommand):
    help = "Remove USERNAME's authenticator app and backup codes; they enrol again at their next sign-in."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *, username, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"There is no account named {username!r}.")
        removed = 0
        for device in devices_for_user(user, confirmed=None):
            device.delete()
            removed += 1
        AuditEvent.record(AuditEvent.Action.TWO_FACTOR_RESET, username=username, detail="reset_two_factor command")
        self.stdout.write(f"Removed {removed} two-factor devices of {username}; they will set up a new one at sign-in.")
