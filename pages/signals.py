"""Signals pages sends, so that other parts of the site can follow its content without pages importing them."""

from django.dispatch import Signal

# Sent when rows appear by a write that sends no post_save: generate_demo_articles' ``bulk_create()``, which fills a
# database with thousands of benchmark articles (every other write goes through pages.services, one save() each).
# ``sender`` is the model, ``pks`` the primary keys of the rows. The search index listens to it (search/index.py).
publication_changed = Signal()
