"""Fixtures every test folder shares: the real seed content, a cache that starts empty, and staff accounts."""

import pytest
from django.conf import settings
from django.core.cache import caches
from django.utils import translation
from hypothesis import settings as hypothesis_settings

from tests.support.builders import make_staff
from tests.support.database_copy import DatabaseCopy
from tests.support.seed import load_seed_content

# Property tests judge correctness, not speed: on a busy 2-core CI machine a slow example is no failure.
hypothesis_settings.register_profile("restoration", deadline=None)
hypothesis_settings.load_profile("restoration")

# What can differ between SQLite and PostgreSQL, or with Redis as the cache instead of each process's memory: the
# `database` mark, all CI's PostgreSQL and Redis pass runs (`pytest -m database`). Every other test reads and writes
# through the ORM the same way on both, so the SQLite pass (`make test`) answers for it.
DATABASE_DEPENDENT = {
    "tests/search/": "full-text search: SQLite's FTS5 there, PostgreSQL's text search here; upserted counts",
    "tests/site/test_migrate_in_place.py": "migrations forward and back, with the rows they carry",
    "tests/staff/test_staff_access.py": "a data migration, and django-axes' lockout rows",
    "tests/contact/test_encryption.py": "encrypted columns, and re-encryption in batches of locked rows",
    "tests/contact/test_notifications.py": "the outbox claimed with SELECT … FOR UPDATE SKIP LOCKED",
    "tests/contact/test_rate_limit.py": "simultaneous posts (PostgreSQL only), counted in the shared cache",
    "tests/contact/test_single_use_form.py": "one form posted twice at once (PostgreSQL only), tokens in the cache",
    "tests/contact/test_admin.py": "the inbox's search and filters over encrypted columns",
    "tests/contact/test_retention.py": "deletions by age, computed in the database",
    "tests/pages/test_import_commands.py": "imports that create or update rows by their natural keys",
    "tests/pages/test_page_cache.py": "the page cache and its content generation in Redis",
    "tests/center/test_site_settings.py": "the site-settings record kept in Redis until a save",
    "tests/site/test_crawlers_and_health.py": "/readyz asks the database with raw SQL and the cache",
}


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """Mark the tests of DATABASE_DEPENDENT before `-m` selects by marks; a path moved away would leave its tests out
    of the PostgreSQL pass without a word, so it stops the run."""
    if moved := [path for path in DATABASE_DEPENDENT if not (config.rootpath / path).exists()]:
        raise pytest.UsageError(f"DATABASE_DEPENDENT names paths that do not exist: {', '.join(moved)}")
    for item in items:
        if item.nodeid.startswith(tuple(DATABASE_DEPENDENT)):
            item.add_marker(pytest.mark.database)


TRANSACTIONAL_FIXTURES = {"transactional_db", "live_server", "django_db_reset_sequences"}


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, pytestconfig):
    """The test database as migrations leave it, kept so that what a transactional test empties is put back."""
    with django_db_blocker.unblock():
        pytestconfig.migrated_database = DatabaseCopy()
    pytestconfig.database_blocker = django_db_blocker


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """After a transactional test has emptied the database, the rows migrations made are back for the next test.

    Not after the last test: its teardown has already dropped the test database.
    """
    result = yield
    marker = item.get_closest_marker("django_db")
    transactional = (marker and marker.kwargs.get("transaction")) or TRANSACTIONAL_FIXTURES & set(item.fixturenames)
    if transactional and nextitem is not None and hasattr(item.config, "migrated_database"):
        with item.config.database_blocker.unblock():
            item.config.migrated_database.put_back()
    return result


@pytest.fixture(autouse=True, scope="session")
def _static_files_from_the_source_folders():
    """Serve static files the way development does: tests run without `collectstatic`."""
    settings.WHITENOISE_USE_FINDERS = True
    settings.WHITENOISE_AUTOREFRESH = True


@pytest.fixture(autouse=True)
def _pages_and_frame_cached(settings):
    """Pages and the frame's fragments kept, as in production with Redis (the test client is one process, so its
    own memory serves as the shared cache): every test that edits content and reads a page back also checks that
    the edit reaches the page cache (pages/cache.py) and the frame (pages/templatetags/frame.py)."""
    settings.PAGE_CACHE_SECONDS = 600
    settings.FRAME_CACHE_SECONDS = 600


@pytest.fixture(autouse=True)
def _site_settings_kept(settings):
    """The site-settings record kept until a save, as in production with Redis, so a page's query count does not
    depend on how long a test took (without Redis it lives SITE_SETTINGS_CACHE_SECONDS; tests/site/
    test_production_server.py checks that against a real worker)."""
    settings.SITE_SETTINGS_CACHE_SECONDS = None


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the site's default language: a request to an /es/ page leaves Spanish active in the thread,
    and which test ran before another differs between serial and parallel runs."""
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _empty_cache():
    """The site-settings record and rate-limit counts are cached; no test may see another test's."""
    for each in caches.all(initialized_only=False):
        each.clear()
    yield
    for each in caches.all(initialized_only=False):
        each.clear()


@pytest.fixture
def seeded(db):
    """The test database holding the real seed: the content pages, the program and the article in content/."""
    load_seed_content()


@pytest.fixture(autouse=True)
def _media_in_a_temporary_folder(settings, tmp_path):
    """Uploaded images and their renditions go to a folder of the test's own, never into the repository."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def admissions(db):
    return make_staff("casey-admissions", group="Admissions")


@pytest.fixture
def superuser(db):
    return make_staff("root-admin", superuser=True)
