"""What a visitor asked, as plain text: the query's words, the synonyms they stand for, and corrections.

The query is never handed to the database's own query syntax: it is cut into plain words here, and each word is
passed as a quoted term (FTS5) or a bound parameter (PostgreSQL), so no input can cause a syntax error.
Everything here is text in, text out; what is read from the database is passed in by search/results.py.
"""

import difflib
import re

from .languages import is_stop_word, normalised, speaks_of_someone_else

MAX_QUERY_LENGTH = 200
MAX_WORDS = 12
MAX_WORD_LENGTH = 40
CORRECTION_CANDIDATES = 5  # close known words weighed against each other by how often the index uses them
_WORD = re.compile(r"\w+")


def words_of(text):
    """The lower-case words of a text, punctuation dropped: how search reads queries, synonyms and titles alike."""
    return _WORD.findall(text.lower())


def as_title(query):
    """The query as the exact-title tie-break compares it: lower case, single spaces, and punctuation kept."""
    return " ".join(query.lower().split())


def about_someone_else(query, language):
    """Whether the query speaks of a relative, partner or friend ("my husband drinks too much", "mi esposo")."""
    return speaks_of_someone_else(words_of(query), language)


def query_words(query, language):
    """The plain words of a query, without the language's stop words, at most MAX_WORDS of them."""
    cut = (word[:MAX_WORD_LENGTH] for word in words_of(query))
    meaningful = [word for word in cut if not is_stop_word(word, language)]
    return list(dict.fromkeys(meaningful))[:MAX_WORDS]


def query_groups(words, synonym_lists, language):
    """One group of alternatives per word: the word and, from the editors' synonym lists, what means the same.

    ``synonym_lists`` holds each synonym's term list (``Synonym.term_list``). A phrase on a list is one group when
    its words come in a row in the query, so that an equivalence holds both ways: "substance use disorder" finds
    "addiction" as "addiction" finds it. Words are compared as the language compares them (search/languages.py),
    so "seguros medicos" finds the synonyms of "seguro médico".
    """

    def key_of(words):
        return " ".join(normalised(word, language) for word in words)

    synonyms = {}
    for terms in synonym_lists:
        for term in terms:
            # Keyed by the words a query would leave of it (no stop words), so "medication for x" is found too.
            key = key_of(query_words(term, language))
            if key:
                synonyms.setdefault(key, []).extend(terms)
    longest = max((key.count(" ") + 1 for key in synonyms), default=1)
    groups, start = [], 0
    while start < len(words):
        length = next(
            length
            for length in range(min(longest, len(words) - start), 0, -1)
            if length == 1 or key_of(words[start : start + length]) in synonyms
        )
        typed = words[start : start + length]
        # What was typed comes first: ranking prefers an item that uses the visitor's own word.
        groups.append(tuple(dict.fromkeys([" ".join(typed), *synonyms.get(key_of(typed), [])])))
        start += length
    return groups


def terms_of(text):
    """The words of an indexed text that a misspelling may be corrected to: three letters or more, not a number."""
    return {word for word in words_of(text) if 2 < len(word) <= MAX_WORD_LENGTH and not word.isdigit()}


def did_you_mean(words, vocabulary):
    """The query with each word the published text lacks replaced by a close word it has, or "" if nothing changes.

    ``vocabulary`` answers two questions (search/results.py asks the index): ``near(word)``, the known words that
    share most of its trigrams, and ``frequency(word)``, how many published items use a word. Of the candidates
    close enough, the most frequent wins, so a misspelt drug or condition name becomes the word the articles use,
    not a rarer look-alike, and a word only a draft uses (frequency 0) is never offered.
    """
    corrected = []
    for word in words:
        if len(word) < 4 or vocabulary.frequency(word):
            corrected.append(word)
            continue
        candidates = difflib.get_close_matches(word, vocabulary.near(word), n=CORRECTION_CANDIDATES, cutoff=0.75)
        frequencies = {candidate: vocabulary.frequency(candidate) for candidate in candidates}
        best = max(candidates, key=frequencies.get, default=None)
        corrected.append(best if best and frequencies[best] else word)
    return " ".join(corrected) if corrected != list(words) else ""
