"""The audit and screenshot gates look at every page type: one that answers the wrong status fails the run."""

import pytest

from tests.support.page_types import EXPECTED_STATUS, FIXED_PAGES, PageTypeError, page_types
from tests.support.seed import load_seed_content
from tests.support.servers import http_server

PATHS = dict(FIXED_PAGES)


@pytest.fixture
def stand_in_site():
    """A site answering every page type with its expected status, except the statuses given ({name: status})."""

    def serve(wrong=None):
        statuses = {PATHS[name]: status for name, status in (wrong or {}).items()}

        def answer(request):
            name = next((name for name, path in FIXED_PAGES if path == request.path), None)
            expected = EXPECTED_STATUS.get(name, 200) if name else 404
            return statuses.get(request.path, expected), "<!doctype html><title>x</title>"

        return http_server(answer)

    return serve


def test_every_page_type_is_kept_when_each_answers_as_expected(stand_in_site):
    with stand_in_site() as base_url:
        assert page_types(base_url) == FIXED_PAGES


@pytest.mark.parametrize(("name", "status", "expected"), [("article", 500, 200), ("not-found", 200, 404)])
def test_a_page_type_answering_the_wrong_status_fails_the_run(stand_in_site, name, status, expected):
    """A page that starts to fail is named with its status; it does not silently leave the gate."""
    with stand_in_site({name: status}) as base_url, pytest.raises(PageTypeError) as failure:
        page_types(base_url)
    assert f"{name} ({PATHS[name]}) answered {status}, expected {expected}" in str(failure.value)


def test_a_subset_is_checked_too_and_an_unknown_name_is_refused(stand_in_site):
    with stand_in_site({"home": 500}) as base_url:
        assert page_types(base_url, only=["article", "topic"]) == [
            ("article", PATHS["article"]),
            ("topic", PATHS["topic"]),
        ]
        with pytest.raises(PageTypeError, match=r"home \(/\) answered 500, expected 200"):
            page_types(base_url, only=["home"])
        with pytest.raises(PageTypeError, match="unknown page types: hme"):
            page_types(base_url, only=["hme"])


def test_the_seed_site_answers_every_page_type_as_expected(live_server, transactional_db):
    """The fixed list matches the site: on the real seed content, no page type fails the gate."""
    load_seed_content()
    assert page_types(live_server.url) == FIXED_PAGES
