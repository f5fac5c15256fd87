"""A real SMTP server on a free local port (aiosmtpd), and the MAILERS setting that points Django at it.

The tests use it, and so do the scale, load and fault runs, to count the staff emails the site sends.
"""

import asyncio
import contextlib
import email
import email.policy
import threading

from aiosmtpd.controller import Controller

from tests.support.servers import free_port


def smtp_mailers(port):
    """MAILERS for Django's SMTP backend talking plain SMTP to 127.0.0.1:port."""
    return {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": port, "use_tls": False, "timeout": 5},
        }
    }


class Inbox:
    """Collects every message the server accepts, parsed; ``delay`` slows each delivery (to widen races), and
    ``before_next_message`` (a function, if set) runs once while the next message waits for its answer (to make
    something fail while an email is in flight)."""

    def __init__(self, delay=0.0):
        self.delay = delay
        self.before_next_message = None
        self.messages = []
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):  # the name aiosmtpd calls
        if self.delay:
            await asyncio.sleep(self.delay)
        if self.before_next_message:
            action, self.before_next_message = self.before_next_message, None
            await asyncio.to_thread(action)
        message = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
        with self.lock:
            self.messages.append((envelope.rcpt_tos, message))
        return "250 Message accepted"

    @property
    def subjects(self):
        with self.lock:
            return [message["Subject"] for _, message in self.messages]


@contextlib.contextmanager
def smtp_server(port=None, delay=0.0):
    """Run a local SMTP server until the block ends; yields (port, inbox)."""
    inbox = Inbox(delay)
    port = port or free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield port, inbox
    finally:
        controller.stop()
