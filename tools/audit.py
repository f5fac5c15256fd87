"""make audit: Lighthouse (mobile) and the Nu Html Checker on every public page type, in production mode.

Fails unless every page type answers its expected status (the list in tests/support/page_types.py is fixed),
scores performance >= 95 and 100 in accessibility, best practices and SEO, and the Nu checker reports no error. Pages
that are deliberately not indexable (search, thank-you) or not found (404) are exempt from Lighthouse's
crawlability and status-code audits alone. The score table goes to docs/quality.md; the JSON reports go to
reports/ (not in git).
"""

import json
import os
import statistics
import subprocess
import sys

from tests.support.figures import replace_section
from tests.support.page_types import EXPECTED_STATUS, NOT_INDEXABLE, PageTypeError, page_types, sitemap_paths
from tests.support.seed import ROOT
from tests.support.servers import production_server

REPORTS = ROOT / "reports"
TOOLS = ROOT / "tools" / "node_modules"
VNU_JAR = TOOLS / "vnu-jar" / "build" / "dist" / "vnu.jar"
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run"
)
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
MINIMUM = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
EXEMPT_WHEN_NOT_INDEXABLE = {"is-crawlable", "http-status-code"}
PERFORMANCE_RUNS = 3  # performance varies run to run; a page that misses is measured again, the median counts


LIGHTHOUSE_ATTEMPTS = 3
LIGHTHOUSE_RUNNER = ROOT / "tools" / "lighthouse.mjs"


class Lighthouse:
    """tools/lighthouse.mjs: every Lighthouse run in one Node process, each in a browser of its own.

    Lighthouse's command started Node and loaded its audits again for each page, about a third of each page's time
    (docs/ci.md). The runner uses the command's default settings, so the scores are the same.
    """

    def __enter__(self):
        self.process = subprocess.Popen(
            ["node", str(LIGHTHOUSE_RUNNER), ",".join(CATEGORIES), *CHROME_FLAGS.split()],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env={**os.environ, "CHROME_PATH": CHROME},
        )
        return self

    def __exit__(self, *exc):
        self.process.stdin.close()
        self.process.wait(timeout=60)

    def run(self, url, output, ignore_status_code):
        """Write the JSON report of ``url`` to ``output``; returns None, or what went wrong."""
        request = {"url": url, "output": str(output), "ignoreStatusCode": ignore_status_code}
        self.process.stdin.write(json.dumps(request) + "\n")
        self.process.stdin.flush()
        answer = self.process.stdout.readline()
        if not answer:
            raise RuntimeError(f"Lighthouse's runner ({LIGHTHOUSE_RUNNER.name}) stopped; its errors are above")
        answer = json.loads(answer)
        return None if answer["ok"] else answer["error"]


def lighthouse(runner, url, name, run):
    """One Lighthouse report of ``url``.

    Lighthouse sometimes fails to record the page load's trace (NO_NAVSTART, NO_FCP) on a busy machine and says to
    run it again; a run that fails is tried again, up to LIGHTHOUSE_ATTEMPTS times, so a flake in the tool never
    passes for a fault in the page (nor hides one: a page that scores low still fails the gate).
    """
    out = REPORTS / f"{name}-{run}.json"
    for attempt in range(1, LIGHTHOUSE_ATTEMPTS + 1):
        # Lighthouse refuses to audit an error page unless told that the status is intended.
        error = runner.run(url, out, ignore_status_code=name in EXPECTED_STATUS)
        if error is None:
            return json.loads(out.read_text())
        print(
            f"Lighthouse failed on {url} (attempt {attempt} of {LIGHTHOUSE_ATTEMPTS}): {error}",
            file=sys.stderr,
            flush=True,
        )
    raise RuntimeError(f"Lighthouse could not audit {url} in {LIGHTHOUSE_ATTEMPTS} attempts")


def only_the_intended_status(audit, url):
    """True when a console-errors audit reports nothing but the error page's own intended status.

    The browser logs a 404 document as a failed resource; that is the status code again, not a fault.
    """
    items = audit.get("details", {}).get("items", [])
    return bool(items) and all(
        item.get("source") == "network" and item.get("sourceLocation", {}).get("url") == url for item in items
    )


def failing_audits(report, category, exempt):
    """Audits of a category that count towards its score and did not pass."""
    failed = []
    for ref in report["categories"][category]["auditRefs"]:
        audit = report["audits"][ref["id"]]
        if ref["weight"] == 0 or ref["id"] in exempt or audit["scoreDisplayMode"] in {"notApplicable", "manual"}:
            continue
        if audit["score"] is None or audit["score"] == 1:
            continue
        intended_error_page = ref["id"] == "errors-in-console" and "http-status-code" in exempt
        if not (intended_error_page and only_the_intended_status(audit, report["finalDisplayedUrl"])):
            failed.append(ref["id"])
    return failed


def audit_page(runner, base_url, name, path):
    exempt = EXEMPT_WHEN_NOT_INDEXABLE if name in NOT_INDEXABLE else set()
    reports = [lighthouse(runner, base_url + path, name, 1)]
    scores = {c: round(reports[0]["categories"][c]["score"] * 100) for c in CATEGORIES}
    while scores["performance"] < MINIMUM["performance"] and len(reports) < PERFORMANCE_RUNS:
        reports.append(lighthouse(runner, base_url + path, name, len(reports) + 1))
        scores["performance"] = round(statistics.median(r["categories"]["performance"]["score"] * 100 for r in reports))
    problems = []
    for category in CATEGORIES:
        if category in {"accessibility", "best-practices", "seo"}:
            failed = failing_audits(reports[0], category, exempt)
            if failed:
                problems.append(f"{category}: {', '.join(failed)}")
            elif scores[category] < MINIMUM[category] and not exempt:
                problems.append(f"{category} scored {scores[category]}")
        elif scores[category] < MINIMUM[category]:
            problems.append(f"{category} {scores[category]} < {MINIMUM[category]}")
    return scores, problems


def validate_html(base_url, paths):
    """Nu Html Checker errors, as (url, line, message), for every page given."""
    result = subprocess.run(
        [
            "java",
            "-Dnu.validator.servlet.allow-forbidden-hosts=true",
            "-jar",
            str(VNU_JAR),
            "--format",
            "json",
            *[base_url + p for p in paths],
        ],
        capture_output=True,
        text=True,
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    return [(m.get("url", ""), m.get("lastLine", "?"), m["message"]) for m in messages if m["type"] == "error"]


def write_table(rows):
    """Replace the score table in docs/quality.md with this run's figures."""
    table = ["| page | path | performance | accessibility | best practices | SEO |", "|---|---|---|---|---|---|"]
    table += [
        f"| {name} | `{path}` | {s['performance']} | {s['accessibility']} | {s['best-practices']} | {s['seo']}"
        f"{' (exempt: crawlability, status)' if name in NOT_INDEXABLE else ''} |"
        for name, path, s in rows
    ]
    replace_section("quality.md", "scores", table)
    return table


def main(only=()):
    """Audit every page type, or only the named ones (python -m tools.audit home article)."""
    REPORTS.mkdir(exist_ok=True)
    failures = []
    with production_server() as base_url:
        try:
            pages = page_types(base_url, only)
        except PageTypeError as error:
            print(f"\nAUDIT FAILED:\n{error}", file=sys.stderr)
            return 1
        rows = []
        with Lighthouse() as runner:
            for name, path in pages:
                scores, problems = audit_page(runner, base_url, name, path)
                rows.append((name, path, scores))
                print(f"{name:16} {scores}", flush=True)
                failures += [f"{name} ({path}): {p}" for p in problems]
        paths = sorted({path for _, path in pages} | (set() if only else set(sitemap_paths(base_url))))
        html_errors = validate_html(base_url, paths)
        failures += [f"HTML error at {url} line {line}: {message}" for url, line, message in html_errors]
    if only:
        print("(partial run: docs/quality.md left as it was)")
    else:
        print("\n".join(write_table(rows)))
    print(f"Nu Html Checker: {len(html_errors)} errors on {len(paths)} pages")
    if failures:
        print("\nAUDIT FAILED:\n" + "\n".join(failures), file=sys.stderr)
        return 1
    print("Audit passed.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
