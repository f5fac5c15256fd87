"""gunicorn settings for production; every value can be overridden by GUNICORN_* variables or flags."""

import multiprocessing
import os

from restoration.settings import TRUSTED_PROXIES

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
# Sync workers: (2 × cores) + 1 is gunicorn's own advice for I/O-light Django views.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
keepalive = 5
# Recycle workers now and then so a slow leak can never grow without bound.
max_requests = 2000
max_requests_jitter = 200
# The control socket lives at a fixed path by default; several servers on one machine each need their own.
control_socket = os.environ.get("GUNICORN_CONTROL_SOCKET", "/tmp/gunicorn-restoration.ctl")  # noqa: S108

# No access log here: Django's request log (restoration/logs.py) writes one JSON line per request, with its
# request id. gunicorn's own messages (start-up, worker restarts, timeouts) use the same JSON format on stdout.
accesslog = None
logconfig_dict = {
    "formatters": {"json": {"()": "restoration.logs.JsonFormatter"}},
    "handlers": {"stdout": {"class": "logging.StreamHandler", "formatter": "json", "stream": "ext://sys.stdout"}},
    # No level here: gunicorn sets its own from --log-level (GUNICORN_CMD_ARGS), info by default.
    "loggers": {"gunicorn.error": {"handlers": ["stdout"], "propagate": False}},
    "root": {"level": "INFO", "handlers": ["stdout"]},
}
# X-Forwarded-* headers count only from our own proxies: the list Django's client_address uses too.
forwarded_allow_ips = ",".join(str(network) for network in TRUSTED_PROXIES)
