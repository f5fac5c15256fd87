"""The history of what editors write: every save of content and of the center's texts, with who made it and when,
kept by django-reversion (docs/revisions.md says why that library), compared word by word and restored.

This app knows no other: each app registers the models it keeps a history of (``keep_history``) in its own
AppConfig.ready, as pages does for its content and center for the site settings.
"""

from django.apps import AppConfig


class RevisionsConfig(AppConfig):
    name = "revisions"
    verbose_name = "Revisions"
