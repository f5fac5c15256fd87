"""python manage.py import_programs PATH [PATH ...] — create or update programs' text by slug."""

from pages.importer import import_program

from ._import import ImportCommand


class Command(ImportCommand):
    help = "Import programs (their title, summary and body) from Markdown files with front matter."
    import_one = staticmethod(import_program)
