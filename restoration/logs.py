"""Request ids and the production log format: one JSON object per line on stdout.

Every log record carries the id of the request it was written during, taken from the load balancer's
``X-Request-ID`` header when it sends a well-formed one, so one request can be followed from the balancer to
the app and back. The request log names the path but never the query string, which can hold search words or
tokens, and no log field ever holds what a visitor typed.
"""

import contextvars
import json
import logging
import re
import time
import uuid
from datetime import UTC, datetime

from restoration.health import DATABASE_UNREACHABLE

REQUEST_ID_HEADER = "X-Request-ID"
# Ids from upstream are passed on only when they look like ids, so a header can't smuggle text into the logs.
WELL_FORMED_ID = re.compile(r"[A-Za-z0-9._:-]{1,128}")
NO_REQUEST = "-"

request_id = contextvars.ContextVar("request_id", default=NO_REQUEST)
request_logger = logging.getLogger("restoration.requests")

# The only ``extra=`` fields written out. Others are dropped: Django's own records carry the request object,
# whose text holds the query string.
FIELDS = ("method", "path", "status", "duration_ms")


class RequestIdFilter(logging.Filter):
    """Stamp each record with the current request's id ("-" outside a request)."""

    def filter(self, record):
        record.request_id = request_id.get()
        return True


class OutageTracebackFilter(logging.Filter):
    """One traceback per database outage per process, not one per request while it lasts.

    Each request answered with the outage page is still in the request log, with its 503.
    """

    QUIET_SECONDS = 60

    def __init__(self):
        super().__init__()
        self._quiet_until = 0.0

    def filter(self, record):
        if not record.exc_info or not isinstance(record.exc_info[1], DATABASE_UNREACHABLE):
            return True
        if time.monotonic() < self._quiet_until:
            return False
        self._quiet_until = time.monotonic() + self.QUIET_SECONDS
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record):
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", NO_REQUEST),
        }
        entry.update((field, getattr(record, field)) for field in FIELDS if hasattr(record, field))
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, default=str)


class RequestLogMiddleware:
    """Give each request an id, return it in the response, and log one line per request when it is answered."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.headers.get(REQUEST_ID_HEADER, "")
        token = request_id.set(incoming if WELL_FORMED_ID.fullmatch(incoming) else uuid.uuid4().hex)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            response[REQUEST_ID_HEADER] = request_id.get()
            request_logger.info(
                "%s %s %s",
                request.method,
                request.path,
                response.status_code,
                extra={
                    "method": request.method,
                    "path": request.path,
                    "status": response.status_code,
                    "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                },
            )
            return response
        finally:
            request_id.reset(token)
