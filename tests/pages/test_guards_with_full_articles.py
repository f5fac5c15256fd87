"""The site-wide guards again, on a site whose article has everything: hero image, reviewer, sources.

The seed article has none of these, so the <picture> markup, the review line and the reviewer's bio page are
checked here by the very same guard tests (imported, so they run against this module's ``public_pages``).
"""

import pytest

from tests.builders import make_reviewed_article
from tests.htmlpage import parse_html
from tests.site.test_public_pages import (  # noqa: F401 - collected here, run with the fixture below
    SEARCH_PAGES,
    sitemap_paths,
    test_every_image_has_alt_width_and_height,
    test_every_public_page_answers_200,
    test_every_public_page_has_a_title_a_description_a_language_and_a_canonical_link,
    test_every_public_page_has_a_unique_title,
    test_every_public_page_has_exactly_one_h1,
    test_headings_start_at_h1_and_never_skip_a_level,
    test_links_to_other_sites_are_plain_outbound_links,
    test_no_page_loads_anything_from_another_origin,
    test_public_pages_have_no_inline_styles_or_scripts,
    urlconf_paths,
)


@pytest.fixture
def public_pages(client, seeded):
    article = make_reviewed_article()
    urls = list(dict.fromkeys(urlconf_paths() + sitemap_paths(client) + SEARCH_PAGES))
    assert {"/authors/ana-ruiz/", "/authors/sam-lee/", article.get_absolute_url()} <= set(urls)
    pages = {}
    for url in urls:
        response = client.get(url)
        if response.status_code == 200 and response["Content-Type"].startswith("text/html"):
            pages[url] = (response, parse_html(response.content))
    assert any(page.find_all("picture") for _, page in pages.values())
    return pages
