"""make bench: requests/s and p99 of cached/uncached article, site search and a static file; search as the site grows.

One run, one load tool (wrk), loopback only, bounded in time (tools/throughput.py). Two gunicorn servers run
production settings one after the other: the first with the page cache on (the default in production with
Redis) serves the cached article, the static file and site search over the shipped content; the second, with
PAGE_CACHE_SECONDS=0, is how the uncached article is measured. Then tools/search_growth.py measures search
latency as the number of articles grows. The figures go into docs/performance.md.
"""

import os
import re
import shutil
import sys
import time
from datetime import UTC, datetime

from tests.support.figures import machine, replace_section
from tests.support.seed import SEED_ARTICLE_URL
from tests.support.servers import production_server
from tools import search_growth
from tools.throughput import NO_RECYCLING, WORKERS, fetch, measure, settings_line

# A word the shipped content answers (the seed article and the program page): the page lists results.
SEARCH_PATH = "/search/?q=outpatient"
PAGE_CACHE_ON = {**NO_RECYCLING, "PAGE_CACHE_SECONDS": "600"}


def hashed_stylesheet(base_url):
    """The address of the hashed stylesheet the article page links to, which whitenoise serves."""
    match = re.search(r'href="(/static/css/site\.[0-9a-f]{12}\.css)"', fetch(base_url + SEED_ARTICLE_URL))
    if not match:
        raise RuntimeError("no hashed stylesheet on the article page: is DEBUG really off?")
    return match.group(1)


def report(results, static_path, cache_backend):
    """Write the throughput table into docs/performance.md; return the cached article / static file ratio."""
    cached, uncached, static = results["cached article"], results["uncached article"], results["static file"]
    ratio = cached[0] / static[0]
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    lines = [
        f"Measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on {machine()}; load average afterwards {load}.",
        f"{settings_line()}; page cache: {cache_backend}. Static file: `{static_path}`. "
        f"Site search: `{SEARCH_PATH}` over the shipped content (never page-cached).",
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


def main_throughput():
    """The wrk cases: cached and uncached article, site search on the small site, a static file."""
    cache_backend = "Redis (REDIS_URL)" if os.environ.get("REDIS_URL") else "local memory, one copy per worker"
    with production_server(workers=WORKERS, extra_env=PAGE_CACHE_ON) as base_url:
        static_path = hashed_stylesheet(base_url)
        paths = [SEED_ARTICLE_URL, SEARCH_PATH, static_path]
        cached = measure([base_url + path for path in paths])
        cached = {path: cached[base_url + path] for path in paths}
    with production_server(workers=WORKERS, extra_env={**NO_RECYCLING, "PAGE_CACHE_SECONDS": "0"}) as base_url:
        uncached = measure([base_url + SEED_ARTICLE_URL])[base_url + SEED_ARTICLE_URL]
    results = {
        "cached article": cached[SEED_ARTICLE_URL],
        "uncached article": uncached,
        "site search": cached[SEARCH_PATH],
        "static file": cached[static_path],
    }
    ratio = report(results, static_path, cache_backend)
    for name, (rps, p99) in results.items():
        print(f"{name:18} {rps:10,.0f} req/s   p99 {p99:7.1f} ms")
    print(f"cached article / static file: {ratio:.0%}  → written to docs/performance.md")


def timed(name, part):
    """Run ``part()`` and say how long it took."""
    started = time.monotonic()
    part()
    print(f"{name} took {time.monotonic() - started:.0f} s")


def main():
    if not shutil.which("wrk"):
        sys.exit("Error: wrk is needed: apt-get install -y wrk")
    search_growth.require_redis()  # before minutes of throughput figures, not after
    started = time.monotonic()
    timed("throughput (article, search, static file)", main_throughput)
    timed("search growth", search_growth.main)
    print(f"make bench took {time.monotonic() - started:.0f} s")


if __name__ == "__main__":
    if sys.argv[1:] == ["search"]:
        search_growth.require_redis()
        search_growth.main()
    else:
        main()
