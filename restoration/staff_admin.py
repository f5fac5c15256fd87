"""The staff admin site: a password and a one-time code for every staff account, with enrolment and recovery.

Flow: the usual admin login (password) → ``two-factor/`` (a code from the authenticator app, or a backup code)
or, for an account with no device yet, ``two-factor/setup/`` (QR code drawn here by segno, then backup codes).
Only a verified session has admin permission. Lost devices: ``manage.py reset_two_factor USERNAME``.
"""

import base64
import math
from functools import wraps

import django_otp
import segno
from django import forms
from django.conf import settings
from django.contrib import admin
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django_otp import user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from contact.models import AuditEvent

BACKUP_CODE_COUNT = 10
CODE_HELP = "The 6-digit code your authenticator app shows now, or one of your backup codes."


class OneTimeCodeField(forms.CharField):
    def __init__(self, **kwargs):
        attrs = {"autocomplete": "one-time-code", "autocapitalize": "off", "spellcheck": "false", "size": "12"}
        super().__init__(
            label="One-time code", help_text=CODE_HELP, max_length=16, widget=forms.TextInput(attrs), **kwargs
        )


def seconds_until_checked(device):
    """How long django-otp's pause after wrong codes (1, 2, 4 … seconds) keeps ``device`` from checking a code;
    0 when it checks one now."""
    allowed, pause = device.verify_is_allowed()
    if allowed:
        return 0
    return max(1, math.ceil((pause["locked_until"] - timezone.now()).total_seconds()))


class OneTimeCodeForm(forms.Form):
    """A code for the device ``device_for`` picks. During django-otp's pause after a wrong code the device does
    not check codes at all, so the form says how long to wait rather than calling a right code wrong."""

    otp_token = OneTimeCodeField()
    wrong_code_message = ""

    def __init__(self, *args, **kwargs):
        self.device = None
        self.wait_seconds = 0
        super().__init__(*args, **kwargs)

    def device_for(self, token):
        raise NotImplementedError

    def clean_otp_token(self):
        token = "".join(self.cleaned_data["otp_token"].split())
        device = self.device_for(token)
        if device is not None:
            self.wait_seconds = seconds_until_checked(device)
            if self.wait_seconds:
                raise ValidationError(
                    "Wait %(seconds)s and try again. After a wrong code, sign-in pauses briefly so that codes "
                    "can’t be guessed.",
                    code="paused",
                    params={"seconds": f"{self.wait_seconds} second{'' if self.wait_seconds == 1 else 's'}"},
                )
            if device.verify_token(token):
                self.device = device
                return token
        raise ValidationError(self.wrong_code_message, code="wrong_code")


class VerifyCodeForm(OneTimeCodeForm):
    """The second step of sign-in: a code from the user's authenticator app, or one of their backup codes."""

    wrong_code_message = (
        "That code didn’t work. Codes change every 30 seconds: type the one showing now, or a backup code."
    )

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def device_for(self, token):
        # The app's codes are 6 digits, backup codes 8 letters and digits. Each code goes to its own device
        # (enrolment gives an account one of each), so a wrong app code never pauses the backup codes.
        kind = TOTPDevice if token.isdigit() and len(token) == 6 else StaticDevice
        return kind.objects.devices_for_user(self.user, confirmed=True).first()


class EnrolCodeForm(OneTimeCodeForm):
    """Proves the new authenticator app was set up right: its current code must match the new device."""

    wrong_code_message = (
        "That code didn’t match. Check that the app added this account, then type the code showing now."
    )

    def __init__(self, device, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.device_to_confirm = device
        self.fields["otp_token"].help_text = "The 6-digit code your authenticator app shows after you add the account."

    def device_for(self, token):
        return self.device_to_confirm


def _next_url(request, site):
    url = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return url
    return reverse("admin:index", current_app=site.name)


def _staff_awaiting_second_factor(user):
    return user.is_active and user.is_staff and not user.is_verified()


def _second_factor_step(view):
    """For a staff member who has given the password but no code yet; everyone else goes where they belong."""

    @wraps(view)
    def wrapper(site, request, *args, **kwargs):
        user = request.user
        if not (user.is_authenticated and user.is_active and user.is_staff):
            return redirect_to_login(request.get_full_path(), reverse("admin:login", current_app=site.name))
        if user.is_verified():
            return redirect(_next_url(request, site))
        return view(site, request, *args, **kwargs)

    return wrapper


class StaffAdminSite(admin.AdminSite):
    """django.contrib.admin's site, open only to staff sessions verified with a one-time code."""

    def has_permission(self, request):
        return super().has_permission(request) and request.user.is_verified()

    def login(self, request, extra_context=None):
        if request.method == "GET" and _staff_awaiting_second_factor(request.user):
            target = reverse("admin:two_factor_verify", current_app=self.name)
            return redirect(f"{target}?{request.GET.urlencode()}" if request.GET else target)
        return super().login(request, extra_context)

    def get_urls(self):
        views = [
            path("two-factor/", self._view(self.two_factor_verify), name="two_factor_verify"),
            path("two-factor/setup/", self._view(self.two_factor_setup), name="two_factor_setup"),
            path("two-factor/sign-out/", self._view(self.two_factor_sign_out), name="two_factor_sign_out"),
        ]
        return views + super().get_urls()

    def _view(self, method):
        return never_cache(method)

    def _context(self, request, **extra):
        return {**self.each_context(request), "next": _next_url(request, self), **extra}

    @_second_factor_step
    def two_factor_verify(self, request):
        if not user_has_device(request.user):
            return redirect(f"{reverse('admin:two_factor_setup', current_app=self.name)}?{request.GET.urlencode()}")
        form = VerifyCodeForm(request.user, request.POST or None)
        if request.method == "POST":
            if form.is_valid():
                django_otp.login(request, form.device)
                return redirect(_next_url(request, self))
            if form.has_error("otp_token", code="wrong_code"):  # a code sent during the pause was never checked
                AuditEvent.record(AuditEvent.Action.LOGIN_FAILED, user=request.user, detail="wrong one-time code")
        context = self._context(request, form=form, title="Enter your one-time code")
        return render(request, "admin/two_factor/verify.html", context)

    @_second_factor_step
    def two_factor_setup(self, request):
        user = request.user
        if user_has_device(user):
            return redirect(reverse("admin:two_factor_verify", current_app=self.name))
        device = TOTPDevice.objects.filter(user=user, confirmed=False).first() or TOTPDevice.objects.create(
            user=user, name="Authenticator app", confirmed=False
        )
        form = EnrolCodeForm(device, request.POST or None)
        if request.method == "POST" and form.is_valid():
            codes = enrol_two_factor(device)
            django_otp.login(request, device)
            AuditEvent.record(AuditEvent.Action.TWO_FACTOR_ENROLLED, user=user, detail="authenticator app")
            context = self._context(request, codes=codes, title="Save your backup codes")
            return render(request, "admin/two_factor/backup_codes.html", context)
        context = self._context(
            request,
            form=form,
            title="Set up two-factor sign-in",
            qr_code=segno.make(device.config_url, error="m").svg_data_uri(scale=5, border=2),
            secret=" ".join(_groups_of_four(base64.b32encode(device.bin_key).decode())),
        )
        return render(request, "admin/two_factor/setup.html", context)

    def two_factor_sign_out(self, request):
        """Leave the code step without finishing it (a POST, like the admin's own logout)."""
        if request.method == "POST":
            logout(request)
        return redirect(reverse("admin:login", current_app=self.name))


def locked_out(request, response, credentials):
    """django-axes' lockout page (AXES_LOCKOUT_CALLABLE): how long the pause lasts, in the admin's look."""
    context = {
        **admin.site.each_context(request),
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "cooloff_minutes": settings.AXES_COOLOFF_MINUTES,
    }
    return render(request, "admin/locked_out.html", context, status=429)


def hashed_sign_in_name(name):
    """A keyed hash of a name typed at sign-in: the same name always gives the same key, and no one without
    DJANGO_SECRET_KEY can tell from the key what was typed."""
    return salted_hmac("restoration.staff_admin.sign-in-name", name, algorithm="sha256").hexdigest()


def sign_in_name_key(request, credentials=None):
    """What django-axes stores and counts failures by instead of the name typed (AXES_USERNAME_CALLABLE): that
    name may be a password typed into the wrong box, so its lockout table keeps only the keyed hash."""
    typed = credentials.get("username") if credentials else request.POST.get("username")
    return hashed_sign_in_name(typed) if typed else None


def _groups_of_four(text):
    return [text[i : i + 4] for i in range(0, len(text), 4)]


def enrol_two_factor(device):
    """Confirm a TOTP device and replace the user's backup codes; returns the new codes (shown once)."""
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    backup, _ = StaticDevice.objects.get_or_create(user=device.user, defaults={"name": "Backup codes"})
    backup.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODE_COUNT)]
    backup.token_set.bulk_create([StaticToken(device=backup, token=code) for code in codes])
    return codes
