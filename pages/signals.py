"""Signals pages sends, so that other parts of the site can follow its content without pages importing them."""

from django.dispatch import Signal

# Sent when the publication of several rows changes at once by a write that sends no post_save: pages.services'
# ``queryset.update()`` and generate_demo_articles' ``bulk_create()``. ``sender`` is the model (Article or
# ContentPage), ``pks`` the primary keys of the changed rows. The search index listens to it (search/index.py).
publication_changed = Signal()
