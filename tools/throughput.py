"""Requests/s and p99 with wrk, taken the same way for every throughput case: ours (tools/bench.py) and the peer's.

BENCH_ROUNDS rounds (default 3) of BENCH_SECONDS (default 5) per case, the cases taking turns, the median round
reported, so a burst of load from elsewhere on a shared machine skews one round rather than one case.
"""

import os
import re
import statistics
import subprocess
import urllib.request

SECONDS = int(os.environ.get("BENCH_SECONDS", "5"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "4"))
THREADS = 2
WORKERS = 2  # gunicorn sync workers, for our server and the peer's alike
# gunicorn.conf.py recycles a worker every ~2000 requests; at benchmark rates that is every few seconds, and each
# restart (about a second of start-up) would be measured as a stall. Real traffic here is far below that rate.
NO_RECYCLING = {"GUNICORN_CMD_ARGS": "--max-requests 0"}


def fetch(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode()


def settings_line():
    """How the load was applied, for the line above a table of wrk figures."""
    return (
        f"wrk {THREADS} threads, {CONNECTIONS} connections, median of {ROUNDS} rounds of {SECONDS} s per case; "
        f"gunicorn {WORKERS} sync workers"
    )


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


def measure(urls):
    """{url: (median requests/s, median p99 ms)} over ROUNDS rounds, the URLs taking turns."""
    rounds = {url: [] for url in urls}
    for url in urls:
        fetch(url)  # warm up: the first request fills the page cache
    for _ in range(ROUNDS):
        for url in urls:
            rounds[url].append(wrk(url))
    medians = {}
    for url, runs in rounds.items():
        rates, p99s = zip(*runs, strict=True)
        medians[url] = (statistics.median(rates), statistics.median(p99s))
    return medians
