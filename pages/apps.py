"""Articles, topics and the site's content pages."""

from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = "Site content"

    def ready(self):
        from revisions.history import keep_history

        from . import (
            readiness,  # noqa: F401 (registers its checks of the site's readiness)
            translation_sync,
        )
        from .cache import connect_invalidation
        from .models import Article, ContentPage, Program

        connect_invalidation()
        # Every save of content is kept, a program with its weekly sessions (docs/revisions.md).
        keep_history(Article)
        keep_history(ContentPage)
        keep_history(Program, with_rows=["sessions"])
        translation_sync.connect()
