"""What an editor should fix before publishing: warnings about an item's text, never a refusal to save it.

Headings that skip a level (a screen reader's outline of the page then has a hole), links that say nothing out of
context ("click here", "aquí", a bare address: WCAG 2.4.4), images without a description (WCAG 1.1.1), English
paragraphs in a Spanish item, and paragraphs harder to read than the health-literacy target of grade 8 (Flesch-Kincaid
for English, Fernández Huerta for Spanish, computed by textstat). The admin shows them after each save; any other
writer may call ``editorial_warnings``.
"""

import re
from html.parser import HTMLParser

from restoration.markdown import render_markdown

HIGHEST_GRADE = 8
# Fernández Huerta runs from 0 (hard) to 100 (easy); 60 to 70 is "normal", what a reader of grade 7 or 8 reads.
LOWEST_SPANISH_EASE = 60
# A shorter paragraph gives a reading grade that means little: one long word moves it by several grades.
MEASURED_PARAGRAPH_WORDS = 12
# Link texts that say nothing of where the link leads, once lower-cased and stripped of punctuation.
VAGUE_LINK_TEXTS = {
    "click here", "click", "here", "this link", "link", "read more", "more",
    "aquí", "aqui", "haga clic aquí", "haga clic aqui", "clic aquí", "haz clic aquí", "pulse aquí", "este enlace",
    "enlace", "más", "leer más",
}  # fmt: skip
BARE_ADDRESS = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)
# In the Markdown source: the rendered body keeps no image (restoration/markdown.py), but the editor meant one.
IMAGES_WITHOUT_ALT = re.compile(r"!\[\s*\]\(|<img\b(?![^>]*\balt\s*=\s*[\"'][^\"']*\S)[^>]*>", re.IGNORECASE)
# Words that, common in one language, hardly occur in the other: enough of them tell a paragraph's language.
ENGLISH_WORDS = {
    "the", "and", "of", "to", "is", "are", "you", "your", "with", "for", "that", "this", "it", "be", "have", "can",
    "what", "when", "will", "not", "or", "from", "they", "we", "our", "in", "on", "at", "an", "if", "who", "how",
}  # fmt: skip
SPANISH_WORDS = {
    "el", "la", "los", "las", "de", "del", "y", "que", "en", "un", "una", "es", "son", "usted", "su", "sus", "con",
    "para", "por", "se", "lo", "le", "al", "más", "como", "pero", "si", "está", "puede", "qué", "cuando",
}  # fmt: skip
MARKDOWN_HEADING = {2: "##", 3: "###", 4: "####"}


class _Outline(HTMLParser):
    """The headings, links and paragraphs of a body's HTML, in order, each with its words."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.headings, self.links, self.paragraphs = [], [], []
        self._open = []  # (tag, attributes, pieces of text) of each element being read, innermost last

    def handle_starttag(self, tag, attrs):
        if re.fullmatch(r"h[1-6]|a|p", tag):
            self._open.append((tag, dict(attrs), []))

    def handle_data(self, data):
        for _, _, pieces in self._open:
            pieces.append(data)

    def handle_endtag(self, tag):
        if not self._open or self._open[-1][0] != tag:
            return
        _, attrs, pieces = self._open.pop()
        text = " ".join("".join(pieces).split())
        if tag == "a":
            self.links.append((attrs.get("href") or "", text))
        elif tag == "p":
            self.paragraphs.append((attrs.get("lang"), text))
        else:
            self.headings.append((int(tag[1]), text))


def _outline(markdown_text):
    outline = _Outline()
    outline.feed(render_markdown(markdown_text))
    outline.close()
    return outline


def _quote(text, words=8):
    shown = text.split()
    return "“" + " ".join(shown[:words]) + ("…" if len(shown) > words else "") + "”"


def heading_warning(outline):
    """Headings that go down more than one level at once: the page's title is its only h1."""
    skips, previous = [], (1, None)
    for level, text in outline.headings:
        if level > previous[0] + 1:
            after = f"{_quote(previous[1])} ({MARKDOWN_HEADING[previous[0]]})" if previous[1] else "the page's title"
            skips.append(f"{_quote(text)} ({MARKDOWN_HEADING.get(level, f'h{level}')}) after {after}")
        previous = (level, text)
    if not skips:
        return None
    return (
        f"Headings skip a level: {'; '.join(skips)}. Use ## for a section and ### for a part of one, so that people "
        "who listen to the page can follow its outline."
    )


def link_text_warning(outline):
    """Links whose words do not say where they lead."""
    vague = []
    for href, text in outline.links:
        plain = re.sub(r"[^\w\s]", "", text.lower()).strip()
        if plain in VAGUE_LINK_TEXTS or BARE_ADDRESS.match(text) or (text and text == href):
            vague.append(_quote(text))
    if not vague:
        return None
    return (
        f"Link text that says nothing out of context: {', '.join(vague)}. Name where the link leads, for example "
        "[our intensive outpatient program](…), so that it makes sense read alone, as screen readers list links."
    )


def image_warning(markdown_text):
    """Images in the text with no description for people who cannot see them."""
    count = len(IMAGES_WITHOUT_ALT.findall(markdown_text))
    if not count:
        return None
    return (
        f"{count} image{'s' if count > 1 else ''} in the text {'have' if count > 1 else 'has'} no description: write "
        "one between the brackets, ![what the picture shows](…), for people who cannot see it."
    )


def _words(text):
    return re.findall(r"[^\W\d_]+", text.lower())


def english_paragraph_warning(outline, language):
    """Paragraphs of a Spanish item that read as English, unless marked as English on purpose (lang="en")."""
    if language != "es":
        return None
    english = []
    for lang, text in outline.paragraphs:
        words = _words(text)
        if lang or len(words) < 6:
            continue
        english_count = sum(word in ENGLISH_WORDS for word in words)
        spanish_count = sum(word in SPANISH_WORDS for word in words)
        if english_count >= 3 and english_count > 2 * spanish_count:
            english.append(_quote(text))
    if not english:
        return None
    return (
        f"This Spanish text has paragraphs in English: {', '.join(english)}. Translate them, or mark a quotation "
        'that stays in English as <p lang="en">…</p> so that screen readers read it in English.'
    )


def _reader(language):
    """textstat, set for ``language``, imported on first use (a fifth of a second the rest of the site never pays)."""
    from textstat.textstat import textstatistics

    reader = textstatistics()
    reader.set_lang("es" if language == "es" else "en_US")
    return reader


def reading_grade_warning(outline, language):
    """Paragraphs harder to read than grade 8."""
    reader = _reader(language)
    hard = []
    for _, text in outline.paragraphs:
        if len(text.split()) < MEASURED_PARAGRAPH_WORDS:
            continue
        if language == "es":
            ease = reader.fernandez_huerta(text)
            if ease < LOWEST_SPANISH_EASE:
                hard.append(f"{_quote(text)} ({ease:.0f} on the Fernández Huerta scale)")
        else:
            grade = reader.flesch_kincaid_grade(text)
            if grade > HIGHEST_GRADE:
                hard.append(f"{_quote(text)} (grade {grade:.0f})")
    if not hard:
        return None
    target = (
        f"{LOWEST_SPANISH_EASE} on the Fernández Huerta scale (about grade {HIGHEST_GRADE})"
        if language == "es"
        else f"grade {HIGHEST_GRADE}"
    )
    return (
        f"{len(hard)} paragraph{'s' if len(hard) > 1 else ''} {'are' if len(hard) > 1 else 'is'} harder to read than "
        f"{target}, the health-literacy target: {'; '.join(hard)}. Shorter sentences and everyday words help."
    )


def editorial_warnings(item):
    """Every warning about ``item``'s body (an article, content page or program), one sentence per kind of problem."""
    outline = _outline(item.body)
    warnings = [
        heading_warning(outline),
        link_text_warning(outline),
        image_warning(item.body),
        english_paragraph_warning(outline, item.language),
        reading_grade_warning(outline, item.language),
    ]
    return [warning for warning in warnings if warning]
