"""Signals pages sends, so that other parts of the site can follow its content without pages importing them."""

from django.dispatch import Signal

# Sent by pages.services when the publication of several rows changes at once through ``queryset.update()``, which
# sends no post_save. ``sender`` is the model (Article or ContentPage), ``pks`` the primary keys of the changed rows.
publication_changed = Signal()
