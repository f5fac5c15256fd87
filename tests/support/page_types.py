"""The public page types that the quality gates (audit, HTML validation, screenshots) look at."""

import re
import urllib.request

from tests.support.seed import PROGRAM_URL, SEED_ARTICLE_URL

# (name, path) for each page type; search and error pages are not in the sitemap, so they are named here.
FIXED_PAGES = [
    ("home", "/"),
    ("articles", "/articles/"),
    ("article", SEED_ARTICLE_URL),
    ("topic", "/topics/intensive-outpatient-program/"),
    ("author", "/authors/editorial-team/"),
    ("program", "/programs/intensive-outpatient-program-sacramento/"),
    ("team", "/team/"),
    ("notice", "/client-rights/"),
    ("about", "/about/"),
    ("insurance", "/insurance-and-cost/"),
    ("families", "/families/"),
    ("contact", "/contact/"),
    ("thanks", "/contact/thanks/"),
    ("search-results", "/search/?q=job"),
    ("search-empty", "/search/?q=zzzzqqq"),
    ("not-found", "/this-page-does-not-exist/"),
    ("language-assistance", "/language-assistance/"),
    ("self-check", "/self-check/"),
    # The same page types in Spanish, as a Spanish speaker finds them (issue 17).
    ("es-home", "/es/"),
    ("es-program", f"/es{PROGRAM_URL}"),
    ("es-insurance", "/es/insurance-and-cost/"),
    ("es-families", "/es/families/"),
    ("es-about", "/es/about/"),
    ("es-confidentiality", "/es/confidentiality/"),
    ("es-accessibility", "/es/accessibility/"),
    ("es-language-assistance", "/es/language-assistance/"),
    ("es-contact", "/es/contact/"),
    ("es-thanks", "/es/contact/thanks/"),
    ("es-articles", "/es/articles/"),
    ("es-topic", "/es/topics/intensive-outpatient-program/"),
    ("es-author", "/es/authors/editorial-team/"),
    ("es-team", "/es/team/"),
    ("es-notice", "/es/client-rights/"),
    ("es-self-check", "/es/self-check/"),
    ("es-search-results", "/es/search/?q=seguro+m%C3%A9dico"),
    ("es-search-empty", "/es/search/?q=zzzzqqq"),
    ("es-not-found", "/es/esta-pagina-no-existe/"),
]

# The Spanish page types: the ones a Spanish speaker must find wholly in Spanish.
SPANISH_PAGES = [(name, path) for name, path in FIXED_PAGES if name.startswith("es-")]

# Deliberately not indexable (noindex) or not found: exempt from these Lighthouse audits alone.
NOT_INDEXABLE = {
    "thanks", "search-results", "search-empty", "not-found",
    "es-thanks", "es-search-results", "es-search-empty", "es-not-found",
}  # fmt: skip
EXPECTED_STATUS = {"not-found": 404, "es-not-found": 404}


class PageTypeError(Exception):
    """A page type that is unknown or does not answer its expected status: the gate's run fails."""


def status_of(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def page_types(base_url, only=()):
    """Every page type, or the ones named in ``only``, once each answers its expected status.

    The list is fixed: a page that starts failing fails the gate (PageTypeError names it, with its status) rather
    than leaving it unseen.
    """
    unknown = [name for name in only if name not in dict(FIXED_PAGES)]
    if unknown:
        raise PageTypeError(f"unknown page types: {', '.join(unknown)} (known: {', '.join(dict(FIXED_PAGES))})")
    pages = [(name, path) for name, path in FIXED_PAGES if not only or name in only]
    wrong = []
    for name, path in pages:
        expected, status = EXPECTED_STATUS.get(name, 200), status_of(base_url + path)
        if status != expected:
            wrong.append(f"{name} ({path}) answered {status}, expected {expected}")
    if wrong:
        raise PageTypeError("page types that do not answer their expected status:\n" + "\n".join(wrong))
    return pages


def sitemap_paths(base_url):
    with urllib.request.urlopen(base_url + "/sitemap.xml", timeout=10) as response:
        xml = response.read().decode()
    return [re.sub(r"^https?://[^/]+", "", loc) for loc in re.findall(r"<loc>([^<]+)</loc>", xml)]
