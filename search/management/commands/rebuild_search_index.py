"""Rebuild the site search index from every article, content page and program."""

from django.core.management.base import BaseCommand
from django.db import transaction

from search.index import rebuild_index


class Command(BaseCommand):
    help = "Rebuild the site search index from every article, content page and program."

    def handle(self, *args, **options):
        with transaction.atomic():
            count = rebuild_index()
        self.stdout.write(f"Indexed {count} articles, pages and programs.")
