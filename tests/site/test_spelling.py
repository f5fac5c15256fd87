"""Every public page spelled as its readers expect: American English (the site is en-US) and Spanish, each text checked
with the dictionary of the language its ``lang`` declares, by hunspell.

What hunspell does not know and the pages rightly use (names, abbreviations, terms) is in spelling_allowed.txt,
a short list reviewed word by word.
"""

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.support.htmlpage import text_by_language
from tests.support.page_types import EXPECTED_STATUS, FIXED_PAGES
from tests.support.prerequisites import missing_prerequisite

DICTIONARIES = {"en": "en_US", "es": "es_US"}
DICTIONARY_FOLDER = Path("/usr/share/hunspell")
ALLOWED = {
    line.strip()
    for line in (Path(__file__).parent / "spelling_allowed.txt").read_text().splitlines()
    if line.strip() and not line.startswith("#")
}
# Search pages repeat what the visitor typed; what they show of the content is checked on its own page.
SEARCH = re.compile(r"^(?:/es)?/search/")
WEB_ADDRESS = re.compile(r"\S+\.(?:org|gov|com|net)\b\S*")
POSSESSIVE = re.compile(r"(\w)['’]s\b")


@pytest.fixture
def hunspell():
    if not shutil.which("hunspell"):
        missing_prerequisite(
            "hunspell checks the pages' spelling (apt-get install hunspell hunspell-en-us hunspell-es)"
        )
    for dictionary in DICTIONARIES.values():
        if not (DICTIONARY_FOLDER / f"{dictionary}.dic").exists():
            missing_prerequisite(f"hunspell's {dictionary} dictionary is missing (hunspell-en-us, hunspell-es)")


def misspelled(text, dictionary):
    """The words of ``text`` that hunspell's ``dictionary`` does not know, web addresses and possessives aside."""
    text = POSSESSIVE.sub(r"\1", WEB_ADDRESS.sub(" ", text))
    checked = subprocess.run(
        ["hunspell", "-d", dictionary, "-i", "utf-8", "-l"], input=text, capture_output=True, text=True, check=True
    )
    return set(checked.stdout.split())


def public_pages(client):
    """{path: expected status} for every page type and every page in the sitemap, search aside."""
    in_sitemap = re.findall(r"<loc>https?://[^/]+([^<]*)</loc>", client.get("/sitemap.xml").content.decode())
    pages = {path: EXPECTED_STATUS.get(name, 200) for name, path in FIXED_PAGES} | dict.fromkeys(in_sitemap, 200)
    return {path: status for path, status in pages.items() if not SEARCH.match(path)}


def test_every_public_page_is_spelled_right_in_each_of_its_languages(client, seeded, hunspell):
    unknown = {}
    for path, status in public_pages(client).items():
        response = client.get(path)
        assert response.status_code == status, path
        # A <title> cannot mark a name written in another language: its words are the page's heading's, checked there.
        html = re.sub(r"<title>.*?</title>", "", response.content.decode(), flags=re.DOTALL)
        for language, text in text_by_language(html).items():
            if language in DICTIONARIES:
                for word in misspelled(text, DICTIONARIES[language]) - ALLOWED:
                    unknown.setdefault(f"{word} ({language})", []).append(path)
    assert not unknown, "words hunspell does not know (fix the spelling, or add a name or term to "
    "spelling_allowed.txt):\n" + "\n".join(f"{word}: {', '.join(paths)}" for word, paths in sorted(unknown.items()))
