"""Fixtures every test folder shares: the real seed content, a cache that starts empty, and staff accounts."""

import pytest
from django.conf import settings
from django.core.cache import caches
from hypothesis import settings as hypothesis_settings

from tests.support.builders import make_staff
from tests.support.seed import load_seed_content

# Property tests judge correctness, not speed: on a busy 2-core CI machine a slow example is no failure.
hypothesis_settings.register_profile("restoration", deadline=None)
hypothesis_settings.load_profile("restoration")


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
