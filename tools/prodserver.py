"""Start the site the way production runs it (gunicorn, DEBUG off, hashed static files) on a free local port.

Used by the audit, screenshot and benchmark tools. It gets its own SQLite database in a temporary folder,
migrated and loaded with the shipped content, so it never touches the developer's data.
"""

import contextlib
import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from cryptography.fernet import Fernet

ROOT = Path(__file__).resolve().parent.parent


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
    manage(env, "import_articles", "content/articles")
    manage(env, "collectstatic", "--no-input", "-v", "0")


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
def gunicorn(env, workdir, workers=2, output=None):
    """Run one gunicorn server with ``env`` on a free port until the block ends; yields its base URL.

    Each server gets its own control socket in ``workdir``: gunicorn refuses to share one on a machine.
    ``output`` (an open file) receives the server's own log lines; by default they go to the terminal.
    """
    port = free_port()
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
def production_server(workers=2, extra_env=None, setup=None, output=None):
    """Yield the base URL of a gunicorn server running production settings; stop it afterwards.

    ``setup(env)`` runs after the content is loaded and before the server starts (e.g. to add demo data).
    ``output`` is an open file for the server's stdout and stderr (its log); by default they are inherited.
    """
    with tempfile.TemporaryDirectory(prefix="restoration-") as workdir:
        env = production_env(workdir, extra_env)
        prepare(env)
        if setup:
            setup(env)
        with gunicorn(env, workdir, workers, output) as base_url:
            yield base_url
