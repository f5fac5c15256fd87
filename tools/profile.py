"""make profile PAGE=article: where the time of one page type goes, over N requests through the real middleware stack.

The site runs in this process with production settings (DEBUG off, hashed static files) over a fresh SQLite database
loaded with the shipped content, the page cache off unless CACHED=1, and Django's own WSGI handler answers each
request, as under gunicorn. It first times REQUESTS requests (default 300) without the profiler, then profiles as
many more with pyinstrument and prints the call tree and the functions that spend the most time themselves.

    make profile PAGE=contact REQUESTS=500
    make profile PAGE=article CACHED=1
    FRAME_CACHE_SECONDS=600 make profile    # the frame's fragments kept, as with Redis (REDIS_URL)
"""

import io
import os
import sys
import tempfile
import time
from wsgiref.util import setup_testing_defaults

from pyinstrument import Profiler

from tests.support.page_types import FIXED_PAGES
from tests.support.servers import prepare, production_env

PAGES = dict(FIXED_PAGES)
WARM_UP = 20  # the first requests fill the per-generation caches and Python's own


def start_site(cached):
    """Set the site up in this process (a temporary database); return its WSGI application."""
    workdir = tempfile.mkdtemp(prefix="restoration-profile-")
    env = production_env(workdir, {"PAGE_CACHE_SECONDS": "600" if cached else "0", "DJANGO_LOG_LEVEL": "WARNING"})
    prepare(env)
    os.environ.update(env)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "restoration.settings")
    from django.core.wsgi import get_wsgi_application

    return get_wsgi_application()


def request(application, path):
    """One GET of ``path`` through the WSGI application, as gunicorn hands it over; return (status, body)."""
    path_info, _, query = path.partition("?")
    environ = {"PATH_INFO": path_info, "QUERY_STRING": query, "HTTP_HOST": "127.0.0.1", "REMOTE_ADDR": "127.0.0.1"}
    environ["HTTP_ACCEPT_ENCODING"] = "gzip"  # as a browser asks: whitenoise and GZip see the real headers
    setup_testing_defaults(environ)
    environ["wsgi.input"] = io.BytesIO()
    statuses = []
    result = application(environ, lambda status, headers, exc_info=None: statuses.append(status))
    try:
        body = b"".join(result)
    finally:
        getattr(result, "close", lambda: None)()
    return statuses[0], body


def mean_ms(application, path, count):
    started = time.perf_counter()
    for _ in range(count):
        request(application, path)
    return (time.perf_counter() - started) / count * 1000


def main():
    page = os.environ.get("PAGE", "article")
    if page not in PAGES:
        sys.exit(f"Unknown PAGE={page!r}; known page types: {', '.join(PAGES)}")
    count = int(os.environ.get("REQUESTS", "300"))
    cached = os.environ.get("CACHED") == "1"
    application = start_site(cached)
    path = PAGES[page]
    status, body = request(application, path)
    for _ in range(WARM_UP):
        request(application, path)
    untimed = mean_ms(application, path, count)
    profiler = Profiler(interval=0.0002)
    with profiler:
        for _ in range(count):
            request(application, path)
    print(profiler.output_text(unicode=True, color=False, show_all=False, time="percent_of_total"))
    print(profiler.output_text(unicode=True, color=False, flat=True, time="percent_of_total")[:6000])
    print(
        f"{page} ({path}): {status}, {len(body):,} bytes; page cache {'on' if cached else 'off'}; "
        f"{untimed:.2f} ms per request over {count} requests without the profiler"
    )


if __name__ == "__main__":
    main()
