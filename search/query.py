"""What a visitor asked, as plain text: the query's words, the synonyms they stand for, and corrections.

The query is never handed to the database's own query syntax: it is cut into plain words here, and each word is
passed as a quoted term (FTS5) or a bound parameter (PostgreSQL), so no input can cause a syntax error.
Everything here is text in, text out; what is read from the database is passed in by search/results.py.
"""

import difflib
import re

MAX_QUERY_LENGTH = 200
MAX_WORDS = 12
MAX_WORD_LENGTH = 40
CORRECTION_CANDIDATES = 5  # close known words weighed against each other by how often the index uses them
# Words too common to help ranking; FTS5 has no stop list of its own.
STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "but",
        "by",
        "can",
        "could",
        "do",
        "does",
        "for",
        "from",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "me",
        "my",
        "of",
        "on",
        "or",
        "so",
        "that",
        "the",
        "their",
        "them",
        "there",
        "these",
        "they",
        "this",
        "to",
        "was",
        "we",
        "what",
        "when",
        "where",
        "which",
        "who",
        "why",
        "will",
        "with",
        "you",
        "your",
    ]
)
_WORD = re.compile(r"\w+")


def words_of(text):
    """The lower-case words of a text, punctuation dropped: how search reads queries, synonyms and titles alike."""
    return _WORD.findall(text.lower())


def as_title(query):
    """The query as the exact-title tie-break compares it: lower case, single spaces, and punctuation kept."""
    return " ".join(query.lower().split())


def query_words(query):
    """The plain words of a query, without stop words, at most MAX_WORDS of them."""
    cut = (word[:MAX_WORD_LENGTH] for word in words_of(query))
    meaningful = [word for word in cut if word not in STOP_WORDS]
    return list(dict.fromkeys(meaningful))[:MAX_WORDS]


def query_groups(words, synonym_lists):
    """One group of alternatives per word: the word and, from the editors' synonym lists, what means the same.

    ``synonym_lists`` holds each synonym's term list (``Synonym.term_list``). A phrase on a list is one group when
    its words come in a row in the query, so that an equivalence holds both ways: "substance use disorder" finds
    "addiction" as "addiction" finds it.
    """
    synonyms = {}
    for terms in synonym_lists:
        for term in terms:
            # Keyed by the words a query would leave of it (no stop words), so "medication for x" is found too.
            key = " ".join(query_words(term))
            if key:
                synonyms.setdefault(key, []).extend(terms)
    longest = max((key.count(" ") + 1 for key in synonyms), default=1)
    groups, start = [], 0
    while start < len(words):
        length = next(
            length
            for length in range(min(longest, len(words) - start), 0, -1)
            if length == 1 or " ".join(words[start : start + length]) in synonyms
        )
        key = " ".join(words[start : start + length])
        terms = synonyms.get(key, [])
        groups.append(tuple(dict.fromkeys([key, *terms] if length == 1 else terms)))
        start += length
    return groups


def did_you_mean(words, known):
    """The query with each word not in ``known`` replaced by a close known word, or "" when nothing changes.

    ``known`` counts how often each word occurs in the index: of the close candidates the most frequent wins, so a
    misspelt drug or condition name becomes the word the articles use, not a rarer look-alike.
    """
    corrected = []
    for word in words:
        if word in known or len(word) < 4:
            corrected.append(word)
            continue
        nearby = [candidate for candidate in known if abs(len(candidate) - len(word)) <= 2]
        candidates = difflib.get_close_matches(word, nearby, n=CORRECTION_CANDIDATES, cutoff=0.75)
        corrected.append(max(candidates, key=known.get) if candidates else word)
    return " ".join(corrected) if corrected != list(words) else ""
