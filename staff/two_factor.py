"""Enrolment in two-factor sign-in: an authenticator app confirmed, and a fresh set of backup codes."""

from django_otp.plugins.otp_static.models import StaticDevice, StaticToken

BACKUP_CODE_COUNT = 10


def enrol_two_factor(device):
    """Confirm a TOTP device and replace the user's backup codes; returns the new codes (shown once)."""
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    backup, _ = StaticDevice.objects.get_or_create(user=device.user, defaults={"name": "Backup codes"})
    backup.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODE_COUNT)]
    backup.token_set.bulk_create([StaticToken(device=backup, token=code) for code in codes])
    return codes
