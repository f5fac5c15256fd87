"""Servers on free local ports: the site as production runs it, the same with a database that can go away, and
a throwaway HTTP server standing in for another site.

``production_server()`` is gunicorn with DEBUG off and hashed static files; the tests, the system tests and the
audit, screenshot and benchmark tools use it. It gets its own SQLite database in a temporary folder, migrated and
loaded with the shipped content, so it never touches the developer's data.
"""

import contextlib
import fcntl
import hashlib
import os
import secrets
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from cryptography.fernet import Fernet

from tests.support.seed import ROOT


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def production_env(workdir, extra=None):
    """Environment for a local production-mode run (no HTTPS redirect: there is no TLS on loopback)."""
    env = dict(os.environ)
    env.setdefault("DATABASE_URL", f"sqlite:///{workdir}/db.sqlite3")
    env.update(
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DJANGO_SECURE_SSL_REDIRECT="0",
        DJANGO_LOG_LEVEL="ERROR",
    )
    env.setdefault("INQUIRY_ENCRYPTION_KEYS", Fernet.generate_key().decode())
    env.update(extra or {})
    return env


def manage(env, *args):
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)


def prepare(env):
    """Migrate, load the shipped content and collect static files."""
    manage(env, "migrate", "--no-input", "-v", "0")
    manage(env, "import_pages", "content/pages")
    manage(env, "import_programs", "content/programs")
    manage(env, "import_articles", "content/articles")
    # Every server collects into the one STATIC_ROOT; parallel test workers take turns so no copy is half-written.
    with machine_lock("collectstatic"):
        manage(env, "collectstatic", "--no-input", "-v", "0")


@contextlib.contextmanager
def machine_lock(name):
    """Hold a lock, by ``name``, that every process on this machine working in this checkout waits for."""
    checkout = hashlib.sha256(str(ROOT).encode()).hexdigest()[:12]
    with open(Path(tempfile.gettempdir()) / f"restoration-{checkout}-{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def wait_for(condition, timeout, interval=0.2):
    """Poll ``condition()`` until it returns something true; return that, or its last answer after ``timeout`` s."""
    deadline = time.monotonic() + timeout
    while True:
        result = condition()
        if result or time.monotonic() > deadline:
            return result
        time.sleep(interval)


def answers(url):
    """True when ``url`` answers 200."""
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


def wait_until_up(base_url, timeout=30):
    if not wait_for(lambda: answers(base_url + "/healthz"), timeout):
        raise RuntimeError(f"gunicorn did not answer on {base_url} within {timeout}s")


@contextlib.contextmanager
def gunicorn(env, workdir, workers=2, output=None, port=None):
    """Run one gunicorn server with ``env`` on ``port`` (by default a free one) until the block ends; yields its
    base URL.

    Each server gets its own control socket in ``workdir``: gunicorn refuses to share one on a machine.
    ``output`` (an open file) receives the server's own log lines; by default they go to the terminal.
    """
    port = port or free_port()
    control_socket = Path(workdir) / f"gunicorn-{port}.ctl"
    command = [
        sys.executable, "-m", "gunicorn", "--config", "gunicorn.conf.py",
        "--bind", f"127.0.0.1:{port}", "--workers", str(workers), "--control-socket", str(control_socket),
        # gunicorn's own messages at the app's level (ERROR unless the caller asked for more).
        "--log-level", env.get("DJANGO_LOG_LEVEL", "ERROR").lower(), "restoration.wsgi:application",
    ]  # fmt: skip
    server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=output, stderr=output)
    base_url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base_url)
        yield base_url
    finally:
        server.terminate()
        server.wait(timeout=30)


@contextlib.contextmanager
def production_server(workers=2, extra_env=None, setup=None, output=None, port=None):
    """Yield the base URL of a gunicorn server running production settings; stop it afterwards.

    ``setup(env)`` runs after the content is loaded and before the server starts (e.g. to add demo data).
    ``output`` is an open file for the server's stdout and stderr (its log); by default they are inherited.
    ``port``: a fixed port, for a tool told which ports it may use; by default a free one.
    """
    with tempfile.TemporaryDirectory(prefix="restoration-") as workdir:
        env = production_env(workdir, extra_env)
        prepare(env)
        if setup:
            setup(env)
        with gunicorn(env, workdir, workers, output, port) as base_url:
            yield base_url


@contextlib.contextmanager
def development_server(workdir):
    """`make run`'s server (runserver, development settings, no Redis) on a SQLite database of its own holding the
    shipped program; yields its base URL and the environment another process needs to work on the same data."""
    env = {key: value for key, value in os.environ.items() if not key.endswith("_CACHE_SECONDS")}
    env.update(
        DJANGO_DEBUG="1",
        DATABASE_URL=f"sqlite:///{workdir}/db.sqlite3",
        REDIS_URL="",
        INQUIRY_ENCRYPTION_KEYS=Fernet.generate_key().decode(),
    )
    manage(env, "migrate", "--no-input", "-v", "0")
    manage(env, "import_programs", "content/programs")
    port = free_port()
    command = [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"]
    server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base_url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base_url)
        yield base_url, env
    finally:
        server.terminate()
        server.wait(timeout=30)


@dataclass
class MovableDatabaseServer:
    """gunicorn on a SQLite database in a folder that can be moved away and back: a database outage as the app
    sees it, since new connections fail until the folder (the server) is back. For the production-server tests and
    the browser check of the outage page."""

    url: str
    log: Path
    data: Path

    @contextlib.contextmanager
    def database_unreachable(self):
        away = self.data.with_name("data-away")
        self.data.rename(away)
        try:
            yield
        finally:
            away.rename(self.data)


@contextlib.contextmanager
def server_with_a_movable_database(folder, **extra_env):
    (folder / "data").mkdir()
    env = {
        "DATABASE_URL": f"sqlite:///{folder}/data/db.sqlite3",
        "DATABASE_CONN_MAX_AGE": "0",  # a new connection per request, so the outage shows at once
        "REDIS_URL": "",  # no shared page cache, even when the suite runs with Redis: every page needs the database
        **extra_env,
    }
    log_path = folder / "server.log"
    with log_path.open("w") as log, production_server(workers=1, extra_env=env, output=log) as base_url:
        yield MovableDatabaseServer(base_url, log_path, folder / "data")


@contextlib.contextmanager
def http_server(answer):
    """Answer each GET with ``answer(request) -> (status, html)`` until the block ends; yields the base URL.

    ``request`` is the http.server handler: ``request.path`` holds the path and query, ``request.headers`` the
    headers the client sent.
    """

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            status, html = answer(self)
            self.send_response(status)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(html.encode())

        def log_message(self, *args):
            pass  # tests read what they need from the requests themselves

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
