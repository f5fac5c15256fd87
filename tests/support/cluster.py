"""Several app servers sharing one PostgreSQL and one Redis, as production runs behind a load balancer.

Used by the system tests (tests/system). ``cluster()`` loads the shipped content once, then starts N gunicorn
instances in production mode on free ports (each with its own control socket), one notification worker
(`send_pending_notifications --loop`) per instance, and an SMTP sink that counts the staff emails. The database is
either a throwaway one on the machine's PostgreSQL (``throwaway_database()``) or a private PostgreSQL server
(``private_postgres()``), and Redis the machine's or a private one (``private_redis()``); the private ones can be
stopped and started again, which is what the fault run does.
"""

import contextlib
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
import redis

from tests.support.seed import ROOT
from tests.support.servers import free_port, gunicorn, manage, prepare, production_env
from tests.support.smtp import smtp_server

MACHINE_POSTGRES = os.environ.get("CLUSTER_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres")
# A Redis database of the system tests' own: each cluster empties it first, so no count or cached page of an
# earlier run (a rate limit for 127.0.0.1, say) reaches the next one.
MACHINE_REDIS = os.environ.get("CLUSTER_REDIS_URL", "redis://127.0.0.1:6379/15")
STAFF_EMAIL = "admissions@example.org"
POSTGRES_SUPERUSER = "postgres"


def _database_url(server_url, name):
    return urllib.parse.urlunsplit(urllib.parse.urlsplit(server_url)._replace(path=f"/{name}"))


@contextlib.contextmanager
def throwaway_database(server_url=MACHINE_POSTGRES):
    """A new, empty database on the PostgreSQL server of ``server_url``; dropped afterwards. Yields its URL."""
    name = f"restoration_cluster_{os.getpid()}_{secrets.token_hex(3)}"
    with psycopg.connect(server_url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield _database_url(server_url, name)
    finally:
        with psycopg.connect(server_url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _as_postgres_user(command):
    """initdb and postgres refuse to run as root; as root, run them as the machine's postgres user."""
    if os.geteuid() == 0:
        return ["runuser", "-u", POSTGRES_SUPERUSER, "--", *command]
    return command


def postgres_binary(name):
    """``name`` from PATH, else from the newest /usr/lib/postgresql/<version>/bin (Debian keeps them there)."""
    debian = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"), key=lambda path: int(path.parts[-3]))
    found = shutil.which(name) or (debian[-1] if debian else None)
    if not found:
        raise RuntimeError(f"{name} is needed for a private PostgreSQL server: apt-get install -y postgresql")
    return str(found)


@dataclass
class PrivatePostgres:
    """A PostgreSQL server of our own in a temporary folder, on its own port: stopping it disturbs nothing else."""

    folder: Path
    port: int

    @property
    def server_url(self):
        return f"postgres://{POSTGRES_SUPERUSER}@127.0.0.1:{self.port}/postgres"

    def pg_ctl(self, *args, check=True):
        command = [postgres_binary("pg_ctl"), "--pgdata", str(self.folder / "data"), "--silent", *args]
        return subprocess.run(_as_postgres_user(command), check=check, stdout=subprocess.DEVNULL, timeout=60)

    @property
    def running(self):
        return self.pg_ctl("status", check=False).returncode == 0

    def start(self):
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        self.pg_ctl("--wait", "--log", str(self.folder / "server.log"), "--options", options, "start")

    def stop(self):
        """A fast shutdown, as when the database server goes away: open connections are cut."""
        self.pg_ctl("--wait", "--mode", "fast", "stop")


@contextlib.contextmanager
def private_postgres():
    folder = Path(tempfile.mkdtemp(prefix="restoration-pg-"))
    if os.geteuid() == 0:
        shutil.chown(folder, POSTGRES_SUPERUSER)
    server = PrivatePostgres(folder, free_port())
    try:
        initdb = [postgres_binary("initdb"), "--pgdata", str(folder / "data"), "--username", POSTGRES_SUPERUSER,
                  "--auth", "trust", "--encoding", "UTF8", "--no-sync"]  # fmt: skip
        subprocess.run(_as_postgres_user(initdb), check=True, stdout=subprocess.DEVNULL, timeout=120)
        server.start()
        yield server
    finally:
        if (folder / "data").exists() and server.running:
            server.stop()
        shutil.rmtree(folder, ignore_errors=True)


@dataclass
class PrivateRedis:
    """A Redis server of our own, on its own port, keeping nothing on disk."""

    port: int
    process: subprocess.Popen | None = None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        command = ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
        deadline = time.monotonic() + 10
        while subprocess.run(["redis-cli", "-p", str(self.port), "ping"], capture_output=True).returncode != 0:
            if time.monotonic() > deadline:
                raise RuntimeError(f"redis-server did not answer on port {self.port}")
            time.sleep(0.1)

    @property
    def running(self):
        return self.process is not None

    def stop(self):
        if self.process:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None


@contextlib.contextmanager
def private_redis():
    if not shutil.which("redis-server"):
        raise RuntimeError("redis-server is needed for a private Redis: apt-get install -y redis-server")
    server = PrivateRedis(free_port())
    server.start()
    try:
        yield server
    finally:
        server.stop()


@dataclass
class Cluster:
    """The running instances (base URLs), the shared environment, and the SMTP sink's inbox."""

    urls: list
    env: dict
    inbox: object
    workdir: Path
    logs: list = field(default_factory=list)
    workers: list = field(default_factory=list)  # the notification workers' processes

    def log_tail(self, lines=20):
        """The last lines each server and worker wrote: printed when a check fails."""
        return "\n".join(
            f"--- {path.name}\n" + "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
            for path in self.logs
        )

    def database(self):
        """A connection to the cluster's database, for checks on what was stored (the site itself is used by HTTP)."""
        return psycopg.connect(self.env["DATABASE_URL"], autocommit=True)


def notification_worker(env, output):
    """The worker of one instance: drains the outbox every half second, as the production worker does every 5 s."""
    command = [sys.executable, "manage.py", "send_pending_notifications", "--loop", "--interval", "0.5"]
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=output, stderr=output)


@contextlib.contextmanager
def cluster(database_url, redis_url, instances=2, web_workers=2, extra_env=None, setup=None):
    """Start ``instances`` app servers and as many notification workers sharing one database and one Redis.

    The database must be empty: it is migrated and loaded with the shipped content here. ``setup(env)`` runs
    after that, before the servers start (e.g. to add demo articles).
    """
    redis.Redis.from_url(redis_url).flushdb()
    with tempfile.TemporaryDirectory(prefix="restoration-cluster-") as workdir, smtp_server() as (smtp_port, inbox):
        workdir = Path(workdir)
        env = production_env(
            workdir,
            {
                "DATABASE_URL": database_url,
                "REDIS_URL": redis_url,
                "EMAIL_HOST": "127.0.0.1",
                "EMAIL_PORT": str(smtp_port),
                "EMAIL_USE_TLS": "0",
                "CONTACT_NOTIFY_EMAILS": STAFF_EMAIL,
                # Worker recycling every ~2000 requests would show as stalls at load-test rates.
                "GUNICORN_CMD_ARGS": "--max-requests 0",
                "DJANGO_LOG_LEVEL": "WARNING",
                **(extra_env or {}),
            },
        )
        prepare(env)
        if setup:
            setup(env)
        result = Cluster([], env, inbox, workdir)
        with contextlib.ExitStack() as stack:
            for number in range(instances):
                name = "AB"[number] if instances <= 2 else str(number + 1)
                server_log = stack.enter_context(open(workdir / f"server-{name}.log", "w"))
                worker_log = stack.enter_context(open(workdir / f"worker-{name}.log", "w"))
                result.logs += [workdir / f"server-{name}.log", workdir / f"worker-{name}.log"]
                result.urls.append(stack.enter_context(gunicorn(env, workdir, web_workers, output=server_log)))
                worker = notification_worker(env, worker_log)
                result.workers.append(worker)
                stack.callback(_stop, worker)
            yield result


def _stop(process):
    process.terminate()
    process.wait(timeout=30)


def create_superuser(env, username, password):
    """A staff account with every permission, made the way an operator would (the admin then enrols its 2FA)."""
    manage({**env, "DJANGO_SUPERUSER_PASSWORD": password}, "createsuperuser", "--no-input", "--username", username,
           "--email", "editor@example.org")  # fmt: skip
