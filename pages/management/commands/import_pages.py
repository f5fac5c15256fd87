"""python manage.py import_pages PATH [PATH ...] — create or update content pages by slug."""

from pages.importer import import_page

from ._import import ImportCommand


class Command(ImportCommand):
    help = "Import content pages (About, Privacy, Accessibility, …) from Markdown files with front matter."
    import_one = staticmethod(import_page)
