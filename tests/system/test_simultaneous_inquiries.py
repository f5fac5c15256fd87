"""50 people send the form at the same moment to gunicorn on PostgreSQL: 50 rows, 50 staff emails, no error.

Runs the real production stack (tests/support/servers.py) against a throwaway database on the machine's PostgreSQL
(CLUSTER_POSTGRES_URL overrides it), with the per-client rate limit raised by its setting (every request here
comes from 127.0.0.1). Two worker processes then drain the outbox at once, as two machines would.
"""

import concurrent.futures
import os
import subprocess
import sys
import time

import psycopg
import pytest
from cryptography.fernet import Fernet

from contact.spam import TIME_TRAP_MIN_SECONDS
from tests.support.cluster import throwaway_database
from tests.support.seed import ROOT
from tests.support.servers import production_server
from tests.support.smtp import smtp_server
from tests.support.visitor import Visitor

pytestmark = pytest.mark.system

VISITORS = 50


@pytest.fixture
def load_database():
    """A fresh PostgreSQL database on the machine's server; its URL."""
    with throwaway_database() as url:
        yield url


def test_fifty_simultaneous_inquiries_are_all_stored_and_notified_once(load_database):
    with smtp_server() as (smtp_port, inbox):
        env = {
            "DATABASE_URL": load_database,
            "CONTACT_RATE_LIMIT": "1000",
            "CONTACT_NOTIFY_EMAILS": "admissions@example.org",
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(smtp_port),
            "EMAIL_USE_TLS": "0",
            "INQUIRY_ENCRYPTION_KEYS": Fernet.generate_key().decode(),  # the server and the workers share it
        }
        with production_server(workers=4, extra_env=env) as base_url:
            with concurrent.futures.ThreadPoolExecutor(VISITORS) as pool:
                visitors = [Visitor(base_url) for _ in range(VISITORS)]
                forms = list(pool.map(lambda number: visitors[number].fill_inquiry(number), range(VISITORS)))
                time.sleep(TIME_TRAP_MIN_SECONDS + 0.5)  # people take a moment to fill the form in
                started = time.monotonic()
                results = list(
                    pool.map(lambda number: visitors[number].post("/contact/", forms[number]), range(VISITORS))
                )
                elapsed = time.monotonic() - started
            answers = [(result.status, result.headers["Location"]) for result in results]
            assert answers == [(302, "/contact/thanks/")] * VISITORS, answers
            print(f"{VISITORS} simultaneous submissions answered in {elapsed:.2f} s")

            worker_env = {**os.environ, "DJANGO_DEBUG": "0", "DJANGO_SECRET_KEY": "x" * 50, **env}
            worker_env.update(DJANGO_ALLOWED_HOSTS="127.0.0.1", DJANGO_LOG_LEVEL="WARNING")
            workers = [
                subprocess.Popen(
                    [sys.executable, "manage.py", "send_pending_notifications"],
                    cwd=ROOT,
                    env=worker_env,
                    stdout=subprocess.PIPE,
                    text=True,
                )
                for _ in range(2)
            ]
            outputs = [worker.communicate(timeout=120)[0] for worker in workers]
            assert [worker.returncode for worker in workers] == [0, 0], outputs

        with psycopg.connect(load_database) as db:
            rows = db.execute(
                "SELECT count(*), count(notified_at), count(*) FILTER (WHERE status = 'new'), max(notify_attempts)"
                " FROM contact_inquiry"
            ).fetchone()
            numbers = [pk for (pk,) in db.execute("SELECT id FROM contact_inquiry").fetchall()]
        assert rows == (VISITORS, VISITORS, VISITORS, 1), "every inquiry stored, not spam, notified in one attempt"
        assert sorted(inbox.subjects) == sorted(f"New inquiry #{pk}" for pk in numbers), "each exactly once"
