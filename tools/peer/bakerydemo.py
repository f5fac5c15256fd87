"""Wagtail's bakerydemo, installed and served as production serves a site, for `make bench-peers` (tools/peer/bench.py).

``setup(checkout)`` does what bakerydemo's README and docs/performance.md describe, once: a virtualenv of its own
(bakerydemo's requirements/base.txt, plus whitenoise, the one package of its production.txt its production settings
need, and gunicorn at our version), its local.py and .env copied from their examples, migrate, load_initial_data and
collectstatic. The virtualenv and the SQLite database live in our ignored .tools/bakerydemo/, so nothing of ours is
added to the checkout beyond what its own setup adds (local.py, .env, media/, collect_static/), and none of
bakerydemo's code comes into this repository. A second run reuses both; a stamp says what each was made from.
"""

import importlib.metadata
import os
import secrets
import shutil
import subprocess
import sys
from pathlib import Path

from tests.support.seed import ROOT
from tools.throughput import WORKERS

STATE = ROOT / ".tools" / "bakerydemo"
VENV = STATE / "venv"
DATABASE = STATE / "db.sqlite3"
# A post of the demo content (bakerydemo/base/fixtures/bakerydemo.json): text, an image, tags, the author.
BLOG_PATH = "/blog/wild-yeast/"
SEARCH_PATH = "/search/?q=bread"
# Beyond requirements/base.txt: whitenoise as its production.txt pins it, and the gunicorn we serve ours with.
EXTRA_REQUIREMENTS = ["whitenoise>=6.11.0,<7", f"gunicorn=={importlib.metadata.version('gunicorn')}"]


def is_checkout(folder):
    return (Path(folder) / "bakerydemo" / "settings" / "production.py").is_file()


def environment():
    """bakerydemo's production settings (DEBUG off, whitenoise), on our database file, over plain HTTP.

    Built from nothing, so none of our settings (DATABASE_URL, REDIS_URL) reach it: its own SQLite database and
    local-memory cache, as its README's setup has.
    """
    return {
        "PATH": os.environ["PATH"],
        "DJANGO_SETTINGS_MODULE": "bakerydemo.settings.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_NAME": str(DATABASE),  # an absolute path: its settings join it to the checkout's folder
        "SECURE_SSL_REDIRECT": "False",  # no TLS on loopback
        "PRIMARY_HOST": "127.0.0.1",  # its admin's base URL; without it every manage.py command warns
        "DJANGO_LOG_LEVEL": "WARNING",
    }


def gunicorn_command(port):
    """Served as ours is: gunicorn, WORKERS sync workers, no worker recycling (its default), its own WSGI app.

    ``--no-control-socket``: gunicorn 27 refuses a second instance on the default control socket.
    """
    return [
        str(VENV / "bin" / "gunicorn"), "--no-control-socket", "--workers", str(WORKERS),
        "--bind", f"127.0.0.1:{port}", "--log-level", "warning", "bakerydemo.wsgi:application",
    ]  # fmt: skip


def commit(checkout):
    """The checkout's commit, or "unknown" for a copy without git."""
    result = subprocess.run(["git", "-C", str(checkout), "rev-parse", "HEAD"], capture_output=True, text=True)
    return result.stdout.strip() if result.returncode == 0 else "unknown"


def install(checkout):
    """Create the virtualenv if it is missing, and install bakerydemo's requirements when they changed."""
    wanted = (checkout / "requirements" / "base.txt").read_text() + "\n".join(EXTRA_REQUIREMENTS)
    stamp = VENV / ".installed"
    if stamp.is_file() and stamp.read_text() == wanted:
        return
    if not (VENV / "bin" / "python").exists():
        # Our own venv's interpreter (3.12 or newer, as make run requires), which bakerydemo's Django needs too.
        print(f"Creating {VENV.relative_to(ROOT)} with {sys._base_executable}")
        subprocess.run([sys._base_executable, "-m", "venv", str(VENV)], check=True)
    print("Installing bakerydemo's requirements (a minute or two the first time)")
    pip = [str(VENV / "bin" / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    subprocess.run([*pip, "-r", str(checkout / "requirements" / "base.txt"), *EXTRA_REQUIREMENTS], check=True)
    stamp.write_text(wanted)


def load_data(checkout):
    """migrate, load_initial_data and collectstatic on a new database, unless it was made from this checkout."""
    wanted = f"{checkout} {commit(checkout)}"
    stamp = STATE / "data-from"
    if DATABASE.is_file() and stamp.is_file() and stamp.read_text() == wanted:
        return
    print("Loading bakerydemo's demo content into a new database")
    DATABASE.unlink(missing_ok=True)
    # As its README says; its settings warn without them. Someone's own copies are kept.
    for example, target in [("bakerydemo/settings/local.py.example", "bakerydemo/settings/local.py"),
                            (".env.example", ".env")]:  # fmt: skip
        if not (checkout / target).exists():
            shutil.copy(checkout / example, checkout / target)
    env = environment()
    for command in [["migrate", "--no-input", "-v", "0"], ["load_initial_data"], ["collectstatic", "--no-input"]]:
        subprocess.run([str(VENV / "bin" / "python"), "manage.py", *command], cwd=checkout, env=env, check=True)
    stamp.write_text(wanted)


def setup(checkout):
    """Make ``checkout`` ready to serve (see the module's docstring); idempotent."""
    STATE.mkdir(parents=True, exist_ok=True)
    install(checkout)
    load_data(checkout)


def versions():
    """Wagtail's and Django's versions in bakerydemo's virtualenv."""
    script = "import django, wagtail; print(f'Wagtail {wagtail.__version__}, Django {django.__version__}')"
    return subprocess.run(
        [str(VENV / "bin" / "python"), "-c", script], capture_output=True, text=True, check=True
    ).stdout.strip()
