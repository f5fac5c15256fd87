"""The receivers that write the audit trail (connected in StaffConfig.ready): sign-ins, from Django's and django-axes'
signals, and each look at inquiries or change to them, from the contact app's (contact/signals.py)."""

from axes.signals import user_locked_out
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from contact import signals as inquiry_signals
from restoration.http import client_address

from .models import AuditEvent

# The event each of the contact app's signals records.
INQUIRY_ACTIONS = {
    inquiry_signals.inquiries_viewed: AuditEvent.Action.VIEWED,
    inquiry_signals.inquiries_listed: AuditEvent.Action.LISTED,
    inquiry_signals.inquiries_exported: AuditEvent.Action.EXPORTED,
    inquiry_signals.inquiries_changed: AuditEvent.Action.CHANGED,
    inquiry_signals.inquiries_purged: AuditEvent.Action.PURGED,
}


def _from(request):
    return f"from {client_address(request)}" if request is not None else ""


def _sign_in_attempt(typed, where):
    """The trail's username and detail for a sign-in that failed: the account's name if the name typed belongs to
    one, else only that an unknown name was tried, since what was typed may be a password in the wrong box."""
    accounts = get_user_model()._default_manager
    if typed and accounts.filter(**{get_user_model().USERNAME_FIELD: typed}).exists():
        return {"username": typed, "detail": where}
    return {"username": "", "detail": f"unknown name tried {where}".strip()}


@receiver(user_logged_in, dispatch_uid="audit-logged-in")
def audit_logged_in(sender, request, user, **kwargs):
    AuditEvent.record(AuditEvent.Action.LOGGED_IN, user=user, detail=f"password {_from(request)}")


@receiver(user_logged_out, dispatch_uid="audit-logged-out")
def audit_logged_out(sender, request, user, **kwargs):
    if user is None:
        return  # no one was signed in
    reason = getattr(request, "staff_sign_out_reason", "signed out")
    AuditEvent.record(AuditEvent.Action.LOGGED_OUT, user=user, detail=f"{reason} {_from(request)}")


@receiver(user_login_failed, dispatch_uid="audit-login-failed")
def audit_login_failed(sender, credentials, request=None, **kwargs):
    # Django's signal already replaces the password with asterisks.
    attempt = _sign_in_attempt(credentials.get("username"), _from(request))
    AuditEvent.record(AuditEvent.Action.LOGIN_FAILED, **attempt)


# Why a sign-in was paused when it was not its account's own failures from that address (staff/lockout.py).
PAUSE_REASONS = {"address": " (every name tried from there)", "site": " (many failures site-wide; a new browser)"}


@receiver(user_locked_out, dispatch_uid="audit-locked-out")
def audit_locked_out(sender, request, username, ip_address, **kwargs):
    # django-axes passes its keyed hash of the name (staff.lockout.sign_in_name_key) and the address as it
    # counts it (an IPv6 /64); the name typed is in the credentials it keeps on the request.
    typed = (getattr(request, "axes_credentials", None) or {}).get("username")
    reason = PAUSE_REASONS.get(getattr(request, "sign_in_paused_for", None), "")
    AuditEvent.record(AuditEvent.Action.LOCKED_OUT, **_sign_in_attempt(typed, _from(request) + reason))


@receiver(list(INQUIRY_ACTIONS), dispatch_uid="audit-inquiries")
def audit_inquiries(sender, signal, user, inquiry_ids, detail, **kwargs):
    AuditEvent.record(INQUIRY_ACTIONS[signal], user=user, inquiry_ids=inquiry_ids, detail=detail)
