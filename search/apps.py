"""Site search: the index of articles and pages, the query, the two full-text backends and the analytics."""

from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Site search"

    def ready(self):
        # Here, not in pages: search follows the signals pages sends, and pages never imports search.
        from .index import connect_index_updates

        connect_index_updates()
