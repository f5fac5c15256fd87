"""Drain the notification outbox: email admissions staff about every inquiry still owed an email, and escalate
every inquiry left waiting past the reply time with no first contact.

Safe to run on several machines at once (rows are claimed; see contact/notifications.py). In production
run it as the worker: ``python manage.py send_pending_notifications --loop``.
"""

import logging
import signal
import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections

from contact.notifications import send_escalations, send_pending_notifications, waiting_for_a_recipient
from restoration.health import DATABASE_UNREACHABLE

logger = logging.getLogger(__name__)

# How often the loop looks for inquiries to escalate: a reply time is counted in hours, and an SMTP outage then
# costs one warning a minute rather than one a pass.
ESCALATION_INTERVAL = 60.0


class Command(BaseCommand):
    help = "Send the staff email for inquiries that are still owed one, retrying failures with backoff."

    def add_arguments(self, parser):
        parser.add_argument("--loop", action="store_true", help="Keep running, checking every --interval seconds.")
        parser.add_argument("--interval", type=float, default=5.0, help="Seconds between checks with --loop.")
        parser.add_argument("--limit", type=int, default=100, help="Most emails to send in one pass.")

    def handle(self, *, loop, interval, limit, **options):
        self.stopping = False
        self.next_escalation = 0.0
        self.told_of_waiting = False
        if not loop:
            self.send(limit)
            return
        previous = {sig: signal.signal(sig, self.stop) for sig in (signal.SIGTERM, signal.SIGINT)}
        try:
            while not self.stopping:
                try:
                    self.send(limit, quiet=True)
                except DATABASE_UNREACHABLE as error:
                    # A database restart or failover must not end the worker: the owed emails wait in the
                    # database, and the next pass after it is back sends them.
                    logger.warning("Database unavailable (%s); trying again in %s s", type(error).__name__, interval)
                close_old_connections()
                self.sleep(interval)
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)

    def send(self, limit, quiet=False):
        delivered, failed = send_pending_notifications(limit=limit)
        if delivered or failed or not quiet:
            self.stdout.write(f"Delivered {delivered}, failed {failed}.")
        if time.monotonic() >= self.next_escalation:
            self.next_escalation = time.monotonic() + ESCALATION_INTERVAL
            escalated = send_escalations()
            if escalated or not quiet:
                self.stdout.write(f"Escalated {escalated}.")
        if not self.told_of_waiting:
            self.told_of_waiting = True
            self.say_if_waiting_for_a_recipient()

    def say_if_waiting_for_a_recipient(self):
        """Once per run, not once per pass: a site just installed has no recipient, which is no error."""
        if waiting := waiting_for_a_recipient():
            self.stdout.write(
                f"{waiting} inquir{'y waits' if waiting == 1 else 'ies wait'} for a notification recipient: add one in "
                "the admin or with manage.py add_notification_recipient EMAIL."
            )

    def stop(self, signum, frame):
        """Finish the email in hand, then exit (a container stop sends SIGTERM)."""
        self.stopping = True

    def sleep(self, seconds):
        deadline = time.monotonic() + seconds
        while not self.stopping and time.monotonic() < deadline:
            time.sleep(0.2)
