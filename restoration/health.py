"""Liveness and readiness checks, answered before any other middleware.

They run first so that a load balancer probing by IP address is not refused by the
allowed-hosts check, redirected to HTTPS, or written to the request log: probes come every few seconds.
"""

from django.core.cache import cache
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import HttpResponse

# What the database driver raises when its server cannot be reached (refused, gone, timed out): an outage, which
# visitors see as the 503 page (restoration.views.server_error) and the logs report once (restoration.logs).
DATABASE_UNREACHABLE = (OperationalError, InterfaceError)


def database_answers():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return True
    except DatabaseError:
        return False


def cache_answers():
    # The cache backend answers an unreachable Redis as a miss (restoration/cache.py), so a round trip tells.
    cache.set("readyz", "1", 5)
    return cache.get("readyz") == "1"


def healthz():
    """Alive: the process answers. Nothing else is checked, so an outage elsewhere never gets it restarted."""
    return []


def readyz():
    """Ready to take traffic when both the database and the cache answer; otherwise the reasons why not."""
    problems = [] if database_answers() else ["database unavailable"]
    if not cache_answers():
        problems.append("cache unavailable")
    return problems


CHECKS = {"/healthz": healthz, "/readyz": readyz}


class HealthCheckMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        check = CHECKS.get(request.path_info)
        if check is None:
            return self.get_response(request)
        problems = check()
        response = HttpResponse(
            ("; ".join(problems) or "ok") + "\n",
            status=503 if problems else 200,
            content_type="text/plain; charset=utf-8",
        )
        response["Cache-Control"] = "no-store"
        return response
