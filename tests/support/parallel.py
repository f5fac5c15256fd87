"""Each pytest-xdist worker's own Redis database, chosen before Django reads its settings (pyproject.toml loads
this module with ``-p``).

The tests empty the cache around each test (tests/conftest.py), and emptying a Redis cache flushes its whole
database: workers sharing one would wipe each other's pages and counters mid-test. Worker gwN takes the database
N after REDIS_URL's (CI's redis://…/1 gives gw0 database 1 and gw1 database 2); servers the tests start inherit it.
"""

import os
from urllib.parse import urlsplit, urlunsplit


def worker_redis_url(url, worker):
    """``url`` with its database number moved on by the worker's number (``gw3`` adds 3)."""
    parts = urlsplit(url)
    database = int(parts.path.strip("/") or 0) + int(worker.removeprefix("gw"))
    return urlunsplit(parts._replace(path=f"/{database}"))


_worker = os.environ.get("PYTEST_XDIST_WORKER")
if _worker and os.environ.get("REDIS_URL"):
    os.environ["REDIS_URL"] = worker_redis_url(os.environ["REDIS_URL"], _worker)
