"""`make run` shows a change made by another process (`manage.py shell`, `import_articles`) on the next request."""

import subprocess
import sys
import urllib.request

from tests.support.seed import PROGRAM_URL, ROOT
from tests.support.servers import development_server

ADD_A_SESSION = """
from center.models import Weekday
from pages.models import Program
program = Program.objects.get(slug="intensive-outpatient-program-sacramento", language="en")
program.sessions.create(
    name="Saturday family group", first_day=Weekday.SATURDAY, last_day=Weekday.SATURDAY,
    opens="10:00", closes="12:00",
)
"""


def program_page(base_url):
    with urllib.request.urlopen(base_url + PROGRAM_URL, timeout=30) as response:
        return response.read().decode()


def test_a_session_added_from_manage_py_shell_shows_on_the_program_page_at_once(tmp_path):
    with development_server(tmp_path) as (base_url, env):
        # Seen before, twice: the first view also creates the site-settings record, which counts as a change itself.
        for _ in range(2):
            assert "Saturday family group" not in program_page(base_url)
        shell = [sys.executable, "manage.py", "shell", "-c", ADD_A_SESSION]
        added = subprocess.run(shell, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False)
        assert added.returncode == 0, added.stderr
        assert "Saturday family group" in program_page(base_url)
