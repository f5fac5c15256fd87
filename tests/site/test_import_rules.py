"""The layout's arrows, read from the source: which package may import which.

Each app is one room. `pages` owns the content and says what changed through signals; `search` reads `pages` and
listens; `contact` owns inquiries; `staff` guards the admin and may read `contact` for its audit trail, and both
`pages` and `contact` for the go-live check. The project package wires them together by dotted paths in settings
and URLs and imports no app's models. Tests and tools share their helpers through tests/support, so no module
ever imports a test module. Imports inside functions count too: a lazy import is still an arrow.
"""

import ast
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
APPS = ("pages", "search", "contact", "staff")
PACKAGES = ("restoration", *APPS, "tests", "tools")

# (who imports, what it may not import, why)
FORBIDDEN = [
    *[("restoration", f"{app}.models", "the project package imports no app's models") for app in APPS],
    ("pages", "contact", "pages and contact know nothing of each other"),
    ("contact", "pages", "pages and contact know nothing of each other"),
    ("pages", "search", "search listens to pages' signals; pages never calls search"),
    ("contact", "staff", "staff reads contact for the audit trail, never the other way round"),
    *[(app, "tests", "the product never imports its tests") for app in ("restoration", *APPS)],
    *[(app, "tools", "the product never imports the tooling") for app in ("restoration", *APPS)],
    *[(app, "restoration.settings", "settings are read through django.conf.settings") for app in APPS],
    ("tests", "tools", "tests share helpers through tests/support; the tooling uses them, not the other way round"),
]


def module_name(path):
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(path):
    """(line, module) for every import in the file, relative ones resolved; ``from x import y`` yields x and x.y."""
    package = module_name(path).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            source = ".".join([*base, *([node.module] if node.module else [])])
            yield node.lineno, source
            for alias in node.names:
                yield node.lineno, f"{source}.{alias.name}"


def source_files():
    for package in PACKAGES:
        folder = ROOT / package
        if folder.is_dir():
            yield from (path for path in folder.rglob("*.py") if "node_modules" not in path.parts)


def within(module, package):
    return module == package or module.startswith(package + ".")


def is_test_module(module):
    last = module.rsplit(".", 1)[-1]
    return within(module, "tests") and (last.startswith("test_") or last == "conftest")


def wrong_arrows():
    found = []
    for path in source_files():
        importer = module_name(path)
        for line, imported in imported_modules(path):
            where = f"{path.relative_to(ROOT)}:{line} imports {imported}"
            for source, target, why in FORBIDDEN:
                if within(importer, source) and within(imported, target):
                    found.append(f"{where}: {why}")
            if is_test_module(imported):
                found.append(f"{where}: a test module; shared helpers belong in tests/support")
            if within(importer, "tools") and within(imported, "tests") and not within(imported, "tests.support"):
                found.append(f"{where}: tools use tests/support only")
    return sorted(set(found))


def test_every_import_runs_the_way_the_layout_allows():
    assert wrong_arrows() == []


def test_the_rules_read_the_whole_tree():
    """A rule that reads no files cannot fail: the apps and their imports are really there to be read."""
    files = {module_name(path) for path in source_files()}
    assert {"restoration.settings", "pages.models", "contact.models", "tests.site.test_import_rules"} <= files
    arrows = {module for path in source_files() for _, module in imported_modules(path)}
    assert "pages.models" in arrows and "contact.models" in arrows


@pytest.mark.parametrize(
    ("package", "line", "expected"),
    [
        ("pages", "from contact.models import Inquiry", "pages and contact know nothing of each other"),
        ("restoration", "from pages.models import SiteSettings", "the project package imports no app's models"),
        ("contact", "from . import views\nfrom tests.contact.test_admin import x", "a test module"),
    ],
)
def test_an_arrow_the_wrong_way_is_named(tmp_path, monkeypatch, package, line, expected):
    """The check itself, on a file with one wrong import added (written to a scratch copy of the package)."""
    scratch = tmp_path / package
    scratch.mkdir()
    (scratch / "__init__.py").write_text("")
    (scratch / "wrong.py").write_text(line + "\n")
    monkeypatch.setattr(sys.modules[__name__], "ROOT", tmp_path)
    monkeypatch.setattr(sys.modules[__name__], "PACKAGES", (package,))
    assert any(expected in arrow and f"{package}/wrong.py:" in arrow for arrow in wrong_arrows())
