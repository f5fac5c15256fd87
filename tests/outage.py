"""gunicorn with production settings on a SQLite database in a folder that can be moved away and back.

That is what a database outage looks like to the app: new connections fail until the folder (the server) is back.
Used by the production-server tests and by the browser check of the outage page.
"""

import contextlib
from dataclasses import dataclass
from pathlib import Path

from tools.prodserver import production_server


@dataclass
class MovableDatabaseServer:
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
