"""Lift django-axes' sign-in pause for a name before the cooling-off period ends."""

from axes.utils import reset
from django.core.management.base import BaseCommand

from staff.lockout import hashed_sign_in_name


class Command(BaseCommand):
    help = "Forget the failed sign-ins for USERNAME, from every address, so its sign-in pause ends now."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *, username, **options):
        # django-axes keys attempts by the keyed hash of the name (AXES_USERNAME_CALLABLE), so its own
        # axes_reset_username, which takes the name as stored, finds nothing.
        forgotten = reset(username=hashed_sign_in_name(username))
        if forgotten:
            self.stdout.write(f"Lifted the sign-in pause of {username} ({forgotten} addresses).")
        else:
            self.stdout.write(f"{username} has no failed sign-ins on record.")
