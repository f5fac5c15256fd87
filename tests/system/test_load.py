"""64 concurrent connections for LOAD_SECONDS (default 60) against two app servers, plus a burst of
contact-form submissions, with the notification workers and an SMTP sink running.

The mix: articles, the article list, site search (several queries) and hashed static files, each kind on both
instances. One wrk process per kind and instance (``tools/load.lua`` rotates its paths and reports its latency
distribution), so each kind has its own p50/p99 and the overall figures are merged from all of them. A third of
the way in, LOAD_INQUIRIES visitors (default 100) send the contact form at once, half to each instance, each from
its own address (X-Forwarded-For from a trusted proxy). Passes only with zero errors (no non-2xx/3xx answer, no
socket error or timeout) and zero lost inquiries (accepted = stored = emailed once each). With RECORD_FIGURES=1
(`make load`) the figures of a passing run go into docs/performance.md; CI (LOAD_SECONDS=20) only checks them.
"""

import concurrent.futures
import json
import os
import re
import shutil
import subprocess
import threading
import time
import urllib.parse
from datetime import UTC, datetime

import pytest

from tests.support.cluster import MACHINE_REDIS, cluster, throwaway_database
from tests.support.figures import machine, recording_figures, replace_section
from tests.support.prerequisites import missing_prerequisite
from tests.support.seed import ROOT
from tests.support.servers import manage, wait_for
from tests.support.visitor import Visitor

SECONDS = int(os.environ.get("LOAD_SECONDS", "60"))
INQUIRIES = int(os.environ.get("LOAD_INQUIRIES", "100"))
DEMO_ARTICLES = 200
WEB_WORKERS = 3  # gunicorn sync workers per instance
WRK_TIMEOUT = "10s"  # wrk's default (2 s) would count a slow answer under full load as an error
# Connections per instance for each kind (64 in all over two instances): mostly articles, as visitors arrive on them.
MIX = {"article": 12, "article list": 6, "search": 6, "static": 8}
SEARCH_QUERIES = ["cravings", "sleep", "family visits", "can I keep working", "relapse warning signs", "insurance",
                  "outpatinet", "xylophonequartz"]  # fmt: skip
SCRIPT = ROOT / "tools" / "load.lua"

pytestmark = pytest.mark.system


def paths_by_kind(base_url):
    """The request paths of each kind, read from the site's own pages as a crawler would find them."""
    listing = Visitor(base_url).get("/articles/").text
    home = Visitor(base_url).get("/").text
    articles = sorted(set(re.findall(r'href="(/articles/[a-z0-9-]+/)"', listing)))
    static = sorted(set(re.findall(r'(?:href|src)="(/static/[^"]+\.[0-9a-f]{12}\.(?:css|js))"', home)))
    if len(articles) < 5 or not static:
        raise RuntimeError(f"found {len(articles)} articles and {len(static)} hashed static files on the site")
    return {
        "article": articles,
        "article list": ["/articles/", "/articles/?page=2", "/articles/?page=3"],
        "search": [f"/search/?q={urllib.parse.quote(query)}" for query in SEARCH_QUERIES],
        "static": static,
    }


def start_wrk(base_url, connections, paths):
    command = ["wrk", "-t1", f"-c{connections}", f"-d{SECONDS}s", "--timeout", WRK_TIMEOUT, "-s", str(SCRIPT),
               base_url, "--", *paths]  # fmt: skip
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def wrk_result(process):
    output, errors = process.communicate(timeout=SECONDS + 60)
    lines = [line for line in output.splitlines() if line.startswith("{")]
    if process.returncode or not lines:
        raise RuntimeError(f"wrk failed ({process.returncode}): {errors or output}")
    return json.loads(lines[-1])


def merged_percentile(results, fraction):
    """The ``fraction`` quantile (ms) of several wrk runs together, each quantile weighted by its run's requests."""
    points = sorted((q, r["requests"] / len(r["quantiles_us"])) for r in results for q in r["quantiles_us"])
    total, running = sum(weight for _, weight in points), 0.0
    for value, weight in points:
        running += weight
        if running >= fraction * total:
            return value / 1000
    return points[-1][0] / 1000


def error_count(result):
    return sum(result[kind] for kind in ("connect", "read", "write", "status", "timeout"))


def contact_burst(urls):
    """INQUIRIES visitors send the form at once, alternating instances; the statuses in order."""

    def send(number):
        visitor = Visitor(urls[number % 2], forwarded_for=f"10.0.{number // 250}.{number % 250}")
        return visitor.send_inquiry(f"load-{number}").status

    with concurrent.futures.ThreadPoolExecutor(INQUIRIES) as pool:
        return list(pool.map(send, range(INQUIRIES)))


def run():
    """Run the load; returns (per-kind results, contact statuses, inquiry figures)."""
    env = {"DJANGO_TRUSTED_PROXIES": "127.0.0.1"}

    def add_demo_articles(environment):
        manage(environment, "generate_demo_articles", str(DEMO_ARTICLES))

    with (
        throwaway_database() as database_url,
        cluster(database_url, MACHINE_REDIS, web_workers=WEB_WORKERS, extra_env=env, setup=add_demo_articles) as site,
    ):
        paths = paths_by_kind(site.urls[0])
        print(f"Load: {SECONDS} s, 64 connections on {site.urls}; paths per kind: "
              + ", ".join(f"{kind} {len(found)}" for kind, found in paths.items()))  # fmt: skip
        processes = {
            (kind, url): start_wrk(url, connections, paths[kind])
            for kind, connections in MIX.items()
            for url in site.urls
        }
        burst = {}
        timer = threading.Timer(SECONDS / 3, lambda: burst.update(statuses=contact_burst(site.urls)))
        timer.start()
        results = {key: wrk_result(process) for key, process in processes.items()}
        timer.join()
        statuses = burst.get("statuses", [])
        accepted = statuses.count(302)

        def all_notified():
            with site.database() as db:
                rows, notified = db.execute("SELECT count(*), count(notified_at) FROM contact_inquiry").fetchone()
            return (rows, notified) if rows == notified and len(site.inbox.subjects) >= rows else None

        wait_for(all_notified, timeout=60)
        time.sleep(1.5)  # a few more worker passes, so a duplicate email would have arrived
        with site.database() as db:
            rows, notified = db.execute("SELECT count(*), count(notified_at) FROM contact_inquiry").fetchone()
        subjects = site.inbox.subjects
        inquiries = {"accepted": accepted, "rows": rows, "notified": notified, "emails": len(subjects),
                     "distinct emails": len(set(subjects))}  # fmt: skip
        failed_log = site.log_tail() if any(error_count(r) for r in results.values()) else ""
    if failed_log:
        print(failed_log)
    return results, statuses, inquiries


def summarise(results):
    """{kind: (requests/s, p50 ms, p99 ms, errors)} per kind and "all", both instances together."""
    kinds = {}
    for kind in [*MIX, "all"]:
        runs = [r for (k, _), r in results.items() if kind in ("all", k)]
        rate = sum(r["requests"] / (r["duration_us"] / 1e6) for r in runs)
        kinds[kind] = (
            rate,
            merged_percentile(runs, 0.50),
            merged_percentile(runs, 0.99),
            sum(error_count(r) for r in runs),
        )
    return kinds


def report(kinds, statuses, inquiries):
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    lines = [
        f"Measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on {machine()}; load average afterwards {load}.",
        f"Two gunicorn instances × {WEB_WORKERS} sync workers, production settings, one PostgreSQL database and one "
        f"Redis shared (page cache on), {DEMO_ARTICLES} demo articles + the seed article, a notification worker per "
        f"instance. wrk: 64 connections for {SECONDS} s (per instance: "
        + ", ".join(f"{kind} {n}" for kind, n in MIX.items())
        + f"), timeout {WRK_TIMEOUT}; one wrk process per kind and instance; overall p50/p99 merged from their "
        "latency distributions.",
        "",
        "| Kind | Requests/s | p50 | p99 | Errors |",
        "|---|---:|---:|---:|---:|",
        *(
            f"| {kind} | {rate:,.0f} | {p50:.1f} ms | {p99:.1f} ms | {errors} |"
            for kind, (rate, p50, p99, errors) in kinds.items()
        ),
        "",
        f"Contact burst a third of the way in: {len(statuses)} visitors at once (half per instance): "
        f"{inquiries['accepted']} accepted, {inquiries['rows']} stored, {inquiries['notified']} marked notified, "
        f"{inquiries['emails']} staff emails ({inquiries['distinct emails']} distinct).",
    ]
    replace_section("performance.md", "load", lines)


def test_two_instances_under_load_answer_every_request_and_lose_no_inquiry():
    if not shutil.which("wrk"):
        missing_prerequisite("the load tool wrk is needed: apt-get install -y wrk")
    results, statuses, inquiries = run()
    kinds = summarise(results)
    for kind, (rate, p50, p99, errors) in kinds.items():
        print(f"{kind:13} {rate:8,.0f} req/s   p50 {p50:7.1f} ms   p99 {p99:7.1f} ms   errors {errors}")
    print(f"contact burst: {statuses.count(302)}/{len(statuses)} accepted; inquiries: {inquiries}")
    problems = []  # every one named, not only the first
    if kinds["all"][3]:
        problems.append(f"{kinds['all'][3]} failed requests (non-2xx/3xx, socket errors or timeouts)")
    if statuses != [302] * INQUIRIES:
        problems.append(f"contact submissions answered {sorted(set(statuses))}, not all 302 to the thank-you page")
    if not inquiries["accepted"] == inquiries["rows"] == inquiries["notified"] == inquiries["distinct emails"]:
        problems.append(f"inquiries lost or not notified: {inquiries}")
    if inquiries["emails"] != inquiries["distinct emails"]:
        problems.append(f"an inquiry was emailed twice: {inquiries}")
    assert not problems, "; ".join(problems)
    if recording_figures():
        report(kinds, statuses, inquiries)
