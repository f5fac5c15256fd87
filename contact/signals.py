"""Signals sent on every look at inquiries and every change to them, for a record kept outside this app.

The staff app's audit trail (staff/audit.py) listens and writes one event for each; the contact app never imports
it, so it cannot tell who listens. Each is sent with ``user`` (None from a management command), ``inquiry_ids``
(the inquiry numbers concerned) and ``detail`` (a short note, never a person's details).
"""

from django.dispatch import Signal

inquiries_viewed = Signal()  # one inquiry shown in the admin
inquiries_listed = Signal()  # a page of the admin list; detail: its number, and whether it was a search
inquiries_exported = Signal()  # the CSV download
inquiries_changed = Signal()  # a save in the admin or a status action; detail: the fields or the new status
inquiries_purged = Signal()  # deleted by retention (purge_inquiries); detail: how many, closed or open
