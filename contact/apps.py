"""Confidential inquiries from prospective patients and their families."""

from django.apps import AppConfig


class ContactConfig(AppConfig):
    name = "contact"
    verbose_name = "Inquiries"
