"""Does a running site answer like production? /healthz, the home page, the seed article and its hashed stylesheets.

Standard library only, so the very same file runs on the host and inside a container (piped to `python - URL`):
tools/image_smoke.py does both. Prints one line per check and exits non-zero naming every check that failed.
"""

import re
import sys
import urllib.error
import urllib.request
from html.parser import HTMLParser

ARTICLE = "/articles/balancing-work-and-recovery-with-an-intensive-outpatient-program/"
ARTICLE_TITLE = "Balancing Work and Recovery with an Intensive Outpatient Program"
HOME_HEADING = "Recovery that fits around your work and your life"
# whitenoise marks files with a content hash in their name as cacheable for ten years; anything under a year means
# the hashed name was not used or the header was lost on the way.
MIN_STATIC_MAX_AGE = 365 * 24 * 60 * 60
# Django's manifest storage puts 12 hex digits of the content hash before the extension: site.3f2a8c1d9e0b.css
HASHED_NAME = re.compile(r"\.[0-9a-f]{12}\.\w+$")


class Page(HTMLParser):
    """The parts of a page the checks look at: <h1> text and the stylesheets it links."""

    def __init__(self, html):
        super().__init__()
        self.headings, self.stylesheets, self._in_h1 = [], [], False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "h1":
            self._in_h1 = True
            self.headings.append("")
        elif tag == "link" and "stylesheet" in (attrs.get("rel") or "").split():
            self.stylesheets.append(attrs.get("href", ""))

    def handle_endtag(self, tag):
        if tag == "h1":
            self._in_h1 = False

    def handle_data(self, data):
        if self._in_h1:
            self.headings[-1] += data


def fetch(url):
    """(status, headers, body text); an HTTP error status is a result here, not an exception."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.headers, ""


def max_age(headers):
    for directive in (headers.get("Cache-Control") or "").split(","):
        name, _, value = directive.strip().partition("=")
        if name == "max-age" and value.isdigit():
            return int(value)
    return 0


def check(base_url):
    """Run every check against ``base_url``; return the list of failures (empty when the site is healthy)."""
    failures = []

    def expect(ok, what):
        print(f"  {'ok  ' if ok else 'FAIL'} {what}", flush=True)
        if not ok:
            failures.append(what)

    status, _, body = fetch(base_url + "/healthz")
    expect(status == 200, f"/healthz answers 200 (got {status})")

    status, _, body = fetch(base_url + "/")
    home = Page(body)
    expect(status == 200, f"home page answers 200 (got {status})")
    expect([h.strip() for h in home.headings] == [HOME_HEADING], f"home page heading is {HOME_HEADING!r}")

    status, _, body = fetch(base_url + ARTICLE)
    article = Page(body)
    expect(status == 200, f"seed article answers 200 (got {status})")
    expect([h.strip() for h in article.headings] == [ARTICLE_TITLE], f"seed article heading is {ARTICLE_TITLE!r}")

    expect(bool(home.stylesheets), "home page links stylesheets")
    for href in home.stylesheets:
        hashed = bool(HASHED_NAME.search(href))
        status, headers, body = fetch(base_url + href)
        age = max_age(headers)
        expect(
            hashed and status == 200 and body and age >= MIN_STATIC_MAX_AGE,
            f"{href} is hashed, answers 200 (got {status}, {len(body)} characters) "
            f"with a max-age of a year or more (got {age})",
        )
    return failures


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: python site_check.py BASE_URL")
    failures = check(sys.argv[1].rstrip("/"))
    if failures:
        sys.exit(f"{len(failures)} check(s) failed at {sys.argv[1]}")


if __name__ == "__main__":
    main()
