"""Confidential inquiries from prospective patients and their families."""

from django.apps import AppConfig


class ContactConfig(AppConfig):
    name = "contact"
    verbose_name = "Inquiries"

    def ready(self):
        from . import audit  # noqa: F401 (connects the sign-in receivers of the audit trail)
