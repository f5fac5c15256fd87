"""Enrolment in two-factor sign-in: an authenticator app set up in one session and confirmed, and a fresh set of
backup codes.

Each setup start (the password typed again) makes a new device whose key only that session is shown; the others
are removed when one is confirmed, or once left longer than SETUP_TIME, so a session that saw a setup page keeps
nothing that works after its owner enrols.
"""

import datetime

from django.db.models import Q
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

BACKUP_CODE_COUNT = 10
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
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODE_COUNT)]
    backup.token_set.bulk_create([StaticToken(device=backup, token=code) for code in codes])
    return codes
