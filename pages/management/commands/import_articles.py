"""python manage.py import_articles PATH [PATH ...] — create or update articles by slug."""

from pages.importer import import_article

from ._import import ImportCommand


class Command(ImportCommand):
    help = "Import articles from Markdown files with front matter (idempotent: updates by slug)."
    import_one = staticmethod(import_article)
