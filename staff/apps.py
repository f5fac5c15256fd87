"""Staff access: the two-factor admin site, staff session limits, and the audit trail of sign-ins and inquiries."""

from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class StaffConfig(AppConfig):
    default = True  # this module also holds the admin's config below: "staff" in INSTALLED_APPS means this one
    name = "staff"
    verbose_name = "Staff access"

    def ready(self):
        from . import audit  # noqa: F401 (connects the receivers that write the audit trail)


class StaffAdminConfig(admin_apps.AdminConfig):
    """django.contrib.admin, with the two-factor staff site (staff/sites.py) as admin.site."""

    default = False
    default_site = "staff.sites.StaffAdminSite"
