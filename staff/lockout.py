"""django-axes' sign-in throttling, shaped for staff: the lockout page, and the keyed hash it counts names by."""

from django.conf import settings
from django.contrib import admin
from django.shortcuts import render
from django.utils.crypto import salted_hmac

# The salt names the module this hash was first made in (restoration/staff_admin.py). Changing it would change
# every key, so the failed sign-ins django-axes has stored would no longer count, nor could they be lifted.
SIGN_IN_NAME_SALT = "restoration.staff_admin.sign-in-name"


def locked_out(request, response, credentials):
    """django-axes' lockout page (AXES_LOCKOUT_CALLABLE): how long the pause lasts, in the admin's look."""
    context = {
        **admin.site.each_context(request),
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "cooloff_minutes": round(settings.AXES_COOLOFF_TIME.total_seconds() / 60),
    }
    return render(request, "staff/locked_out.html", context, status=429)


def hashed_sign_in_name(name):
    """A keyed hash of a name typed at sign-in: the same name always gives the same key, and no one without
    DJANGO_SECRET_KEY can tell from the key what was typed."""
    return salted_hmac(SIGN_IN_NAME_SALT, name, algorithm="sha256").hexdigest()


def sign_in_name_key(request, credentials=None):
    """What django-axes stores and counts failures by instead of the name typed (AXES_USERNAME_CALLABLE): that
    name may be a password typed into the wrong box, so its lockout table keeps only the keyed hash."""
    typed = credentials.get("username") if credentials else request.POST.get("username")
    return hashed_sign_in_name(typed) if typed else None
