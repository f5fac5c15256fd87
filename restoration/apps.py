"""The admin app, configured to use the two-factor staff site (restoration/staff_admin.py) as admin.site."""

from django.contrib.admin.apps import AdminConfig


class StaffAdminConfig(AdminConfig):
    default_site = "restoration.staff_admin.StaffAdminSite"
