"""Stop Redis, then PostgreSQL, under traffic on two app servers; both must degrade kindly and recover.

Runs on a private PostgreSQL server (initdb in a temporary folder) and a private Redis, each on a free port, so
stopping them disturbs nothing else on the machine. Two gunicorn instances and their notification workers run
on them; eight clients keep requesting the home page, an article, the article list, site search and a static
file from both instances throughout, and every answer is counted per phase.

- Redis stopped: pages are still served (200, never 500), an inquiry is still stored, the rate limit still applies
  per process, /readyz answers 503 "cache unavailable"; Redis started again: /readyz is ok, no app restart.
- PostgreSQL stopped: pages the page cache cannot answer get a 503 with the phone number, the 988 crisis line and
  Retry-After; /readyz answers 503 "database unavailable", /healthz 200; PostgreSQL started again: pages are
  served, no app restart; the inquiries sent just before the outage are stored and emailed once.
- PostgreSQL stopped while a worker is sending a staff email (the SMTP sink stops it before accepting the message):
  the delivery is recorded within a minute of its return, and the email is not sent again.
- A backup (pg_dump -Fc) of the database restores (pg_restore) into a new database with the same rows.

One test per step, in this order, on one set of servers for the module; a failed step restarts whatever it left
stopped, so the later steps still test something. With RECORD_FIGURES=1 (`make faults`) what the run saw goes into
docs/operations.md, failed steps noted; CI only checks.
"""

import collections
import re
import shutil
import subprocess
import tempfile
import threading
import time
import urllib.parse
from datetime import UTC, datetime
from pathlib import Path

import psycopg
import pytest

from tests.support.cluster import cluster, postgres_binary, private_postgres, private_redis, throwaway_database
from tests.support.figures import machine, recording_figures, replace_section
from tests.support.prerequisites import missing_prerequisite
from tests.support.seed import SEED_ARTICLE_URL
from tests.support.servers import wait_for
from tests.support.visitor import Visitor, send_inquiries

RATE_LIMIT = 3
WEB_WORKERS = 2
CLIENTS = 8
OUTAGE_SECONDS = 6
pytestmark = pytest.mark.system

PAGES = {
    "home": "/",
    "article": SEED_ARTICLE_URL,
    "article list": "/articles/",
    "search": "/search/?q={}",
    "static": None,
}


class Traffic:
    """CLIENTS threads requesting every kind of page from every instance until stopped; answers counted per phase."""

    def __init__(self, urls, static_path, phone):
        self.urls = urls
        self.phone = phone
        self.paths = {**PAGES, "static": static_path}
        self.phase = "before"
        self.counts = collections.defaultdict(collections.Counter)  # phase → (kind, status) → answers
        self.lock = threading.Lock()
        self.running = True
        self.threads = [threading.Thread(target=self.client, args=(n,)) for n in range(CLIENTS)]

    def client(self, number):
        turn = 0
        while self.running:
            turn += 1
            kind = list(self.paths)[(number + turn) % len(self.paths)]
            # A new query each time: search results are never in the page cache.
            path = self.paths[kind].format(urllib.parse.quote(f"sleep {number}-{turn}"))
            phase = self.phase
            try:
                response = Visitor(self.urls[(number + turn) % len(self.urls)]).get(path)
                status = response.status
                if status == 503 and not friendly(response, self.phone):
                    status = "503 without phone, 988 or Retry-After"
            except OSError as error:
                status = type(error).__name__
            with self.lock:
                self.counts[phase][kind, status] += 1
            time.sleep(0.02)

    def __enter__(self):
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self.running = False
        for thread in self.threads:
            thread.join()

    def statuses(self, phase, kinds=None):
        """{status: answers} in ``phase`` for ``kinds`` (all kinds by default)."""
        total = collections.Counter()
        for (kind, status), count in self.counts[phase].items():
            if kinds is None or kind in kinds:
                total[status] += count
        return dict(total)

    def table(self, phase):
        by_kind = collections.defaultdict(collections.Counter)
        for (kind, status), count in self.counts[phase].items():
            by_kind[kind][status] += count
        return "; ".join(
            f"{kind} " + ", ".join(f"{count}×{status}" for status, count in sorted(by_kind[kind].items(), key=str))
            for kind in self.paths
            if kind in by_kind
        )


def friendly(response, phone):
    """The database-outage page: it gives the phone number and the 988 crisis line, and says when to retry."""
    return "988" in response.text and phone in response.text and bool(response.headers.get("Retry-After"))


def probe(urls, path):
    """(status, first line of the body) of ``path`` on every instance."""
    answers = []
    for url in urls:
        response = Visitor(url).get(path)
        answers.append((response.status, response.text.strip().splitlines()[0] if response.text.strip() else ""))
    return answers


def attempt(action):
    """The status ``action()`` got, or what went wrong (e.g. the form page itself failed), for the record."""
    try:
        return action().status
    except (AssertionError, OSError) as error:
        return f"failed: {error}"


def attempt_all(senders):
    """The statuses ``send_inquiries(senders)`` got, or what went wrong, for the record."""
    try:
        return [response.status for response in send_inquiries(senders)]
    except (AssertionError, OSError) as error:
        return [f"failed: {error}"]


def every_instance_says(urls, path, status):
    return all(answer_status == status for answer_status, _ in probe(urls, path))


def inquiry_count(site):
    with site.database() as db:
        return db.execute("SELECT count(*) FROM contact_inquiry").fetchone()[0]


class Run:
    """The fault run: each step records its observation and raises AssertionError on a failed check."""

    def __init__(self, site, postgres, redis, database_url):
        self.site, self.postgres, self.redis, self.database_url = site, postgres, redis, database_url
        self.urls = site.urls
        self.observed = []  # lines for docs/operations.md
        home = Visitor(self.urls[0]).get("/").text
        self.phone = re.search(r'class="btn btn-call" href="(tel:[^"]+)"', home).group(1)
        self.static = re.search(r'href="(/static/css/site\.[0-9a-f]{12}\.css)"', home).group(1)
        self.traffic = Traffic(self.urls, self.static, self.phone)

    def note(self, text):
        self.observed.append(text)
        return text

    def phase(self, name, seconds):
        self.traffic.phase = name
        time.sleep(seconds)

    def baseline(self):
        self.phase("before", 3)
        statuses = self.traffic.statuses("before")
        assert set(statuses) == {200}, f"before any fault: {statuses}"
        return self.note(f"Before any fault: {self.traffic.table('before')}.")

    def redis_outage(self):
        self.redis.stop()
        stopped = time.monotonic()
        self.phase("Redis down", OUTAGE_SECONDS / 2)
        ready = probe(self.urls, "/readyz")
        health = probe(self.urls, "/healthz")
        before = inquiry_count(self.site)
        stored = attempt(lambda: Visitor(self.urls[0], forwarded_for="198.51.100.10").send_inquiry("redis-outage"))
        after = inquiry_count(self.site)
        limit = self.rate_limit_without_redis()
        self.phase("Redis down", OUTAGE_SECONDS / 2)
        statuses = self.traffic.statuses("Redis down")
        self.note(
            f"Redis stopped for {time.monotonic() - stopped:.0f} s: {self.traffic.table('Redis down')}. "
            f"/readyz {ready}, /healthz {health}. A contact submission answered {stored} "
            f"({after - before} row stored). One address sending {len(limit)} times to one instance: {limit}."
        )
        assert set(statuses) == {200}, f"while Redis was down, pages answered {statuses}"
        assert all(s == 503 and "cache unavailable" in body for s, body in ready), f"/readyz answered {ready}"
        assert all(s == 200 for s, _ in health), f"/healthz answered {health}"
        assert stored == 302 and after == before + 1, f"inquiry: {stored}, {after - before} stored"
        assert 500 not in limit and limit[:RATE_LIMIT] == [302] * RATE_LIMIT and 429 in limit, (
            f"rate limit without Redis: {limit}"
        )

        self.back_again("Redis", self.redis, "/readyz", timeout=30)

    def back_again(self, name, service, path, timeout):
        """Start ``service`` again: within ``timeout`` seconds ``path`` answers 200 on every instance, with no app
        restart, and then every page of the traffic does."""
        service.start()
        restarted = time.monotonic()
        recovered = wait_for(lambda: every_instance_says(self.urls, path, 200), timeout=timeout)
        took = time.monotonic() - restarted
        ready = probe(self.urls, "/readyz")
        self.phase(f"{name} back", 3)
        statuses = self.traffic.statuses(f"{name} back")
        self.note(
            f"{name} started again: {path} answered 200 on both instances after {took:.1f} s (no app restart); "
            f"/readyz {ready}; then {self.traffic.table(f'{name} back')}."
        )
        assert recovered, f"{path} still answers {probe(self.urls, path)} {timeout} s after {name} came back"
        assert set(statuses) == {200}, f"after {name} came back, pages answered {statuses}"

    def rate_limit_without_redis(self):
        """Without the shared count each process counts on its own: one address may send RATE_LIMIT per
        process, so RATE_LIMIT * WEB_WORKERS + 1 submissions to one instance must meet a 429 at least once."""
        visitor = Visitor(self.urls[1], forwarded_for="198.51.100.11")
        return attempt_all([(visitor, f"limit-{n}") for n in range(RATE_LIMIT * WEB_WORKERS + 1)])

    def database_outage(self):
        visitors = [Visitor(url, forwarded_for=f"192.0.2.{n}") for n, url in enumerate(self.urls * 3)]
        before_outage = attempt_all([(visitor, f"pre-{visitor.forwarded_for}") for visitor in visitors])
        assert before_outage == [302] * len(before_outage), f"inquiries before the outage: {before_outage}"
        self.postgres.stop()
        stopped = time.monotonic()
        self.phase("PostgreSQL down", OUTAGE_SECONDS)
        ready = probe(self.urls, "/readyz")
        health = probe(self.urls, "/healthz")
        search = Visitor(self.urls[0]).get("/search/?q=outage")
        contact = Visitor(self.urls[1], forwarded_for="192.0.2.99")
        sent = attempt(lambda: contact.send_inquiry("during-outage"))
        statuses = self.traffic.statuses("PostgreSQL down")
        self.note(
            f"PostgreSQL stopped (fast shutdown) for {time.monotonic() - stopped:.0f} s: "
            f"{self.traffic.table('PostgreSQL down')}. /readyz {ready}, /healthz {health}. "
            f"An uncached page (search) answered {search.status}, Retry-After: {search.headers.get('Retry-After')}. "
            f"A contact form sent now answered {sent} (the outage page says the message has not reached us)."
        )
        assert set(statuses) <= {200, 503}, f"while PostgreSQL was down, pages answered {statuses}"
        assert search.status == 503, f"search (not in the page cache) answered {search.status}"
        assert friendly(search, self.phone), "the 503 page lacks the phone number, 988 or Retry-After"
        assert sent == 503, f"a contact form sent during the outage answered {sent}, not the 503 page"
        assert all(s == 503 and "database unavailable" in body for s, body in ready), f"/readyz answered {ready}"
        assert all(s == 200 for s, _ in health), f"/healthz answered {health}"

        self.back_again("PostgreSQL", self.postgres, "/search/?q=recovery", timeout=60)

    def restore_services(self):
        """After a failed step, start whatever it left stopped, so the next steps test something."""
        if not self.redis.running:
            self.redis.start()
        if not self.postgres.running:
            self.postgres.start()

    def nothing_lost(self):
        def all_notified():
            with self.site.database() as db:
                rows, notified = db.execute("SELECT count(*), count(notified_at) FROM contact_inquiry").fetchone()
            return rows == notified and len(self.site.inbox.subjects) >= rows

        done = wait_for(all_notified, timeout=90)
        with self.site.database() as db:
            ids = [pk for (pk,) in db.execute("SELECT id FROM contact_inquiry ORDER BY id")]
        subjects = self.site.inbox.subjects
        alive = sum(worker.poll() is None for worker in self.site.workers)
        self.note(
            f"Inquiries: {len(ids)} stored, {len(subjects)} staff emails ({len(set(subjects))} distinct); "
            f"notification workers still running after both outages: {alive} of {len(self.site.workers)}."
        )
        assert alive == len(self.site.workers), "a notification worker exited during the outages"
        assert done, "not every inquiry was emailed within 90 s of the recovery"
        assert sorted(subjects) == sorted(f"New inquiry #{pk}" for pk in ids), "emails differ from stored inquiries"

    def database_outage_while_emailing(self):
        """PostgreSQL stops while a worker sends a staff email, before the delivery is recorded: within a minute of
        its return the worker records it, and the email is not sent a second time."""
        stopped = threading.Event()

        def stop_postgres():
            self.postgres.stop()
            stopped.set()

        self.site.inbox.before_next_message = stop_postgres
        try:
            sent = attempt(lambda: Visitor(self.urls[0], forwarded_for="192.0.2.50").send_inquiry("mid-send"))
            assert sent == 302, f"the inquiry answered {sent}"
            assert stopped.wait(30), "no staff email went out within 30 s of the inquiry"
        finally:
            self.site.inbox.before_next_message = None
        self.phase("PostgreSQL down mid-send", OUTAGE_SECONDS / 2)
        self.postgres.start()
        restarted = time.monotonic()
        with self.site.database() as db:
            pk = db.execute("SELECT max(id) FROM contact_inquiry").fetchone()[0]

        def recorded():
            with self.site.database() as db:
                return db.execute("SELECT notified_at FROM contact_inquiry WHERE id = %s", [pk]).fetchone()[0]

        done = wait_for(recorded, timeout=60)
        took = time.monotonic() - restarted
        emails = self.site.inbox.subjects.count(f"New inquiry #{pk}")
        outcome = f"recorded {took:.1f} s after it was back" if done else "not recorded within 60 s of its return"
        self.note(
            "PostgreSQL stopped while a staff email was in flight, before the worker could record the delivery: "
            f"{outcome}; {emails} email(s) for that inquiry."
        )
        assert done, "a delivery made as PostgreSQL stopped was not recorded within 60 s of its return"
        assert emails == 1, f"{emails} staff emails for one inquiry"

    def backup_and_restore(self):
        """pg_dump -Fc the site's database, pg_restore it into a new one, and compare row counts."""
        tables = ["contact_inquiry", "pages_article", "auth_user", "django_migrations"]
        restored_url = self.database_url + "_restored"
        restored_name = urllib.parse.urlsplit(restored_url).path.lstrip("/")
        with tempfile.TemporaryDirectory() as folder:
            dump = Path(folder) / "restoration.dump"
            subprocess.run(
                [postgres_binary("pg_dump"), "--format=custom", "--file", str(dump), self.database_url], check=True
            )
            with psycopg.connect(self.postgres.server_url, autocommit=True) as admin:
                admin.execute(f'CREATE DATABASE "{restored_name}"')
            try:
                subprocess.run(
                    [
                        postgres_binary("pg_restore"),
                        "--no-owner",
                        "--exit-on-error",
                        "--dbname",
                        restored_url,
                        str(dump),
                    ],
                    check=True,
                )
                counts = [self.row_counts(url, tables) for url in (self.database_url, restored_url)]
            finally:
                with psycopg.connect(self.postgres.server_url, autocommit=True) as admin:
                    admin.execute(f'DROP DATABASE IF EXISTS "{restored_name}" WITH (FORCE)')
            size = dump.stat().st_size
        self.note(
            f"Backup: `pg_dump --format=custom` wrote {size / 1024:.0f} KB; `pg_restore --no-owner` into an "
            f"empty database gave the same row counts ({counts[1]})."
        )
        assert counts[0] == counts[1], f"restored counts {counts[1]} differ from the original {counts[0]}"

    @staticmethod
    def row_counts(url, tables):
        with psycopg.connect(url) as db:
            return {table: db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in tables}  # noqa: S608


def report(observed, failures):
    lines = [
        f"Observed {datetime.now(UTC):%Y-%m-%d %H:%M} UTC by `make faults` on {machine()}: two gunicorn instances "
        f"× {WEB_WORKERS} sync workers and a notification worker each, on a private PostgreSQL and a private Redis; "
        f"{CLIENTS} clients requesting home, article, article list, search (a new query each time, so never "
        "cached) and a static file from both instances throughout. Answers counted per phase as count×status.",
        "",
        *(f"- {line}" for line in observed),
    ]
    if failures:
        lines += ["", f"**{failures} check(s) failed in this run** (see the list above)."]
    replace_section("operations.md", "faults", lines)


@pytest.fixture(scope="module")
def services():
    """A private PostgreSQL and a private Redis, and an empty database on that PostgreSQL."""
    try:
        postgres_binary("initdb")
    except RuntimeError as missing:
        missing_prerequisite(str(missing))
    if not shutil.which("redis-server"):
        missing_prerequisite("redis-server is needed for a private Redis: apt-get install -y redis-server")
    with private_postgres() as postgres, private_redis() as redis, throwaway_database(postgres.server_url) as url:
        yield postgres, redis, url


@pytest.fixture(scope="module")
def site(services):
    _, redis, database_url = services
    env = {
        "CONTACT_RATE_LIMIT": str(RATE_LIMIT),
        "DJANGO_TRUSTED_PROXIES": "127.0.0.1",
    }
    with cluster(database_url, redis.url, web_workers=WEB_WORKERS, extra_env=env) as site:
        yield site


@pytest.fixture(scope="module")
def run(request, services, site):
    """The fault run with its traffic going; afterwards, with RECORD_FIGURES=1, what it saw goes into the docs."""
    postgres, redis, database_url = services
    failed_before = request.session.testsfailed
    run = Run(site, postgres, redis, database_url)
    with run.traffic:
        yield run
    if recording_figures():
        report(run.observed, request.session.testsfailed - failed_before)


@pytest.fixture(autouse=True)
def _services_restarted_after_each_step(run):
    """A step that fails may leave a service stopped; the next step starts from both running."""
    yield
    run.restore_services()


def test_pages_are_served_before_any_fault(run):
    run.baseline()


def test_with_redis_stopped_pages_and_inquiries_still_work_and_it_recovers_without_a_restart(run):
    run.redis_outage()


def test_with_postgresql_stopped_visitors_get_the_outage_page_and_it_recovers_without_a_restart(run):
    run.database_outage()


def test_no_inquiry_is_lost_and_each_is_emailed_once(run):
    run.nothing_lost()


def test_a_staff_email_sent_as_postgresql_stops_is_recorded_once_it_is_back_and_not_sent_twice(run):
    run.database_outage_while_emailing()


def test_a_backup_restores_into_a_new_database_with_the_same_rows(run):
    run.backup_and_restore()
