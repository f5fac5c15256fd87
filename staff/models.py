"""The audit trail of staff access: who signed in (or failed to), and who looked at which inquiries."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class AuditEvent(models.Model):
    """Append-only record of staff access: sign-ins (and failed ones), views, list pages, exports and purges."""

    class Action(models.TextChoices):
        VIEWED = "viewed", "Viewed an inquiry"
        LISTED = "listed", "Listed inquiries"
        EXPORTED = "exported", "Exported inquiries"
        CHANGED = "changed", "Changed inquiries"
        PURGED = "purged", "Purged inquiries"
        LOGGED_IN = "login", "Signed in"
        LOGGED_OUT = "logout", "Signed out"
        LOGIN_FAILED = "login_failed", "Failed sign-in"
        LOCKED_OUT = "locked_out", "Locked out"
        TWO_FACTOR_ENROLLED = "2fa_enrolled", "Set up two-factor sign-in"
        TWO_FACTOR_RESET = "2fa_reset", "Two-factor sign-in reset"

    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True)
    username = models.CharField(max_length=150, blank=True, help_text="Kept even if the account is deleted.")
    action = models.CharField(max_length=20, choices=Action.choices, db_index=True)
    inquiry_ids = models.JSONField(default=list, blank=True)
    count = models.PositiveIntegerField(default=0)
    detail = models.CharField(max_length=200, blank=True)

    class Meta:
        # The table the contact app made for it, before the trail had an app of its own: moving the model kept the
        # rows where they were (migrations contact 0008, staff 0001).
        db_table = "contact_auditevent"
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.get_action_display()} ({self.count}) by {self.username or 'system'}"

    @classmethod
    def record(cls, action, *, user=None, username="", inquiry_ids=(), count=None, detail=""):
        """Append one event. ``count`` defaults to the number of inquiry ids; ``username`` names the account a
        failed sign-in was for, when no one is signed in."""
        ids = sorted(inquiry_ids)
        signed_in = user is not None and user.is_authenticated
        return cls.objects.create(
            action=action,
            user=user if signed_in else None,
            username=(user.get_username() if signed_in else username)[:150],
            inquiry_ids=ids,
            count=len(ids) if count is None else count,
            detail=detail[:200],
        )
