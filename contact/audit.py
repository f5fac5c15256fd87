"""Sign-in events in the audit trail: receivers for Django's and django-axes' signals (see ContactConfig.ready)."""

from axes.signals import user_locked_out
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from restoration.http import client_address

from .models import AuditEvent


def _from(request):
    return f"from {client_address(request)}" if request is not None else ""


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
    # Only the name tried: Django's signal already replaces the password with asterisks.
    AuditEvent.record(AuditEvent.Action.LOGIN_FAILED, username=credentials.get("username", ""), detail=_from(request))


@receiver(user_locked_out, dispatch_uid="audit-locked-out")
def audit_locked_out(sender, request, username, ip_address, **kwargs):
    AuditEvent.record(AuditEvent.Action.LOCKED_OUT, username=username or "", detail=f"from {ip_address}")
