"""What the two import commands share: expand paths, import each file, report, fail clearly."""

from django.core.management.base import BaseCommand, CommandError

from pages.importer import SourceFileError, markdown_files


class ImportCommand(BaseCommand):
    import_one = None  # set by subclasses: an importer function, path -> (object, what happened)

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="Markdown files, or folders of them")

    def handle(self, *args, paths, **options):
        files = list(markdown_files(paths))
        if not files:
            raise CommandError(f"No Markdown files found in {', '.join(paths)}")
        errors = []
        for path in files:
            try:
                obj, outcome = self.import_one(path)
            except SourceFileError as exc:
                errors.append(str(exc))
                continue
            self.stdout.write(f"{outcome}: {obj.get_absolute_url()} ({path.name})")
        if errors:
            raise CommandError("Not imported:\n" + "\n".join(errors))
