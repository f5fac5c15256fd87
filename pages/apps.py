"""Articles, topics and the site's content pages."""

from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = "Site content"

    def ready(self):
        from .cache import connect_invalidation
        from .search import connect_index_updates

        connect_invalidation()
        connect_index_updates()
