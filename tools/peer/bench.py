"""make bench-peers: our pages beside Wagtail's bakerydemo and a bare Django view, measured in one sitting.

Four gunicorn servers, each with WORKERS sync workers, DEBUG off and SQLite, on loopback ports 8701-8704:
bakerydemo (tools/peer/bakerydemo.py, set up on first use), the bare Django view (tools/peer/bare_view.py), and
ours twice over the shipped content (tests/support/servers.py): page cache off (PAGE_CACHE_SECONDS=0), and on.
tools/throughput.py measures every case with the same wrk settings, the cases taking turns round by round; within
a round bakerydemo's blog post is measured again after every few of our pages, so each ratio comes from the same
minutes of this shared machine. The table and the ratios go to stdout and into docs/performance.md.

    .venv/bin/python -m tools.peer.bench path/to/bakerydemo     (make bench-peers sets BENCH_CONNECTIONS=16)
"""

import contextlib
import http.client
import os
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

from tests.support.figures import machine, replace_section
from tests.support.page_types import EXPECTED_STATUS, FIXED_PAGES
from tests.support.seed import ROOT, SEED_ARTICLE_URL
from tests.support.servers import answers, production_server, wait_for
from tools import bench
from tools.peer import bakerydemo
from tools.throughput import NO_RECYCLING, WORKERS, measure, settings_line

PORTS = {"bakerydemo": 8701, "bare view": 8702, "ours uncached": 8703, "ours cached": 8704}
PAGE_TARGET = 10  # issue 18: each of our page types, rendered afresh, at least 10× bakerydemo's blog post
CONTACT_TARGET = 5  # the contact form (each copy has its own signed time-trap token) at least 5×
CACHED_TARGET = 0.66  # a cached article at least two thirds of what a bare Django view serves
SEARCH_TARGET = 20  # issue 14: our site search at least 20× bakerydemo's search
PEER_EVERY = 4  # bakerydemo's blog post is measured again after every 4 of our pages
# The Spanish page types are the English ones' views and templates in another language; they add half again to
# the run, so they are measured when asked for.
SPANISH = os.environ.get("BENCH_PEERS_SPANISH") == "1"


@dataclass(frozen=True)
class Case:
    site: str
    name: str
    url: str
    against: "Case | None" = None  # the case this one's requests/s are divided by
    target: float | None = None
    goal: str = ""  # the target in words; cases with the same goal are summed up in one line

    @property
    def title(self):
        return f"{self.site}: {self.name}"


def our_page_types():
    """Our public page types (tests/support/page_types.py) that answer 200; wrk counts a 404 page as failures."""
    return [
        (name, path)
        for name, path in FIXED_PAGES
        if EXPECTED_STATUS.get(name, 200) == 200 and (SPANISH or not name.startswith("es-"))
    ]


def cases(urls):
    """The cases in the order of one round: bakerydemo's blog post before every PEER_EVERY of our uncached pages
    and after the last, then each remaining pair side by side."""
    blog = Case("bakerydemo", "blog post", urls["bakerydemo"] + bakerydemo.BLOG_PATH)
    pages_goal = f"Every page type of ours, uncached, ≥ {PAGE_TARGET}× bakerydemo's blog post"
    contact_goal = f"Our contact form ≥ {CONTACT_TARGET}× bakerydemo's blog post"
    order = []
    for index, (name, path) in enumerate(our_page_types()):
        if index % PEER_EVERY == 0:
            order.append(blog)
        target, goal = (CONTACT_TARGET, contact_goal) if name == "contact" else (PAGE_TARGET, pages_goal)
        order.append(Case("ours, uncached", name, urls["ours uncached"] + path, blog, target, goal))
    peer_search = Case("bakerydemo", "search", urls["bakerydemo"] + bakerydemo.SEARCH_PATH)
    bare = Case("bare Django", "one view", urls["bare view"] + "/")
    return [
        *order,
        blog,
        peer_search,
        Case("ours, uncached", "site search", urls["ours uncached"] + bench.SEARCH_PATH, peer_search, SEARCH_TARGET,
             f"Our site search ≥ {SEARCH_TARGET}× bakerydemo's search (issue 14)"),
        bare,
        Case("ours, cached", "article", urls["ours cached"] + SEED_ARTICLE_URL, bare, CACHED_TARGET,
             f"Our cached article ≥ {CACHED_TARGET:g}× the bare Django view"),
    ]  # fmt: skip


def path_of(url):
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}" if parts.query else parts.path


def probe(url):
    """(status, body size in bytes) of one GET, redirects not followed: wrk would count a redirect as a success."""
    connection = http.client.HTTPConnection(urlsplit(url).netloc, timeout=10)
    try:
        connection.request("GET", path_of(url))
        response = connection.getresponse()
        return response.status, len(response.read())
    finally:
        connection.close()


def busy_ports():
    busy = []
    for port in PORTS.values():
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                busy.append(port)
    return busy


@contextlib.contextmanager
def running(command, cwd, env, ready_url):
    """Run a server ``command`` until the block ends, once ``ready_url`` answers 200."""
    server = subprocess.Popen(command, cwd=cwd, env=env)
    try:
        if not wait_for(lambda: answers(ready_url), timeout=60):
            raise RuntimeError(f"{' '.join(command)} did not answer {ready_url} within 60 s")
        yield
    finally:
        server.terminate()
        server.wait(timeout=30)


def bare_view_command(port):
    return [
        sys.executable, "-m", "gunicorn", "--no-control-socket", "--workers", str(WORKERS),
        "--bind", f"127.0.0.1:{port}", "--log-level", "warning", "tools.peer.bare_view:application",
    ]  # fmt: skip


def ratio_text(ratio):
    return f"{ratio:.2f}×" if ratio < 1 else f"{ratio:.1f}×"


def shortfall(row):
    """How far a row is from its target, in words: "" when it is met."""
    ratio, target, reference_rps = row["ratio"], row["case"].target, row["reference rps"]
    return "" if ratio >= target else f"{1 - ratio / target:.0%} short, {target * reference_rps:,.0f} req/s needed"


def summary(rows):
    """One line per target: met, or by how much it is missed."""
    lines = []
    for goal in dict.fromkeys(row["case"].goal for row in rows if row["case"].goal):
        group = [row for row in rows if row["case"].goal == goal]
        missed = [row for row in group if shortfall(row)]
        if len(group) == 1:
            row = group[0]
            verdict = f"not met: {shortfall(row)}" if missed else "met"
            lines.append(f"- **{goal}: {ratio_text(row['ratio'])}**, {verdict}.")
        elif missed:
            # One reference for the group: the rate needed is the same for each, so it is said once.
            each = ", ".join(f"{row['case'].name} {ratio_text(row['ratio'])}" for row in missed)
            needed = missed[0]["case"].target * missed[0]["reference rps"]
            lines.append(
                f"- **{goal}: not met by {len(missed)} of {len(group)}** ({needed:,.0f} req/s needed): {each}."
            )
        else:
            lowest = min(group, key=lambda row: row["ratio"])
            lines.append(
                f"- **{goal}: met by all {len(group)}**; the lowest: {lowest['case'].name}, "
                f"{ratio_text(lowest['ratio'])}."
            )
    return lines


def report(rows, load_before, checkout, cache_backend):
    """The lines written to docs/performance.md and printed."""
    load = ", ".join(f"{value:.1f}" for value in load_before), ", ".join(f"{v:.1f}" for v in os.getloadavg())
    table = [
        "| Case | Path | Size | Requests/s | p99 latency | Against | Ratio | Target | Met |",
        "|---|---|---:|---:|---:|---|---:|---:|---|",
    ]
    for row in rows:
        case = row["case"]
        cells = [case.title, f"`{path_of(case.url)}`", f"{row['size'] / 1000:.1f} KB", f"{row['rps']:,.0f}"]
        cells.append(f"{row['p99']:.1f} ms")
        if case.against:
            met = f"no: {shortfall(row)}" if shortfall(row) else "yes"
            cells += [case.against.title, ratio_text(row["ratio"]), f"≥ {case.target:g}×", met]
        else:
            cells += ["—"] * 4
        table.append(f"| {' | '.join(cells)} |")
    return [
        f"Measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on {machine()}; load average before {load[0]}, "
        f"after {load[1]}.",
        f"{settings_line()} each; every server DEBUG off, SQLite. bakerydemo {bakerydemo.commit(checkout)[:7]}: "
        f"{bakerydemo.versions()}, its local-memory cache. Ours: the shipped content; page cache {cache_backend} "
        "for the cached article, off (`PAGE_CACHE_SECONDS=0`) for every other row. In each round the blog post is "
        f"measured before every {PEER_EVERY} of our pages and after the last; its figure is the median of all those "
        "runs. Size: the page's body, uncompressed.",
        "",
        *table,
        "",
        *summary(rows),
    ]


def main(checkout):
    load_before = os.getloadavg()
    started = time.monotonic()
    if busy := busy_ports():
        sys.exit(f"Error: ports {', '.join(map(str, busy))} are in use; make bench-peers serves on {PORTS}.")
    bakerydemo.setup(checkout)
    urls = {name: f"http://127.0.0.1:{port}" for name, port in PORTS.items()}
    cache_backend = "in Redis (REDIS_URL)" if os.environ.get("REDIS_URL") else "in local memory, one per worker"
    uncached = {**NO_RECYCLING, "PAGE_CACHE_SECONDS": "0"}
    with (
        running(bakerydemo.gunicorn_command(PORTS["bakerydemo"]), checkout, bakerydemo.environment(),
                urls["bakerydemo"] + bakerydemo.BLOG_PATH),
        running(bare_view_command(PORTS["bare view"]), ROOT, dict(os.environ), urls["bare view"] + "/"),
        production_server(workers=WORKERS, extra_env=uncached, port=PORTS["ours uncached"]),
        production_server(workers=WORKERS, extra_env=bench.PAGE_CACHE_ON, port=PORTS["ours cached"]),
    ):  # fmt: skip
        order = cases(urls)
        probes = {case.url: probe(case.url) for case in order}
        wrong = [f"{url} answered {status}" for url, (status, _) in probes.items() if status != 200]
        if wrong:
            raise RuntimeError("cases that do not answer 200 directly:\n" + "\n".join(wrong))
        # A URL listed more than once is measured at each place and its figure is the median of all of them.
        measured = measure([case.url for case in order])
    rows = []
    for case in dict.fromkeys(order):
        rps, p99 = measured[case.url]
        row = {"case": case, "rps": rps, "p99": p99, "size": probes[case.url][1]}
        if case.against:
            row["reference rps"] = measured[case.against.url][0]
            row["ratio"] = rps / row["reference rps"]
        rows.append(row)
    lines = report(rows, load_before, checkout, cache_backend)
    replace_section("performance.md", "peer", lines)
    print("\n".join(lines))
    print(f"→ written to docs/performance.md; make bench-peers took {time.monotonic() - started:.0f} s")


if __name__ == "__main__":
    if len(sys.argv) != 2 or not bakerydemo.is_checkout(sys.argv[1]):
        sys.exit("Usage: python -m tools.peer.bench <a checkout of https://github.com/wagtail/bakerydemo>")
    main(Path(sys.argv[1]).resolve())
