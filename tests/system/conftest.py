"""System tests run the production stack on this machine: several gunicorn instances, PostgreSQL, Redis, SMTP.

Marked `system`, so `make test` deselects them; `make system-test` runs them (CI does). When one fails, the last
lines each server and notification worker wrote are added to its report: the cause is usually there.
"""

import pytest

from tests.support.cluster import Cluster


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    site = getattr(item, "funcargs", {}).get("site")
    if report.failed and isinstance(site, Cluster):
        report.sections.append(("last log lines of the servers and workers", site.log_tail()))
    return report
