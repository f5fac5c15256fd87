"""Every response carries the security headers; the CSP forbids inline code and framing."""

import pytest

from tests.builders import SEED_ARTICLE_SLUG


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
    assert response.headers.get("Referrer-Policy") == "strict-origin-when-cross-origin"
    assert "camera=()" in response.headers.get("Permissions-Policy", "")
    assert "geolocation=()" in response.headers.get("Permissions-Policy", "")
    assert response.headers.get("X-Content-Type-Options") == "nosniff"
    assert response.headers.get("X-Frame-Options") == "DENY"
