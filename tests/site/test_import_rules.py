"""The layout's arrows, read from the source: which package may import which, and that each arrow is an import.

Each app is one room. `center` holds what the center is and promises (its facts, the admissions calendar, the
readiness checks): the floor the others stand on, importing none of them. `pages` owns the content and says what
changed through signals; `search` reads `pages` and listens; `contact` owns inquiries; `staff` guards the admin and
may read `contact` for its audit trail; `revisions` keeps the history of what `pages` and `center` register with it,
knowing neither. The project package imports no app's models. A dependency that is real is
an import: never a model looked up by its app's name (`apps.get_model`) nor a dotted path kept in settings. Tests
and tools share their helpers through tests/support, so no module ever imports a test module. Imports inside
functions count too: a lazy import is still an arrow.
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
APPS = ("center", "pages", "search", "contact", "staff", "revisions")
PACKAGES = ("restoration", *APPS, "tests", "tools")

# What the other apps stand on: center (the center's facts) and, under it, revisions (the history of any record).
FLOORS = ("center", "revisions")

# (who imports, what it may not import, why)
FORBIDDEN = [
    *[("restoration", f"{app}.models", "the project package imports no app's models") for app in APPS],
    *[
        ("center", app, "center is the floor the other apps stand on")
        for app in APPS
        if app not in ("center", "revisions")
    ],
    *[("revisions", app, "the history stands under every app and knows none") for app in APPS if app != "revisions"],
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


def product_files():
    """The product's modules, without its migrations (which must read the historical models by name)."""
    for path in source_files():
        module = module_name(path)
        if any(within(module, package) for package in ("restoration", *APPS)) and "migrations" not in path.parts:
            yield path


def hidden_dependencies():
    """Calls that reach code or models by a name in a string: ``apps.get_model("pages", …)``, ``import_string(…)``."""
    found = []
    for path in product_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                name = getattr(node.func, "attr", getattr(node.func, "id", None))
                if name in ("get_model", "import_string"):
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno} calls {name}")
    return found


def test_a_real_dependency_is_an_import_never_a_name_in_a_string():
    assert hidden_dependencies() == []


def hand_declared_translations():
    """Model fields named for a language (``…_es``) that no translation registration made: a second way to
    translate beside the one docs/translation.md describes."""
    from django.apps import apps
    from django.conf import settings
    from modeltranslation.fields import TranslationField

    suffixes = tuple(f"_{code}" for code, _ in settings.LANGUAGES)
    return [
        f"{model._meta.label}.{field.name}"
        for model in apps.get_models()
        if model._meta.app_label in APPS
        for field in model._meta.get_fields()
        if field.name.endswith(suffixes) and not isinstance(field, TranslationField)
    ]


def test_a_text_in_another_language_is_a_registered_translation_never_a_twin_field_declared_by_hand():
    assert hand_declared_translations() == []
