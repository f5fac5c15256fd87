from django.db import models
from reversion.models import Revision


class MinorEdit(models.Model):
    """Marks a revision its editor called minor (a typo, punctuation, formatting): the translations of what it
    changed are not told they fall behind (pages/translation_sync.py)."""

    revision = models.OneToOneField(Revision, on_delete=models.CASCADE, related_name="minor_edit")

    def __str__(self):
        return f"Minor edit: {self.revision}"
