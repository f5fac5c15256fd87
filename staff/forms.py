"""The one-time code forms of two-factor sign-in: the code step after the password, and enrolment's proof that
the authenticator app was set up right."""

import math

from django import forms
from django.contrib.auth import authenticate
from django.core.exceptions import ValidationError
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from .two_factor import normalise_code

CODE_HELP = "The 6-digit code your authenticator app shows now, or one of your backup codes."


class OneTimeCodeField(forms.CharField):
    def __init__(self, **kwargs):
        attrs = {"autocomplete": "one-time-code", "autocapitalize": "off", "spellcheck": "false", "size": "12"}
        super().__init__(
            label="One-time code", help_text=CODE_HELP, max_length=24, widget=forms.TextInput(attrs), **kwargs
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
        token = normalise_code(self.cleaned_data["otp_token"])
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


class ConfirmPasswordForm(forms.Form):
    """The password typed again before two-factor setup shows a key: a session cookie alone never reveals one.
    Checked through django-axes like any sign-in, so wrong passwords here count towards a lockout."""

    password = forms.CharField(
        label="Password", strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "current-password"})
    )

    def __init__(self, request, *args, **kwargs):
        self.request = request
        super().__init__(*args, **kwargs)

    def clean_password(self):
        user = self.request.user
        password = self.cleaned_data["password"]
        if authenticate(self.request, username=user.get_username(), password=password) != user:
            raise ValidationError(
                "That password isn’t right. Type the password you signed in with.", code="wrong_password"
            )
        return password
