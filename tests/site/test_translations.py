"""The Spanish catalog: complete, compiled, and what every Spanish page shows (issue 17).

The compiled catalog (django.mo) is committed beside django.po, so that a fresh machine with only Python and make
serves Spanish; these tests fail when one was changed without the other (``make messages`` compiles it with Babel).
"""

import io
import re

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from django.conf import settings

from tests.support.builders import fill_center_facts
from tests.support.htmlpage import text_by_language
from tests.support.page_types import EXPECTED_STATUS, SPANISH_PAGES
from tests.support.seed import CONTENT_DIR, load_seed_content

CATALOG = settings.BASE_DIR / "locale" / "es" / "LC_MESSAGES"
# Words of English that are no words of Spanish: one of them in a page's Spanish text is English left untranslated
# (a string never marked for translation, or marked and never translated).
ENGLISH_ONLY_WORDS = {
    "the", "and", "you", "your", "with", "for", "our", "this", "that", "are", "is", "of", "to", "we", "will", "can",
    "not", "yet", "have", "has", "from", "about", "here", "how", "what", "when", "who", "call", "us", "or", "an",
    "in", "on", "by", "be", "it", "if", "at", "all", "any", "more", "read", "page", "search", "help", "contact",
}  # fmt: skip


def spanish_catalog():
    with open(CATALOG / "django.po", "rb") as po:
        return read_po(po, locale="es")


def test_every_message_has_a_spanish_translation_that_no_one_left_fuzzy():
    catalog = spanish_catalog()
    untranslated = [message.id for message in catalog if message.id and not message.string]
    fuzzy = [message.id for message in catalog if message.id and message.fuzzy]
    assert not untranslated, f"messages with no Spanish translation in django.po: {untranslated}"
    assert not fuzzy, f"fuzzy (machine-guessed) translations to check and unflag in django.po: {fuzzy}"


def test_the_committed_mo_file_is_what_the_po_file_compiles_to():
    compiled = io.BytesIO()
    write_mo(compiled, spanish_catalog())
    committed = (CATALOG / "django.mo").read_bytes()
    assert committed == compiled.getvalue(), "django.mo is out of date: run `make messages` and commit both files"


# Spanish a native speaker in the US stops at, with what reads naturally instead.
UNNATURAL_SPANISH = {
    "referencia profesional": "a reference, not a referral: “Derivación de un profesional”",
    "condición de salud": "an anglicism (“health condition”): “problema de salud”, “enfermedad”",
    "condición médica": "an anglicism (“medical condition”): “problema de salud”, “enfermedad”",
    "apoyo clínico organizado": "“atención clínica estructurada”",
    "un paso difícil, y también un buen paso": "“Pedir ayuda no es fácil, pero es un buen paso”",
    "le llamaremos": "Spain’s leísmo, and “lo/la” would guess a gender: “Le haremos una llamada”",
    "podremos dejarle": "“we will be able to leave”, not “we may leave”: “es posible que le dejemos”",
    "siguen escritos": "“sus datos siguen en el formulario”",
}


def test_no_spanish_text_reads_as_a_translation():
    """The catalog and the shipped Spanish content avoid the wording a native speaker flagged."""
    texts = {f"django.po: {message.id}": message.string for message in spanish_catalog() if message.id}
    texts |= {path.name: path.read_text() for path in CONTENT_DIR.glob("*/*.es.md")}
    found = [
        f"{where}: “{wording}” ({better})"
        for where, text in texts.items()
        for wording, better in UNNATURAL_SPANISH.items()
        if wording in " ".join(text if isinstance(text, tuple) else [text]).lower()
    ]
    assert not found, "\n".join(found)


def english_sentences():
    """The English text of every message (msgid) long enough to be recognised inside a page."""
    return [
        re.sub(r"\s+", " ", message.id if isinstance(message.id, str) else message.id[0]).strip()
        for message in spanish_catalog()
        if message.id and len(str(message.id).split()) >= 3 and "%" not in str(message.id)
    ]


def english_words_in(text):
    """Each English word found, with the words around it (to find where on the page it is)."""
    return [
        text[max(0, match.start() - 40) : match.end() + 40]
        for match in re.finditer(r"[^\W\d_]+", text)  # whole words, accented letters included
        if match.group().lower() in ENGLISH_ONLY_WORDS
    ]


@pytest.fixture(params=["as shipped", "with the center's facts filled in"])
def spanish_site(request, db):
    load_seed_content()
    if request.param != "as shipped":
        fill_center_facts()
    return request.param


@pytest.mark.parametrize(("name", "path"), SPANISH_PAGES, ids=[name for name, path in SPANISH_PAGES])
def test_a_spanish_page_is_all_in_spanish(client, spanish_site, name, path):
    """Every Spanish page type: ``lang="es"``, and not one English word in its Spanish text; English that must stay
    (an editor's text with no Spanish version yet, the switcher's "English") is marked ``lang="en"``."""
    response = client.get(path)
    assert response.status_code == EXPECTED_STATUS.get(name, 200)
    html = response.content.decode()
    assert re.search(r'<html lang="es"', html), f"{path}: the page's language is not Spanish"
    spanish = text_by_language(html).get("es", "")
    assert spanish, f"{path}: no text in Spanish"
    assert not english_words_in(spanish), f"{path}: English words in its Spanish text: {english_words_in(spanish)}"
    left = [sentence for sentence in english_sentences() if sentence in spanish]
    assert not left, f"{path}: untranslated messages shown in English: {left}"
