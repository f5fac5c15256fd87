"""The staff admin site: a password and a one-time code for every staff account, with enrolment and recovery.

Flow: the usual admin login (password) → ``two-factor/`` (a code from the authenticator app, or a backup code)
or, for an account with no device yet, ``two-factor/setup/`` (the password again, then a QR code drawn here by segno
for a key of that session's own, then backup codes).
Only a verified session has admin permission. Lost devices: ``manage.py reset_two_factor USERNAME``.
"""

import base64
from functools import wraps

import django_otp
import segno
from django.contrib import admin
from django.contrib.admin.views.autocomplete import AutocompleteJsonView
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import user_has_device

from center.models import SiteSettings
from center.readiness import go_live_readiness
from contact.models import Inquiry
from contact.notifications import notification_recipients
from contact.signals import inquiries_listed

from .forms import ConfirmPasswordForm, EnrolCodeForm, VerifyCodeForm
from .lockout import remember_browser
from .models import AuditEvent
from .reports import admissions_report
from .two_factor import SETUP_SESSION_KEY, enrol_two_factor, readable_backup_code, setup_in_progress, start_setup
from .work import admissions_work


def _next_url(request, site):
    url = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return url
    return reverse("admin:index", current_app=site.name)


def _staff_awaiting_second_factor(user):
    return user.is_active and user.is_staff and not user.is_verified()


def _finish_sign_in(request, device):
    """Mark the session verified by ``device`` under a new id: a copy of the cookie taken before the code was
    typed (the password alone) must not become a staff session."""
    django_otp.login(request, device)
    request.session.cycle_key()


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


# The home page's sections in the order staff use them: inquiries first, then the site's content; the rest
# (accounts, sign-in locks, devices) after, alphabetically as the admin lists them.
APP_ORDER = ["contact", "pages", "center", "search"]


class AuditedAutocompleteJsonView(AutocompleteJsonView):
    """Django's autocomplete, which answers any field pointing at inquiries whether a form uses it or not: the
    inquiries it lists are recorded in the audit trail, as the inquiry list's are."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.model_admin.model is Inquiry:
            searched = " (search)" if self.term else ""
            inquiries_listed.send(
                Inquiry,
                user=self.request.user,
                inquiry_ids=[inquiry.pk for inquiry in context["object_list"]],
                detail=f"autocomplete page {context['page_obj'].number}{searched}",
            )
        return context


class StaffAdminSite(admin.AdminSite):
    """django.contrib.admin's site, open only to staff sessions verified with a one-time code."""

    index_title = "Staff home"

    def each_context(self, request):
        """Every admin page is headed with the center's name (from the site settings), not "Django administration"."""
        name = SiteSettings.load().name
        return {**super().each_context(request), "site_header": f"{name} — staff", "site_title": f"{name} staff"}

    def get_app_list(self, request, app_label=None):
        apps = super().get_app_list(request, app_label)
        return sorted(apps, key=lambda app: APP_ORDER.index(app["app_label"]) if app["app_label"] in APP_ORDER else 99)

    def has_permission(self, request):
        return super().has_permission(request) and request.user.is_verified()

    def login(self, request, extra_context=None):
        if request.method == "GET" and _staff_awaiting_second_factor(request.user):
            target = reverse("admin:two_factor_verify", current_app=self.name)
            return redirect(f"{target}?{request.GET.urlencode()}" if request.GET else target)
        return super().login(request, extra_context)

    def index(self, request, extra_context=None):
        """The admin's home page: first the inquiries waiting (staff/work.py), then what stands between the site and
        going live (center/readiness.py), with the licenses and accreditations about to run out among its warnings."""
        context = {
            "work": admissions_work(request.user),
            "readiness": go_live_readiness().for_user(request.user),
            "no_recipients": _no_one_told_of_inquiries(request.user),
            **(extra_context or {}),
        }
        return super().index(request, context)

    def get_urls(self):
        views = [
            path("two-factor/", self._view(self.two_factor_verify), name="two_factor_verify"),
            path("two-factor/setup/", self._view(self.two_factor_setup), name="two_factor_setup"),
            path("two-factor/sign-out/", self._view(self.two_factor_sign_out), name="two_factor_sign_out"),
            path("reports/admissions/", self.admin_view(self.admissions_report), name="admissions_report"),
        ]
        return views + super().get_urls()

    def autocomplete_view(self, request):
        return AuditedAutocompleteJsonView.as_view(admin_site=self)(request)

    def admissions_report(self, request):
        """The weekly admissions report (staff/reports.py): for those who may read inquiries, though it names no
        one, since how fast people are answered is admissions' business; editors are refused."""
        if not request.user.has_perm("contact.view_inquiry"):
            raise PermissionDenied
        context = {**self.each_context(request), "title": "Admissions report", "report": admissions_report()}
        return TemplateResponse(request, "admin/admissions_report.html", context)

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
                _finish_sign_in(request, form.device)
                return remember_browser(request, redirect(_next_url(request, self)))
            if form.has_error("otp_token", code="wrong_code"):  # a code sent during the pause was never checked
                AuditEvent.record(AuditEvent.Action.LOGIN_FAILED, user=request.user, detail="wrong one-time code")
        context = self._context(request, form=form, title="Enter your one-time code")
        return render(request, "staff/two_factor/verify.html", context)

    @method_decorator(sensitive_post_parameters("password"))
    @_second_factor_step
    def two_factor_setup(self, request):
        """Setup asks for the password again, then shows this session's own new key and takes a code from it."""
        user = request.user
        if user_has_device(user):
            return redirect(reverse("admin:two_factor_verify", current_app=self.name))
        device = setup_in_progress(request)
        if device is None:
            form = ConfirmPasswordForm(request, request.POST if "password" in request.POST else None)
            if form.is_valid():
                start_setup(request)
                return redirect(request.get_full_path())
            context = self._context(request, form=form, title="Set up two-factor sign-in")
            return render(request, "staff/two_factor/setup_password.html", context)
        form = EnrolCodeForm(device, request.POST if "otp_token" in request.POST else None)
        if form.is_valid():
            codes = enrol_two_factor(device)
            del request.session[SETUP_SESSION_KEY]
            _finish_sign_in(request, device)
            AuditEvent.record(AuditEvent.Action.TWO_FACTOR_ENROLLED, user=user, detail="authenticator app")
            codes = [readable_backup_code(code) for code in codes]
            context = self._context(request, codes=codes, title="Save your backup codes")
            return remember_browser(request, render(request, "staff/two_factor/backup_codes.html", context))
        context = self._context(
            request,
            form=form,
            title="Set up two-factor sign-in",
            qr_code=segno.make(device.config_url, error="m").svg_data_uri(scale=5, border=2),
            secret=" ".join(_groups_of_four(base64.b32encode(device.bin_key).decode())),
        )
        return render(request, "staff/two_factor/setup.html", context)

    def two_factor_sign_out(self, request):
        """Leave the code step without finishing it (a POST, like the admin's own logout)."""
        if request.method == "POST":
            logout(request)
        return redirect(reverse("admin:login", current_app=self.name))


def _no_one_told_of_inquiries(user):
    """No one receives the new-inquiry email, and ``user`` works inquiries or may add a recipient: the admin's home
    page then says so in red, above everything else (templates/admin/includes/no_recipients.html)."""
    concerned = user.has_perm("contact.view_inquiry") or user.has_perm("contact.view_notificationrecipient")
    return concerned and not notification_recipients()


def _groups_of_four(text):
    return [text[i : i + 4] for i in range(0, len(text), 4)]
