"""Articles, topics and the site's content pages."""

from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = "Site content"

    def ready(self):
        from . import (
            readiness,  # noqa: F401 (registers its checks of the site's readiness)
            translation_sync,
        )
        from .cache import connect_invalidation

        connect_invalidation()
        translation_sync.connect()
