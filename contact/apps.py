"""Confidential inquiries from prospective patients and their families."""

from django.apps import AppConfig


class ContactConfig(AppConfig):
    name = "contact"
    verbose_name = "Inquiries"

    def ready(self):
        from . import readiness  # noqa: F401 (registers its check of the site's readiness)
