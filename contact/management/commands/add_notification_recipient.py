"""python manage.py add_notification_recipient EMAIL [--escalations] — who is told about inquiries, from a shell.

For a first run, before anyone has signed in to the admin (where the same list is kept, under Inquiries →
Notification recipients). Adding an address that is on the list already switches it back on.
"""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email

from contact.models import NotificationRecipient
from contact.services import notification_recipient_add


class Command(BaseCommand):
    help = (
        "Send the new-inquiry email (or, with --escalations, the email about an inquiry left waiting past the reply "
        "time) to EMAIL. The emails hold a link to the admin, never a person's details."
    )

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument(
            "--escalations", action="store_true", help="Receive escalations instead of new-inquiry emails."
        )
        parser.add_argument("--note", default="", help="Whose address this is, for your reference.")

    def handle(self, *, email, escalations, note, **options):
        email = email.strip()
        try:
            validate_email(email)
        except ValidationError:
            raise CommandError(f"“{email}” is not an email address, such as admissions@example.org.") from None
        receives = (
            NotificationRecipient.Receives.ESCALATIONS if escalations else NotificationRecipient.Receives.NEW_INQUIRIES
        )
        _, change = notification_recipient_add(email, receives, note)
        what = NotificationRecipient.Receives(receives).label.lower()
        sentence = {"added": "now receives", "unchanged": "already receives", "reactivated": "receives"}[change]
        again = " again" if change == "reactivated" else ""
        message = f"{email} {sentence} the email about {what}{again}."
        self.stdout.write(message if change == "unchanged" else self.style.SUCCESS(message))
