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
# Words too common to help ranking: PostgreSQL's English stop list (Snowball's), and "could". FTS5 has no stop list,
# so dropping these here makes both databases look for the same words.
STOP_WORDS = frozenset([
    "a", "about", "above", "after", "again", "against", "all", "am", "an", "and", "any", "are", "as", "at", "be",
    "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did", "do",
    "does", "doing", "don", "down", "during", "each", "few", "for", "from", "further", "had", "has", "have",
    "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "i", "if", "in", "into", "is",
    "it", "its", "itself", "just", "me", "more", "most", "my", "myself", "no", "nor", "not", "now", "of", "off",
    "on", "once", "only", "or", "other", "our", "ours", "ourselves", "out", "over", "own", "s", "same", "she",
    "should", "so", "some", "such", "t", "than", "that", "the", "their", "theirs", "them", "themselves", "then",
    "there", "these", "they", "this", "those", "through", "to", "too", "under", "until", "up", "very", "was", "we",
    "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with", "you", "your", "yours",
    "yourself", "yourselves"
])  # fmt: skip
# Words that say a search is about someone else, whom the family reading on an empty results page is for.
SOMEONE_ELSE = frozenset([
    "boyfriend", "brother", "child", "children", "dad", "daughter", "family", "father", "friend", "girlfriend",
    "he", "her", "him", "his", "husband", "kid", "kids", "loved", "mom", "mother", "parent", "partner", "she",
    "sibling", "sister", "son", "spouse", "teen", "teenager", "wife"
])  # fmt: skip
_WORD = re.compile(r"\w+")


def words_of(text):
    """The lower-case words of a text, punctuation dropped: how search reads queries, synonyms and titles alike."""
    return _WORD.findall(text.lower())


def as_title(query):
    """The query as the exact-title tie-break compares it: lower case, single spaces, and punctuation kept."""
    return " ".join(query.lower().split())


def about_someone_else(query):
    """Whether the query speaks of a relative, partner or friend ("my husband drinks too much")."""
    return not SOMEONE_ELSE.isdisjoint(words_of(query))


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
        # What was typed comes first: ranking prefers an item that uses the visitor's own word.
        groups.append(tuple(dict.fromkeys([key, *synonyms.get(key, [])])))
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
