"""Writes measured figures into the docs, between <!-- NAME:start --> and <!-- NAME:end --> markers.

The benchmark and the system tests record what they measured this way; the system tests only when RECORD_FIGURES=1
(`make load`, `make faults`), so CI checks without rewriting the docs.
"""

import os
import platform
from pathlib import Path

from tests.support.seed import ROOT


def recording_figures():
    """Whether this run should write its figures into the docs (RECORD_FIGURES=1) rather than only check them."""
    return os.environ.get("RECORD_FIGURES") == "1"


def machine():
    """The CPU, system and Python the figures were measured on, for the line above each table."""
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if "model name" in line
        ),
        platform.processor() or "unknown CPU",
    )
    return f"{os.cpu_count()} × {cpu}, {platform.system()} {platform.release()}, Python {platform.python_version()}"


def replace_section(doc_name, marker, lines):
    """Put ``lines`` between the ``marker`` start and end comments of docs/``doc_name``, replacing what was there."""
    doc = ROOT / "docs" / doc_name
    start, end = f"<!-- {marker}:start -->", f"<!-- {marker}:end -->"
    before, found, rest = doc.read_text().partition(start)
    if not found:
        raise ValueError(f"docs/{doc_name} has no {start} marker")
    _, _, after = rest.partition(end)
    doc.write_text(before + start + "\n" + "\n".join(lines) + "\n" + end + after)
