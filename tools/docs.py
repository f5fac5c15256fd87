"""Writes measured figures into the docs, between <!-- NAME:start --> and <!-- NAME:end --> markers."""

from tools.prodserver import ROOT


def replace_section(doc_name, marker, lines):
    doc = ROOT / "docs" / doc_name
    start, end = f"<!-- {marker}:start -->", f"<!-- {marker}:end -->"
    before, found, rest = doc.read_text().partition(start)
    if not found:
        raise ValueError(f"docs/{doc_name} has no {start} marker")
    _, _, after = rest.partition(end)
    doc.write_text(before + start + "\n" + "\n".join(lines) + "\n" + end + after)
