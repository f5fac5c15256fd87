"""gunicorn with production settings: what operators read in the logs, what visitors see in a database outage, and
how soon a worker without Redis shows a change to the site settings.

One server for the module, on its own SQLite database in a folder the tests move away and back
(tests/support/servers.py).
"""

import json
import sqlite3
import urllib.error
import urllib.request

import pytest

from center.models import SiteSettings
from tests.support.htmlpage import parse_html
from tests.support.seed import SEED_ARTICLE_URL
from tests.support.servers import server_with_a_movable_database, wait_for
from tests.support.visitor import Visitor


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("production")
    with server_with_a_movable_database(folder, DJANGO_LOG_LEVEL="INFO") as server:
        yield server


def get(url, **headers):
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=30) as response:
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


def log_lines(server):
    return [json.loads(line) for line in server.log.read_text().splitlines() if line.strip()]


def request_lines(server):
    return [line for line in log_lines(server) if line["logger"] == "restoration.requests"]


def test_every_request_is_one_json_line_with_the_callers_request_id(server):
    status, headers, _ = get(server.url + "/search/?q=private+words", **{"X-Request-ID": "lb-7f3a9c"})
    assert status == 200
    assert headers["X-Request-ID"] == "lb-7f3a9c"
    line = request_lines(server)[-1]
    assert line["request_id"] == "lb-7f3a9c"
    assert (line["method"], line["path"], line["status"]) == ("GET", "/search/", 200)
    assert line["duration_ms"] > 0
    assert "private" not in server.log.read_text(), "the query string never reaches the log"


def test_a_request_without_a_usable_id_gets_a_fresh_one(server):
    _, plain, _ = get(server.url + "/articles/")
    _, odd, _ = get(server.url + "/articles/", **{"X-Request-ID": "has spaces and \u00e9"})
    assert plain["X-Request-ID"] != odd["X-Request-ID"]
    assert all(len(headers["X-Request-ID"]) == 32 for headers in (plain, odd))
    assert "has spaces" not in server.log.read_text()


def test_health_probes_are_not_logged(server):
    before = len(request_lines(server))
    for path in ["/healthz", "/readyz"] * 3:
        assert get(server.url + path)[0] == 200
    get(server.url + "/about/")
    assert [line["path"] for line in request_lines(server)[before:]] == ["/about/"]


def test_health_probes_by_head_get_headers_only(server):
    # Django's test client drops a HEAD response's body itself, so only a real server shows this.
    for path in ("/healthz", "/readyz"):
        assert Visitor(server.url).request("HEAD", path).status == 200, path
    assert "no-body response" not in server.log.read_text(), "gunicorn warns of a body sent to a HEAD"


def test_gunicorns_own_messages_are_json_too(server):
    assert any(line["logger"] == "gunicorn.error" for line in log_lines(server))


def test_an_inquiry_leaves_no_personal_field_in_the_log(server):
    response = Visitor(server.url).send_inquiry(4471)
    assert (response.status, response.headers["Location"]) == (302, "/contact/thanks/")
    text = server.log.read_text()
    assert "visitor4471" not in text and "Visitor 4471" not in text
    assert {"method": "POST", "path": "/contact/", "status": 302}.items() <= request_lines(server)[-1].items()


@pytest.fixture
def database_down(server):
    assert get(server.url + SEED_ARTICLE_URL)[0] == 200  # the worker has the site settings in its cache
    with server.database_unreachable():
        yield


def test_a_database_outage_answers_a_friendly_503_with_the_phone_and_crisis_line(server, database_down):
    status, headers, body = get(server.url + SEED_ARTICLE_URL)
    assert status == 503
    assert headers["Retry-After"] == "30"
    page = parse_html(body)
    assert page.texts("h1") == ["Our website is having a short technical problem"]
    assert page.find_all("a", href="tel:988")
    assert page.find_all("a", href=SiteSettings().phone_href), "the center's number (the seed's default)"

    status, _, reason = get(server.url + "/readyz")
    assert (status, reason) == (503, "database unavailable\n")
    assert get(server.url + "/healthz")[0] == 200, "the process is alive: nothing should restart it"


def test_an_outage_logs_one_traceback_per_process_and_never_a_query(server, database_down):
    for _ in range(3):
        assert get(server.url + "/search/?q=relapse+at+work")[0] == 503
    assert "relapse" not in server.log.read_text()
    tracebacks = [line for line in log_lines(server) if "OperationalError" in line.get("exception", "")]
    assert len(tracebacks) == 1
    assert [line["status"] for line in request_lines(server)[-3:]] == [503, 503, 503]


def test_a_message_sent_during_the_outage_is_not_reported_as_received(server):
    visitor = Visitor(server.url)
    form = visitor.fill_inquiry(5)
    with server.database_unreachable():
        response = visitor.post("/contact/", form)
    assert response.status == 503
    assert "it has not reached us yet" in response.text


def test_the_site_recovers_when_the_database_is_back_without_a_restart(server):
    with server.database_unreachable():
        assert get(server.url + SEED_ARTICLE_URL)[0] == 503
    assert get(server.url + SEED_ARTICLE_URL)[0] == 200
    assert get(server.url + "/readyz")[:3:2] == (200, "ok\n")


def test_a_site_settings_change_saved_by_another_worker_shows_here_within_seconds(server):
    """This server has no Redis, so its worker keeps its own copy of the site settings. A change another worker
    saved (here written straight to the database, which no signal of this worker hears) must reach visitors within
    seconds, not when the worker is next recycled: the phone number is what a caller dials."""
    assert SiteSettings().phone in get(server.url + "/")[2], "the worker now holds the seed's record"
    new_phone = "(916) 555-0142"
    change_phone(server, new_phone)
    try:
        shown = wait_for(lambda: new_phone in get(server.url + "/")[2], timeout=10, interval=0.5)
        assert shown, "the home page still shows the old number 10 s after the change"
    finally:
        change_phone(server, SiteSettings().phone)


def change_phone(server, phone):
    database = sqlite3.connect(server.data / "db.sqlite3")
    with database:
        database.execute("UPDATE pages_sitesettings SET phone = ? WHERE id = 1", [phone])
    database.close()
