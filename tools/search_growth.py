"""Site search as the site grows: results page and type-ahead p50/p95 at BENCH_SEARCH_SIZES demo articles, on SQLite
and PostgreSQL, for repeated queries and for each query's first request after the cache is emptied.

One database per engine is grown once (by default 1 000, then 10 000, then 100 000 articles; generate_demo_articles
adds the difference before each measurement) and gunicorn is started afresh at each size, with production
settings, the page cache off, and Redis (BENCH_REDIS_URL) as the shared cache the search engine keeps its work in.
Requests go one at a time. "Repeat": the queries in turn, after an untimed pass that fills the caches.
"First time": the Redis database is emptied (FLUSHDB) before each pass, so every request is its query's first since
then, as after a content change. The table goes into docs/performance.md, the curve into docs/search-growth.svg.
"""

import http.client
import os
import statistics
import sys
import tempfile
import time
import urllib.parse
from datetime import UTC, datetime
from typing import NamedTuple

import psycopg
import redis

from tests.support.figures import machine, replace_section
from tests.support.seed import ROOT
from tests.support.servers import gunicorn, manage, prepare, production_env
from tools.chart import Guide, Series, line_chart
from tools.throughput import NO_RECYCLING, WORKERS

SIZES = sorted({int(size) for size in os.environ.get("BENCH_SEARCH_SIZES", "1000,10000,100000").split(",")})
REPEAT_PASSES = int(os.environ.get("BENCH_REPEAT_PASSES", "20"))
FIRST_TIME_PASSES = int(os.environ.get("BENCH_FIRST_TIME_PASSES", "8"))
# A pass that starts after this many seconds of one case is not run (the first always is): a slow engine at
# 100 000 articles gives fewer samples rather than an hour-long benchmark. The table shows the count.
CASE_SECONDS = int(os.environ.get("BENCH_CASE_SECONDS", "60"))
POSTGRES_URL = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/restoration_bench")
# Emptied between first-time passes: a Redis database for the benchmark alone.
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/12")

RESULTS_QUERIES = [
    "sleep", "cravings", "family visits", "relapse warning signs", "insurance",  # common words and phrases
    "job", "rehab", "iop",  # the editors' synonyms: work, addiction treatment, intensive outpatient
    "can I keep my job", "how many hours a week is IOP", "my husband drinks too much",  # questions as people ask
    "outpatinet", "withdrawl",  # misspellings, answered with their correction's results
    "xylophonequartz",  # nothing found
]  # fmt: skip
SUGGEST_PREFIXES = ["cr", "sle", "fami", "work", "relap", "insur", "hol", "grie", "med", "out", "outpatinet",
                    "going back"]  # fmt: skip
CASES = {
    "results": [f"/search/?q={urllib.parse.quote(query)}" for query in RESULTS_QUERIES],
    "type-ahead": [f"/search/suggest/?q={urllib.parse.quote(prefix)}" for prefix in SUGGEST_PREFIXES],
}
PASSES = ("repeat", "first time")
DATABASES = {"SQLite": "#0072b2", "PostgreSQL": "#c44e00"}  # and their colour on the chart
MARKERS = {"results": "circle", "type-ahead": "square"}
CHART = ROOT / "docs" / "search-growth.svg"
# Issue 14's targets for p95: at 10 000 articles, and for results at 100 000 (also at most twice the 10 000 figure).
TARGETS_AT_10K = {"results": 30, "type-ahead": 15}
RESULTS_TARGET_AT_100K = 60


class Step(NamedTuple):
    """One size of one database: how long adding its articles took, and the milliseconds of every request."""

    articles: int
    generation_seconds: float
    timings: dict  # {(case, pass): [ms…]}


def shared_cache():
    return redis.Redis.from_url(REDIS_URL, socket_timeout=10)


def require_redis():
    """Stop with a clear message when the Redis the first-time passes empty cannot be reached."""
    try:
        shared_cache().ping()
    except redis.RedisError as error:
        sys.exit(
            f"Error: the search benchmark empties a Redis database of its own between first-time passes, and "
            f"{REDIS_URL} cannot be reached ({error}). Start Redis, or name another one in BENCH_REDIS_URL."
        )


def fresh_postgres_database(url):
    """Drop and create the benchmark database named in ``url``; False, with the reason printed, if unreachable."""
    parts = urllib.parse.urlsplit(url)
    name = parts.path.lstrip("/")
    admin = urllib.parse.urlunsplit(parts._replace(path="/postgres"))
    try:
        with psycopg.connect(admin, autocommit=True, connect_timeout=5) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
            connection.execute(f'CREATE DATABASE "{name}"')
    except psycopg.OperationalError as error:
        reason = str(error).strip().splitlines()[0]
        print(
            f"PostgreSQL at {parts.hostname}:{parts.port or 5432} cannot be reached ({reason}): PostgreSQL is "
            "skipped. Set BENCH_POSTGRES_URL to a server the benchmark may create a database on."
        )
        return False
    return True


def request_times(base_url, paths, passes, before_each_pass=None):
    """Milliseconds per request, one at a time, ``paths`` in turn ``passes`` times (fewer after CASE_SECONDS)."""
    parts = urllib.parse.urlsplit(base_url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=120)
    deadline = time.monotonic() + CASE_SECONDS
    timings = []
    for number in range(passes):
        if number and time.monotonic() > deadline:
            break
        if before_each_pass:
            before_each_pass()
        for path in paths:
            started = time.perf_counter()
            connection.request("GET", path)
            response = connection.getresponse()
            response.read()
            if response.status != 200:
                raise RuntimeError(f"{path} answered {response.status}")
            timings.append((time.perf_counter() - started) * 1000)
    connection.close()
    return timings


def search_timings(base_url, cache):
    """{(case, pass): [ms…]} for the results page and the type-ahead, repeat and first time."""
    timings = {}
    for case, paths in CASES.items():
        request_times(base_url, paths, 1)  # warm-up: each worker's connections, and the caches a repeat finds
        timings[case, "repeat"] = request_times(base_url, paths, REPEAT_PASSES)
        timings[case, "first time"] = request_times(base_url, paths, FIRST_TIME_PASSES, cache.flushdb)
    return timings


def grow_and_measure(database, database_url, cache):
    """A Step per size in SIZES, the database grown from the smallest to the largest."""
    steps = []
    with tempfile.TemporaryDirectory(prefix="restoration-bench-") as workdir:
        env = production_env(
            workdir,
            {
                **NO_RECYCLING,
                "DATABASE_URL": database_url or f"sqlite:///{workdir}/db.sqlite3",
                "REDIS_URL": REDIS_URL,
                "PAGE_CACHE_SECONDS": "0",
                "SEARCH_ANALYTICS": "1",  # searches are counted, as in production
            },
        )
        prepare(env)
        for size in SIZES:
            started = time.monotonic()
            manage(env, "generate_demo_articles", str(size - (steps[-1].articles if steps else 0)))
            generation_seconds = time.monotonic() - started
            if database_url:  # PostgreSQL's autovacuum analyzes a bulk-loaded table soon after; do not wait for it
                with psycopg.connect(database_url, autocommit=True) as connection:
                    connection.execute("ANALYZE")
            cache.flushdb()  # nothing from the smaller site is read at this size
            with gunicorn(env, workdir, WORKERS) as base_url:
                steps.append(Step(size, generation_seconds, search_timings(base_url, cache)))
            print_step(database, steps[-1])
    return steps


def p95(timings):
    return statistics.quantiles(timings, n=20)[-1]


def print_step(database, step):
    print(f"search {database} at {step.articles:,} articles (generated in {step.generation_seconds:.0f} s)")
    for (case, kind), timings in step.timings.items():
        print(
            f"  {case:10} {kind:10} p50 {statistics.median(timings):8.1f} ms   p95 {p95(timings):8.1f} ms"
            f"   ({len(timings)} requests)"
        )


def target(case, articles, value, value_at_10k):
    """(the p95 target in words, its bound in ms, whether ``value`` meets it) at a size; None where none is set."""
    if articles == 10_000:
        limit = TARGETS_AT_10K[case]
        return f"< {limit} ms", limit, value < limit
    if articles == 100_000 and case == "results":
        if value_at_10k is None:
            return f"< {RESULTS_TARGET_AT_100K} ms", RESULTS_TARGET_AT_100K, value < RESULTS_TARGET_AT_100K
        double = 2 * value_at_10k
        return (
            f"< {RESULTS_TARGET_AT_100K} ms, ≤ 2 × 10k ({double:,.1f} ms)",
            min(RESULTS_TARGET_AT_100K, double),
            value < RESULTS_TARGET_AT_100K and value <= double,
        )
    return None


def met_cell(value, limit, met):
    return "yes" if met else f"no, by {value - limit:,.1f} ms"


def table(measured):
    """The table rows: one per database, size, case and pass."""
    rows = [
        "| Database | Articles | Case | Pass | p50 | p95 | Requests | Target (p95) | Met |",
        "|---|---:|---|---|---:|---:|---:|---|---|",
    ]
    for database, steps in measured.items():
        at_10k = next((step.timings for step in steps if step.articles == 10_000), None)
        for step in steps:
            for (case, kind), timings in step.timings.items():
                value = p95(timings)
                value_at_10k = p95(at_10k[case, kind]) if at_10k else None
                goal = target(case, step.articles, value, value_at_10k)
                target_text, met = ("—", "—") if goal is None else (goal[0], met_cell(value, *goal[1:]))
                rows.append(
                    f"| {database} | {step.articles:,} | {case} | {kind} | {statistics.median(timings):,.1f} ms | "
                    f"{value:,.1f} ms | {len(timings)} | {target_text} | {met} |"
                )
    return rows


def report(measured):
    generation = "; ".join(
        f"{database} " + ", ".join(f"{step.generation_seconds:.0f} s to {step.articles:,}" for step in steps)
        for database, steps in measured.items()
    )
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    lines = [
        f"Measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on {machine()}; load average afterwards {load}.",
        f"Demo articles (`generate_demo_articles`) added to the shipped content, each database grown through "
        f"{', '.join(f'{size:,}' for size in SIZES)}; gunicorn {WORKERS} sync workers, production settings, page "
        f"cache off, Redis as the shared cache. One request at a time. Repeat: up to {REPEAT_PASSES} passes "
        f"through the queries after an untimed one; first time: up to {FIRST_TIME_PASSES} passes, the Redis "
        f"database emptied before each; no pass starts after {CASE_SECONDS} s of a case. Adding the articles took: "
        f"{generation}.",
        "",
        "Results queries: " + ", ".join(f"“{query}”" for query in RESULTS_QUERIES) + ". Type-ahead: "
        + ", ".join(f"“{prefix}”" for prefix in SUGGEST_PREFIXES) + ".",
        "",
        *table(measured),
    ]  # fmt: skip
    replace_section("performance.md", "bench-search", lines)
    CHART.write_text(chart(measured))


def chart(measured):
    """The growth curve: p95 by number of articles, one line per database and case, a panel per pass."""
    panels = {
        heading: [
            Series(
                f"{database} {case}",
                DATABASES[database],
                MARKERS[case],
                [(step.articles, p95(step.timings[case, kind])) for step in steps],
            )
            for database, steps in measured.items()
            for case in CASES
        ]
        for kind, heading in zip(PASSES, ["Repeat (cache warm)", "First time (cache emptied)"], strict=True)
    }
    guides = [
        Guide(
            f"results target ({TARGETS_AT_10K['results']} ms at 10k, {RESULTS_TARGET_AT_100K} ms at 100k)",
            [(10_000, TARGETS_AT_10K["results"]), (100_000, RESULTS_TARGET_AT_100K)],
        ),
        Guide(
            f"type-ahead target ({TARGETS_AT_10K['type-ahead']} ms)",
            [(SIZES[0], TARGETS_AT_10K["type-ahead"]), (SIZES[-1], TARGETS_AT_10K["type-ahead"])],
        ),
    ]
    guides = [guide._replace(points=[p for p in guide.points if SIZES[0] <= p[0] <= SIZES[-1]]) for guide in guides]
    return line_chart(
        title="Site search p95 latency as the site grows",
        panels=panels,
        guides=[guide for guide in guides if len(set(guide.points)) > 1],
        x_title="Articles (log scale)",
        y_title="p95 latency, ms (log scale)",
        unit="ms",
    )


def main():
    """Grow and measure SQLite, then PostgreSQL when its server answers; write the table and the chart."""
    cache = shared_cache()
    databases = {"SQLite": ""}
    if fresh_postgres_database(POSTGRES_URL):  # asked first: a missing server is said before minutes of SQLite
        databases["PostgreSQL"] = POSTGRES_URL
    measured = {}
    for database, url in databases.items():
        started = time.monotonic()
        measured[database] = grow_and_measure(database, url, cache)
        print(f"search {database} took {time.monotonic() - started:.0f} s")
    report(measured)
    print(f"→ written to docs/performance.md and {CHART.relative_to(ROOT)}")
