"""The staff session time limits: signed out when idle too long, and after a fixed time in all."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout


class StaffSessionTimeoutMiddleware:
    """Sign staff out after IDLE_SECONDS without a request, or SESSION_COOKIE_AGE (12 hours) in all.

    The times live in the session itself, so the rule holds on every app server. Signing out flushes the
    session (Django's logout), and the audit trail records why.
    """

    IDLE_SECONDS = 30 * 60  # a screen left open at the front desk signs itself out
    STARTED = "staff_session_started"
    LAST_SEEN = "staff_session_last_seen"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Without a session cookie there is nobody to sign out; looking at request.user would still read the
        # session and add "Vary: Cookie", which keeps public pages out of the shared page cache.
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            return self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.is_staff:
            now = int(time.time())
            started = request.session.setdefault(self.STARTED, now)
            last_seen = request.session.get(self.LAST_SEEN, now)
            if now - last_seen > self.IDLE_SECONDS:
                self.sign_out(
                    request, "idle", "You were signed out after a while without activity. Please sign in again."
                )
            elif now - started > settings.SESSION_COOKIE_AGE:
                self.sign_out(request, "session limit", "Your session reached its time limit. Please sign in again.")
            else:
                request.session[self.LAST_SEEN] = now
        return self.get_response(request)

    @staticmethod
    def sign_out(request, reason, message):
        request.staff_sign_out_reason = reason  # read by the audit receiver of user_logged_out
        logout(request)
        messages.info(request, message)
