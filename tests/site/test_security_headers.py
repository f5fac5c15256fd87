"""Every response carries the security headers; the CSP forbids inline code and framing; no link leaks the visit."""

import pytest

from tests.support.builders import make_article
from tests.support.htmlpage import parse_html
from tests.support.seed import SEED_ARTICLE_SLUG


def csp_directives(header):
    directives = {}
    for part in header.split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


@pytest.mark.parametrize("url", ["/", f"/articles/{SEED_ARTICLE_SLUG}/", "/contact/", "/no-such-page/"])
def test_pages_carry_the_security_headers(client, seeded, url):
    response = client.get(url)
    csp = response.headers.get("Content-Security-Policy", "")
    directives = csp_directives(csp)
    assert "'unsafe-inline'" not in csp
    assert "'unsafe-eval'" not in csp
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]
    assert directives["default-src"] == ["'self'"]
    # An addiction-treatment site: another site a visitor clicks to learns nothing, not even our origin.
    assert response.headers.get("Referrer-Policy") == "same-origin"
    assert "camera=()" in response.headers.get("Permissions-Policy", "")
    assert "geolocation=()" in response.headers.get("Permissions-Policy", "")
    assert response.headers.get("X-Content-Type-Options") == "nosniff"
    assert response.headers.get("X-Frame-Options") == "DENY"


def test_an_article_tells_the_sites_it_links_to_nothing(client, db):
    """Body and sources links to other sites carry rel="noopener noreferrer"; one to the contact form keeps Referer."""
    article = make_article(
        body="See [SAMHSA](https://www.samhsa.gov/find-help) or [write to us](/contact/).\n",
        citations="- [NIDA](https://nida.nih.gov/research-topics/treatment)\n",
    )
    page = parse_html(client.get(article.get_absolute_url()).content)
    rel = {link.attrs["href"]: set((link.attrs.get("rel") or "").split()) for link in page.find_all("a")}
    assert rel["https://www.samhsa.gov/find-help"] >= {"noopener", "noreferrer"}
    assert rel["https://nida.nih.gov/research-topics/treatment"] >= {"noopener", "noreferrer"}
    assert "noreferrer" not in rel["/contact/"]
