"""make bench: requests/s and p99 latency of a cached article, an uncached article and a hashed static file.

One run, one load tool (wrk), loopback only, bounded in time: BENCH_ROUNDS rounds (default 3) of BENCH_SECONDS
(default 5) per case, cases interleaved, the median round reported, so a burst of load from elsewhere on a shared
machine skews one round rather than one case. Two gunicorn servers run production settings one after the other:
the first with the page cache on (the default in production with Redis), the second with PAGE_CACHE_SECONDS=0,
which is how the uncached article is measured. The results and the article/static ratio go into
docs/performance.md.
"""

import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

from tools.prodserver import ROOT, production_server

ARTICLE = "/articles/balancing-work-and-recovery-with-an-intensive-outpatient-program/"
SECONDS = int(os.environ.get("BENCH_SECONDS", "5"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "4"))
THREADS = 2
WORKERS = 2
REPORT = ROOT / "docs" / "performance.md"
# gunicorn.conf.py recycles a worker every ~2000 requests; at benchmark rates that is every few seconds, and each
# restart (about a second of start-up) would be measured as a stall. Real traffic here is far below that rate.
NO_RECYCLING = {"GUNICORN_CMD_ARGS": "--max-requests 0"}
RESULTS_START, RESULTS_END = "<!-- bench:start -->", "<!-- bench:end -->"


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
    match = re.search(r'href="(/static/css/site\.[0-9a-f]{12}\.css)"', fetch(base_url + ARTICLE))
    if not match:
        raise RuntimeError("no hashed stylesheet on the article page: is DEBUG really off?")
    return match.group(1)


def machine():
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if "model name" in line
        ),
        platform.processor() or "unknown CPU",
    )
    return f"{os.cpu_count()} × {cpu}, {platform.system()} {platform.release()}, Python {platform.python_version()}"


def report(results, static_path, cache_backend):
    cached, uncached, static = results["cached article"], results["uncached article"], results["static file"]
    ratio = cached[0] / static[0]
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    lines = [
        RESULTS_START,
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
        RESULTS_END,
    ]
    text = REPORT.read_text(encoding="utf-8")
    start, end = text.index(RESULTS_START), text.index(RESULTS_END) + len(RESULTS_END)
    REPORT.write_text(text[:start] + "\n".join(lines) + text[end:], encoding="utf-8")
    return ratio


def main():
    if not shutil.which("wrk"):
        sys.exit("Error: wrk is needed: apt-get install -y wrk")
    cache_backend = "Redis (REDIS_URL)" if os.environ.get("REDIS_URL") else "local memory, one copy per worker"
    with production_server(workers=WORKERS, extra_env={**NO_RECYCLING, "PAGE_CACHE_SECONDS": "600"}) as base_url:
        static_path = hashed_stylesheet(base_url)
        cached = measure(base_url, [ARTICLE, static_path])
    with production_server(workers=WORKERS, extra_env={**NO_RECYCLING, "PAGE_CACHE_SECONDS": "0"}) as base_url:
        uncached = measure(base_url, [ARTICLE])
    results = {
        "cached article": cached[ARTICLE],
        "uncached article": uncached[ARTICLE],
        "static file": cached[static_path],
    }
    ratio = report(results, static_path, cache_backend)
    for name, (rps, p99) in results.items():
        print(f"{name:18} {rps:10,.0f} req/s   p99 {p99:7.1f} ms")
    print(f"cached article / static file: {ratio:.0%}  → written to {REPORT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
