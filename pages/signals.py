"""Signals pages sends, so that other parts of the site can follow its content without pages importing them."""

from django.dispatch import Signal

# Sent when rows appear by a write that sends no post_save: pages.services.add_published_articles, which inserts the
# benchmark's thousands of articles in bulk (every other write there is one save() per item).
# ``sender`` is the model, ``pks`` the primary keys of the rows. The search index listens to it (search/index.py).
publication_changed = Signal()
