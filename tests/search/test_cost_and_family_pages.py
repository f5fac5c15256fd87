"""A visitor who searches for what a family asks first finds the page written for it, at the top."""

import pytest

from tests.support.builders import seed_synonyms
from tests.support.htmlpage import parse_html


@pytest.fixture(autouse=True)
def _synonyms(db):
    seed_synonyms()


def first_result(client, query):
    """The address of the first search result, or None when nothing is found."""
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    page = parse_html(response.content)
    titles = [el for el in page.elements if el.tag == "h2" and el.attrs.get("class") == "search-result-title"]
    if not titles:
        return None
    return page.elements[page.elements.index(titles[0]) + 1].attrs["href"]


@pytest.mark.parametrize("query", ["insurance", "cost", "how much does it cost", "insurance coverage"])
def test_questions_about_paying_find_insurance_and_cost_first(client, seeded, query):
    assert first_result(client, query) == "/insurance-and-cost/"


@pytest.mark.parametrize("query", ["family", "families", "loved one", "help my loved one"])
def test_questions_from_families_find_the_families_page_first(client, seeded, query):
    assert first_result(client, query) == "/families/"
