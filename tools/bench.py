"""make bench: requests/s and p99 of cached/uncached article and a static file; p95 of site search at 10 000 articles.

One run, one load tool (wrk), loopback only, bounded in time: BENCH_ROUNDS rounds (default 3) of BENCH_SECONDS
(default 5) per case, cases interleaved, the median round reported, so a burst of load from elsewhere on a shared
machine skews one round rather than one case. Two gunicorn servers run production settings one after the other:
the first with the page cache on (the default in production with Redis), the second with PAGE_CACHE_SECONDS=0,
which is how the uncached article is measured. The results and the article/static ratio go into
docs/performance.md.
"""

import http.client
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from datetime import UTC, datetime

from tests.support.figures import machine, replace_section
from tests.support.seed import ROOT, SEED_ARTICLE_URL
from tests.support.servers import production_server

SECONDS = int(os.environ.get("BENCH_SECONDS", "5"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "4"))
THREADS = 2
WORKERS = 2
# gunicorn.conf.py recycles a worker every ~2000 requests; at benchmark rates that is every few seconds, and each
# restart (about a second of start-up) would be measured as a stall. Real traffic here is far below that rate.
NO_RECYCLING = {"GUNICORN_CMD_ARGS": "--max-requests 0"}
SEARCH_ARTICLES = int(os.environ.get("BENCH_SEARCH_ARTICLES", "10000"))
SEARCH_REQUESTS = int(os.environ.get("BENCH_SEARCH_REQUESTS", "300"))
# Optional: a PostgreSQL server URL (its database is dropped and created afresh) to measure search there too.
SEARCH_POSTGRES_URL = os.environ.get("BENCH_POSTGRES_URL", "")
# A mix a visitor might type: common words, synonyms, two-word queries, a misspelling, and nothing found.
SEARCH_QUERIES = ["job", "cravings", "sleep", "family visits", "can I keep working", "relapse warning signs",
                  "insurance", "outpatinet", "drinking", "xylophonequartz"]  # fmt: skip
SUGGEST_PREFIXES = ["cr", "sle", "fami", "work", "relap", "insur", "hol", "grie", "med", "out"]


def fetch(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode()


def wrk(url):
    """Run wrk against ``url``; return (requests per second, p99 latency in ms)."""
    command = ["wrk", f"-t{THREADS}", f"-c{CONNECTIONS}", f"-d{SECONDS}s", "--latency", url]
    output = subprocess.run(command, capture_output=True, text=True, check=True, timeout=SECONDS + 30).stdout
    if "Non-2xx or 3xx responses" in output or "Socket errors" in output:
        raise RuntimeError(f"wrk saw failed requests for {url}:\n{output}")
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    value, unit = re.search(r"^\s+99%\s+([\d.]+)(us|ms|s)\s*$", output, re.MULTILINE).groups()
    p99_ms = float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]
    return rps, p99_ms


def measure(base_url, paths):
    """{path: (median requests/s, median p99 ms)} over ROUNDS rounds, the paths taking turns."""
    rounds = {path: [] for path in paths}
    for path in paths:
        fetch(base_url + path)  # warm up: the first request fills the page cache
    for _ in range(ROUNDS):
        for path in paths:
            rounds[path].append(wrk(base_url + path))
    return {
        path: (statistics.median(r for r, _ in runs), statistics.median(p for _, p in runs))
        for path, runs in rounds.items()
    }


def hashed_stylesheet(base_url):
    match = re.search(r'href="(/static/css/site\.[0-9a-f]{12}\.css)"', fetch(base_url + SEED_ARTICLE_URL))
    if not match:
        raise RuntimeError("no hashed stylesheet on the article page: is DEBUG really off?")
    return match.group(1)


def report(results, static_path, cache_backend):
    cached, uncached, static = results["cached article"], results["uncached article"], results["static file"]
    ratio = cached[0] / static[0]
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    lines = [
        f"Measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on {machine()}; load average afterwards {load}.",
        f"wrk {THREADS} threads, {CONNECTIONS} connections, median of {ROUNDS} rounds of {SECONDS} s per case; "
        f"gunicorn {WORKERS} sync workers; page cache: {cache_backend}. Static file: `{static_path}`.",
        "",
        "| Case | Requests/s | p99 latency |",
        "|---|---:|---:|",
        *(f"| {name} | {rps:,.0f} | {p99:.1f} ms |" for name, (rps, p99) in results.items()),
        "",
        f"**Cached article / static file throughput: {ratio:.0%}** (goal: at least 50%). "
        f"Uncached / cached article: {uncached[0] / cached[0]:.0%}.",
    ]
    replace_section("performance.md", "bench", lines)
    return ratio


def latencies(base_url, paths):
    """Milliseconds per request, one request at a time over one keep-alive connection, cycling ``paths``."""
    parts = urllib.parse.urlsplit(base_url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    timings = []
    for number in range(SEARCH_REQUESTS + len(paths)):
        path = paths[number % len(paths)]
        started = time.perf_counter()
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        if response.status != 200:
            raise RuntimeError(f"{path} answered {response.status}")
        if number >= len(paths):  # the first round warms up each worker's connection and caches
            timings.append((time.perf_counter() - started) * 1000)
    connection.close()
    return timings


def p95(timings):
    return statistics.quantiles(timings, n=20)[-1]


def fresh_postgres_database(url):
    """Drop and create the database named in ``url`` (a benchmark-only database)."""
    import psycopg

    parts = urllib.parse.urlsplit(url)
    name = parts.path.lstrip("/")
    admin = urllib.parse.urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')


def search_case(extra_env):
    """{"results": [ms…], "type-ahead": [ms…]} through gunicorn with SEARCH_ARTICLES demo articles."""

    def add_demo_articles(env):
        subprocess.run(
            [sys.executable, "manage.py", "generate_demo_articles", str(SEARCH_ARTICLES)],
            cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL,
        )  # fmt: skip

    env = {**NO_RECYCLING, "PAGE_CACHE_SECONDS": "0", "SEARCH_ANALYTICS": "1", **extra_env}
    with production_server(workers=WORKERS, extra_env=env, setup=add_demo_articles) as base_url:
        return {
            "results": latencies(base_url, [f"/search/?q={urllib.parse.quote(q)}" for q in SEARCH_QUERIES]),
            "type-ahead": latencies(base_url, [f"/search/suggest/?q={p}" for p in SUGGEST_PREFIXES]),
        }


def search_report(measured):
    targets = {"results": 50, "type-ahead": 20}
    lines = [
        f"Measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on {machine()}; {SEARCH_ARTICLES:,} demo articles "
        f"(`generate_demo_articles`), gunicorn {WORKERS} sync workers, production settings, page cache off. "
        f"{SEARCH_REQUESTS} requests per case, one at a time over one keep-alive connection, after a warm-up "
        f"round; queries cycle through {len(SEARCH_QUERIES)} (results) and {len(SUGGEST_PREFIXES)} (type-ahead).",
        "",
        "| Database | Case | p50 | p95 | Target (p95) | Met |",
        "|---|---|---:|---:|---:|---|",
    ]
    for database, cases in measured.items():
        for case, timings in cases.items():
            value = p95(timings)
            met = "yes" if value < targets[case] else f"no, by {value - targets[case]:.1f} ms"
            lines.append(
                f"| {database} | {case} | {statistics.median(timings):.1f} ms | {value:.1f} ms | "
                f"< {targets[case]} ms | {met} |"
            )
    replace_section("performance.md", "bench-search", lines)


def main_search():
    """The search cases: SQLite always, PostgreSQL when BENCH_POSTGRES_URL is set."""
    measured = {"SQLite": search_case({})}
    if SEARCH_POSTGRES_URL:
        fresh_postgres_database(SEARCH_POSTGRES_URL)
        measured["PostgreSQL"] = search_case({"DATABASE_URL": SEARCH_POSTGRES_URL})
    search_report(measured)
    for database, cases in measured.items():
        for case, timings in cases.items():
            print(
                f"search {database:10} {case:10} p50 {statistics.median(timings):6.1f} ms   p95 {p95(timings):6.1f} ms"
            )


def main():
    if not shutil.which("wrk"):
        sys.exit("Error: wrk is needed: apt-get install -y wrk")
    cache_backend = "Redis (REDIS_URL)" if os.environ.get("REDIS_URL") else "local memory, one copy per worker"
    with production_server(workers=WORKERS, extra_env={**NO_RECYCLING, "PAGE_CACHE_SECONDS": "600"}) as base_url:
        static_path = hashed_stylesheet(base_url)
        cached = measure(base_url, [SEED_ARTICLE_URL, static_path])
    with production_server(workers=WORKERS, extra_env={**NO_RECYCLING, "PAGE_CACHE_SECONDS": "0"}) as base_url:
        uncached = measure(base_url, [SEED_ARTICLE_URL])
    results = {
        "cached article": cached[SEED_ARTICLE_URL],
        "uncached article": uncached[SEED_ARTICLE_URL],
        "static file": cached[static_path],
    }
    ratio = report(results, static_path, cache_backend)
    for name, (rps, p99) in results.items():
        print(f"{name:18} {rps:10,.0f} req/s   p99 {p99:7.1f} ms")
    print(f"cached article / static file: {ratio:.0%}  → written to docs/performance.md")


if __name__ == "__main__":
    if sys.argv[1:] == ["search"]:
        main_search()
    else:
        main()
        main_search()
