"""The public page types that the quality gates (audit, HTML validation, screenshots) look at."""

import re
import urllib.request

# (name, path) for each page type; search and error pages are not in the sitemap, so they are named here.
FIXED_PAGES = [
    ("home", "/"),
    ("articles", "/articles/"),
    ("article", "/articles/balancing-work-and-recovery-with-an-intensive-outpatient-program/"),
    ("topic", "/topics/intensive-outpatient-program/"),
    ("author", "/authors/editorial-team/"),
    ("program", "/programs/intensive-outpatient-program-sacramento/"),
    ("about", "/about/"),
    ("contact", "/contact/"),
    ("thanks", "/contact/thanks/"),
    ("search-results", "/search/?q=job"),
    ("search-empty", "/search/?q=zzzzqqq"),
    ("not-found", "/this-page-does-not-exist/"),
]

# Deliberately not indexable (noindex) or not found: exempt from these Lighthouse audits alone.
NOT_INDEXABLE = {"thanks", "search-results", "search-empty", "not-found"}
EXPECTED_STATUS = {"not-found": 404}


def status_of(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def page_types(base_url):
    """The page types that exist on this build (a page type arrives with its issue)."""
    return [(name, path) for name, path in FIXED_PAGES if status_of(base_url + path) == EXPECTED_STATUS.get(name, 200)]


def sitemap_paths(base_url):
    with urllib.request.urlopen(base_url + "/sitemap.xml", timeout=10) as response:
        xml = response.read().decode()
    return [re.sub(r"^https?://[^/]+", "", loc) for loc in re.findall(r"<loc>([^<]+)</loc>", xml)]
