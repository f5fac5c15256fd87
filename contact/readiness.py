"""Whether anyone is told of new inquiries, among the checks of the center's readiness (center/readiness.py)."""

from center.readiness import Item, admin_page, readiness_check

from .notifications import notification_recipients


@readiness_check
def notification_items(today):
    """No one receives the new-inquiry email: a gap."""
    if notification_recipients():
        return [], []
    message = "No one is told about new inquiries: add a notification recipient."
    return [Item("Inquiries", message, admin_page("contact_notificationrecipient_changelist"))], []
