"""Enrolment in two-factor sign-in: an authenticator app set up in one session and confirmed, and a fresh set of
backup codes.

Each setup start (the password typed again) makes a new device whose key only that session is shown; the others
are removed when one is confirmed, or once left longer than SETUP_TIME, so a session that saw a setup page keeps
nothing that works after its owner enrols.
"""

import datetime
import secrets

from django.db.models import Q
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

BACKUP_CODE_COUNT = 10
# Lower-case letters and digits without the ones read or written alike (0 o, 1 i l): a code copied by hand from
# paper is typed right. Ten of these are about 50 bits, more than django-otp's 8 base32 characters (40).
BACKUP_CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
BACKUP_CODE_LENGTH = 10
SETUP_TIME = datetime.timedelta(minutes=15)  # enough to install an app and scan the code
SETUP_SESSION_KEY = "staff_two_factor_setup_device"


def start_setup(request):
    """A new, unconfirmed authenticator device for this session alone; its key is this session's to show."""
    device = TOTPDevice.objects.create(user=request.user, name="Authenticator app", confirmed=False)
    request.session[SETUP_SESSION_KEY] = device.pk
    return device


def setup_in_progress(request):
    """The device this session is setting up, or None: never started, confirmed in another session, or left too
    long (then removed)."""
    stale = Q(created_at__lte=timezone.now() - SETUP_TIME) | Q(created_at__isnull=True)
    TOTPDevice.objects.filter(stale, user=request.user, confirmed=False).delete()
    pk = request.session.get(SETUP_SESSION_KEY)
    return TOTPDevice.objects.filter(pk=pk, user=request.user, confirmed=False).first() if pk else None


def enrol_two_factor(device):
    """Confirm a TOTP device, remove the user's other unconfirmed ones and replace their backup codes; returns the
    new codes (shown once)."""
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user=device.user, confirmed=False).delete()
    backup, _ = StaticDevice.objects.get_or_create(user=device.user, defaults={"name": "Backup codes"})
    backup.token_set.all().delete()
    codes = [backup_code() for _ in range(BACKUP_CODE_COUNT)]
    backup.token_set.bulk_create([StaticToken(device=backup, token=code) for code in codes])
    return codes


def backup_code():
    """A new backup code, as stored and checked (shown in two halves: see readable_backup_code)."""
    return "".join(secrets.choice(BACKUP_CODE_ALPHABET) for _ in range(BACKUP_CODE_LENGTH))


def readable_backup_code(code):
    """ "abcde-fghjk": a code in two halves, easier to read out and copy by hand; typed either way."""
    half = len(code) // 2
    return f"{code[:half]}-{code[half:]}"


def normalise_code(typed):
    """A code as typed (spaces, the hyphen of a backup code's halves, capitals) as it is checked."""
    return "".join(typed.split()).replace("-", "").lower()
