"""One Chromium for the whole run, and a live server holding the real seed content for each test."""

import os

# Playwright's sync API runs an event loop in this thread; Django must still allow ORM calls here.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

import pytest
from django.db import connection

from tests.support.browser import CHROMIUM, CHROMIUM_ARGS, DESKTOP_WIDTH
from tests.support.database_copy import DatabaseCopy
from tests.support.prerequisites import missing_prerequisite
from tests.support.seed import load_seed_content


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        missing_prerequisite("Chromium not installed: apt-get install -y chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def _seeded_database():
    """The test database with the seed content imported, copied by the first browser test that needs it."""
    return {}


@pytest.fixture
def site_url(live_server, transactional_db, _seeded_database):
    """The live server's address, with the seed content loaded (its database is emptied after each test).

    On SQLite the seed is imported once per run and copied back before each test, in milliseconds instead of the
    import's half second; on another database it is imported for each test.
    """
    if connection.vendor != "sqlite":
        load_seed_content()
    elif "copy" in _seeded_database:
        _seeded_database["copy"].put_back()
    else:
        load_seed_content()
        _seeded_database["copy"] = DatabaseCopy()
    return live_server.url


@pytest.fixture
def open_page(browser):
    """Open a tab at a given viewport width (other context options, such as java_script_enabled, passed on);
    every tab opened is closed after the test."""
    contexts = []

    def open_page(width=DESKTOP_WIDTH, height=900, **options):
        context = browser.new_context(viewport={"width": width, "height": height}, **options)
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(10_000)
        return page

    yield open_page
    for context in contexts:
        context.close()
