"""django-axes' sign-in throttling, shaped for staff: the budgets it keeps, the browsers it knows, the lockout page,
and the keyed hash it counts names by.

Three budgets over the failed sign-ins django-axes stores, each counted over its cooling-off period
(AXES_COOLOFF_TIME) and each client counted by its address, or for IPv6 its /64 (AXES_CLIENT_IP_CALLABLE):

- one account from one address (AXES_FAILURE_LIMIT): that account is paused from there;
- one address, whatever names it tries (ADDRESS_FAILURE_LIMIT): that address is paused, which stops a password
  sprayed over every staff name;
- the whole site (SITE_FAILURE_LIMIT): a wave from many addresses pauses sign-in, but only for browsers that have not
  completed a sign-in (password and code) as that account before, and only until the wave has been over for the
  cooling-off period. Staff on their usual browser never notice: an attacker can slow down new browsers, not lock
  the staff out.
"""

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username
from axes.models import AccessAttempt
from axes.signals import user_locked_out
from django.conf import settings
from django.contrib import admin
from django.db.models import Sum
from django.shortcuts import render
from django.urls import reverse
from django.utils.crypto import salted_hmac

# The salt names the module this hash was first made in (restoration/staff_admin.py). Changing it would change
# every key, so the failed sign-ins django-axes has stored would no longer count, nor could they be lifted.
SIGN_IN_NAME_SALT = "restoration.staff_admin.sign-in-name"

ADDRESS_FAILURE_LIMIT = 10  # a busy office behind one address makes a few typos, not ten unresolved ones
SITE_FAILURE_LIMIT = 30  # a small staff's typos in half an hour stay far below it

KNOWN_BROWSER_COOKIE = "staff_known_browser"
KNOWN_BROWSER_DAYS = 90
KNOWN_BROWSER_NAMES = 5  # a shared front-desk computer remembers a few accounts


def hashed_sign_in_name(name):
    """A keyed hash of a name typed at sign-in: the same name always gives the same key, and no one without
    DJANGO_SECRET_KEY can tell from the key what was typed."""
    return salted_hmac(SIGN_IN_NAME_SALT, name, algorithm="sha256").hexdigest()


def sign_in_name_key(request, credentials=None):
    """What django-axes stores and counts failures by instead of the name typed (AXES_USERNAME_CALLABLE): that
    name may be a password typed into the wrong box, so its lockout table keeps only the keyed hash."""
    typed = credentials.get("username") if credentials else request.POST.get("username")
    return hashed_sign_in_name(typed) if typed else None


def _names_known(request):
    value = request.get_signed_cookie(
        KNOWN_BROWSER_COOKIE, default="", salt=KNOWN_BROWSER_COOKIE, max_age=KNOWN_BROWSER_DAYS * 24 * 60 * 60
    )
    return [name for name in value.split(",") if name]


def remember_browser(request, response):
    """``response`` to a complete sign-in, marking this browser as one the account has used (a signed cookie of name
    hashes, sent only to the admin), so the site-wide budget does not pause it."""
    name = hashed_sign_in_name(request.user.get_username())
    names = [name, *(known for known in _names_known(request) if known != name)][:KNOWN_BROWSER_NAMES]
    response.set_signed_cookie(
        KNOWN_BROWSER_COOKIE,
        ",".join(names),
        salt=KNOWN_BROWSER_COOKIE,
        max_age=KNOWN_BROWSER_DAYS * 24 * 60 * 60,
        path=reverse("admin:index"),
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )
    return response


def _failures(request, **where):
    since = request.axes_attempt_time - settings.AXES_COOLOFF_TIME
    attempts = AccessAttempt.objects.filter(attempt_time__gte=since, **where)
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0


def _budget_spent(request, credentials):
    """Which of the address's or the site's budgets keeps this sign-in from being checked: "address", "site" or
    None."""
    if _failures(request, ip_address=request.axes_ip_address) >= ADDRESS_FAILURE_LIMIT:
        return "address"
    if _failures(request) >= SITE_FAILURE_LIMIT and sign_in_name_key(request, credentials) not in _names_known(request):
        return "site"
    return None


class StaffSignInHandler(AxesDatabaseHandler):
    """django-axes' database handler (AXES_HANDLER) with the address's and the site's budgets beside its own."""

    def is_locked(self, request, credentials=None):
        return super().is_locked(request, credentials) or _budget_spent(request, credentials) is not None

    def user_login_failed(self, sender, credentials, request=None, **kwargs):
        super().user_login_failed(sender, credentials, request, **kwargs)
        if request is None or request.axes_locked_out:
            return
        request.sign_in_paused_for = _budget_spent(request, credentials)
        if request.sign_in_paused_for:
            request.axes_locked_out = True
            request.axes_credentials = credentials
            username = get_client_username(request, credentials)
            user_locked_out.send("axes", request=request, username=username, ip_address=request.axes_ip_address)


def locked_out(request, response, credentials):
    """django-axes' lockout page (AXES_LOCKOUT_CALLABLE): which budget ran out and how long the pause lasts, in the
    admin's look."""
    context = {
        **admin.site.each_context(request),
        "paused_for": getattr(request, "sign_in_paused_for", None) or "account",
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "address_failure_limit": ADDRESS_FAILURE_LIMIT,
        "cooloff_minutes": round(settings.AXES_COOLOFF_TIME.total_seconds() / 60),
    }
    return render(request, "staff/locked_out.html", context, status=429)
