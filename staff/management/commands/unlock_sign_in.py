"""Lift django-axes' sign-in pause for a name, or for an address, before the cooling-off period ends."""

from axes.utils import reset
from django.core.management.base import BaseCommand, CommandError

from restoration.http import counted_address
from staff.lockout import hashed_sign_in_name


class Command(BaseCommand):
    help = (
        "Forget the failed sign-ins for USERNAME, from every address, so its sign-in pause ends now; or, with "
        "--address, those from one address (for IPv6 its whole /64), whatever names were tried."
    )

    def add_arguments(self, parser):
        parser.add_argument("username", nargs="?")
        parser.add_argument("--address", help="an address paused after failures for several names")

    def handle(self, *, username, address, **options):
        if bool(username) == bool(address):
            raise CommandError("Give either a USERNAME or --address ADDRESS.")
        if address:
            if reset(ip=counted_address(address)):
                self.stdout.write(f"Lifted the sign-in pause of {address}.")
            else:
                self.stdout.write(f"{address} has no failed sign-ins on record.")
            return
        # django-axes keys attempts by the keyed hash of the name (AXES_USERNAME_CALLABLE), so its own
        # axes_reset_username, which takes the name as stored, finds nothing.
        forgotten = reset(username=hashed_sign_in_name(username))
        if forgotten:
            self.stdout.write(f"Lifted the sign-in pause of {username} ({forgotten} addresses).")
        else:
            self.stdout.write(f"{username} has no failed sign-ins on record.")
