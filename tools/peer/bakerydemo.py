"""A one-off measuring aid, not part of the product and never run by CI: Wagtail's bakerydemo search beside ours.

Serves a bakerydemo set up as docs/performance.md describes ("Peer: Wagtail bakerydemo": its checkout in
``<folder>/src``, its own virtualenv in ``<folder>/venv``) with gunicorn on BAKERYDEMO_PORT (default 8690), starts
our production server over the shipped content, and measures bakerydemo's ``/search/?q=bread`` and our site search
(tools/bench.py's SEARCH_PATH) with make bench's wrk settings, the two taking turns round by round so the ratio is
taken in one sitting. The figures go into docs/performance.md.

    .venv/bin/python -m tools.peer.bakerydemo /work/bakery
"""

import contextlib
import os
import secrets
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from tests.support.figures import machine, replace_section
from tests.support.servers import answers, production_server, wait_for
from tools.bench import PAGE_CACHE_ON, SEARCH_PATH
from tools.throughput import WORKERS, fetch, measure, settings_line

PORT = int(os.environ.get("BAKERYDEMO_PORT", "8690"))
PEER_PATH = "/search/?q=bread"
TARGET_RATIO = 20  # issue 14: our search serves at least 20 times what bakerydemo's does
# How each page marks one result, to show that both pages list what they found.
RESULT_MARKERS = {"bakerydemo": 'class="listing-card__title"', "ours": 'class="search-result"'}


@contextlib.contextmanager
def bakerydemo(folder):
    """Serve bakerydemo with its production settings (DEBUG off, whitenoise) until the block ends; yield its URL.

    The environment is built from nothing, so none of our settings (DATABASE_URL, REDIS_URL) reach it: it uses its
    own SQLite database and local-memory cache, as its README's setup does.
    """
    env = {
        "PATH": os.environ["PATH"],
        "DJANGO_SETTINGS_MODULE": "bakerydemo.settings.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "False",  # no TLS on loopback
        "DJANGO_LOG_LEVEL": "WARNING",
    }
    command = [
        str(folder / "venv" / "bin" / "gunicorn"), "--no-control-socket", "--workers", str(WORKERS),
        "--bind", f"127.0.0.1:{PORT}", "--log-level", "warning", "bakerydemo.wsgi:application",
    ]  # fmt: skip
    server = subprocess.Popen(command, cwd=folder / "src", env=env)
    base_url = f"http://127.0.0.1:{PORT}"
    try:
        if not wait_for(lambda: answers(base_url + PEER_PATH), timeout=60):
            raise RuntimeError(f"bakerydemo did not answer {PEER_PATH} on port {PORT} within 60 s")
        yield base_url
    finally:
        server.terminate()
        server.wait(timeout=30)


def versions(folder):
    """Wagtail's and Django's versions in bakerydemo's virtualenv."""
    script = "import django, wagtail; print(f'Wagtail {wagtail.__version__}, Django {django.__version__}')"
    python = folder / "venv" / "bin" / "python"
    return subprocess.run([str(python), "-c", script], capture_output=True, text=True, check=True).stdout.strip()


def report(rows, versions_line):
    """Write the two figures and their ratio into docs/performance.md."""
    ours, peer = rows["ours"][2], rows["bakerydemo"][2]
    ratio = ours[0] / peer[0]
    verdict = (
        "met"
        if ratio >= TARGET_RATIO
        else f"not met: {TARGET_RATIO}× would be {TARGET_RATIO * peer[0]:,.0f} requests/s, and ours serves "
        f"{ratio / TARGET_RATIO:.0%} of that"
    )
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    lines = [
        f"Measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on {machine()}; load average afterwards {load}.",
        f"{settings_line()} each, both servers DEBUG off, the two cases taking turns round by round. bakerydemo: "
        f"{versions_line}, its own SQLite database and local-memory cache.",
        "",
        "| Site | Path | Results on the page | Requests/s | p99 latency |",
        "|---|---|---:|---:|---:|",
        *(
            f"| {site} | `{path}` | {results} | {rps:,.0f} | {p99:.1f} ms |"
            for site, (path, results, (rps, p99)) in rows.items()
        ),
        "",
        f"**Our search / bakerydemo's: {ratio:.1f}×** (target: at least {TARGET_RATIO}×; {verdict}).",
    ]
    replace_section("performance.md", "peer", lines)
    return ratio


def main(folder):
    paths = {"bakerydemo": PEER_PATH, "ours": SEARCH_PATH}
    with bakerydemo(folder) as peer_url, production_server(workers=WORKERS, extra_env=PAGE_CACHE_ON) as our_url:
        urls = {"bakerydemo": peer_url + PEER_PATH, "ours": our_url + SEARCH_PATH}
        found = {site: fetch(url).count(RESULT_MARKERS[site]) for site, url in urls.items()}
        measured = measure(list(urls.values()))
    rows = {site: (paths[site], found[site], measured[urls[site]]) for site in paths}
    ratio = report(rows, versions(folder))
    for site, (path, results, (rps, p99)) in rows.items():
        print(f"{site:10} {path:24} {results:3} results {rps:8,.0f} req/s   p99 {p99:7.1f} ms")
    print(f"ours / bakerydemo: {ratio:.1f}×  → written to docs/performance.md")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("Usage: python -m tools.peer.bakerydemo <folder holding bakerydemo's src/ and venv/>")
    main(Path(sys.argv[1]).resolve())
