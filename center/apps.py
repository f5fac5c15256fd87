"""What the center is and promises: the facts staff enter, and whether the site is ready to go live."""

from django.apps import AppConfig


class CenterConfig(AppConfig):
    name = "center"
    verbose_name = "Center facts"
