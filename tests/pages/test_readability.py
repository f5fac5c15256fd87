"""The texts the site ships read easily: people look for treatment when they are worn out, often on a phone.

English is measured with the Flesch-Kincaid grade, Spanish with the Fernández Huerta index (textstat): each block
(heading, paragraph, list item) counts as a sentence, as a reader takes it. The seed article is the center's own
words, kept word for word, and is not measured.
"""

import re

import textstat
from django.utils.html import strip_tags

from restoration.markdown import render_markdown
from tests.support.seed import PAGES_DIR, PROGRAMS_DIR

HIGHEST_GRADE = 8  # Flesch-Kincaid: a US school grade
# Fernández Huerta runs from 0 (hard) to 100 (easy); 60 to 70 is "normal", what a reader of grade 7 or 8 reads.
LOWEST_SPANISH_EASE = 60
BLOCK_END = re.compile(r"</(?:h[1-6]|p|li|dt|dd|blockquote|td|th)>")
NOTICES = ["/client-rights/", "/notice-of-privacy-practices/", "/confidentiality-of-records/"]


def prose(html):
    """The words of ``html``, each block ended as a sentence (a heading or list item reads as one)."""
    blocks = [" ".join(strip_tags(block).split()) for block in BLOCK_END.split(html)]
    return " ".join(block if block.endswith((".", "!", "?", ":")) else f"{block}." for block in blocks if block)


def shipped_texts(language):
    """{file name: text} of the pages and programs in content/ written in ``language``: summary and body."""
    texts = {}
    for path in sorted([*PAGES_DIR.glob("*.md"), *PROGRAMS_DIR.glob("*.md")]):
        if path.name.endswith(".es.md") == (language == "es"):
            _, front_matter, body = path.read_text().split("---", 2)
            summary = re.search(r"^summary: (.*)$", front_matter, re.MULTILINE).group(1)
            texts[path.name] = prose(f"<p>{summary}</p>" + render_markdown(body))
    return texts


def notice_texts(client, prefix):
    """{path: text} of what each notice page says of the law, its lead included."""
    texts = {}
    for path in NOTICES:
        html = client.get(prefix + path).content.decode()
        lead = re.search(r'<p class="lead">(.*?)</p>', html, re.DOTALL).group(1)
        about = re.search(r'<section class="notice-about.*?</section>', html, re.DOTALL).group()
        texts[prefix + path] = prose(f"<p>{lead}</p>{about}")
    return texts


def test_every_shipped_english_text_reads_at_grade_8_or_lower(client, seeded):
    textstat.set_lang("en_US")
    texts = shipped_texts("en") | notice_texts(client, "")
    assert {"about.md", "/client-rights/"} <= set(texts)
    grades = {name: textstat.flesch_kincaid_grade(text) for name, text in texts.items()}
    hard = [f"{name}: grade {grade:.1f}" for name, grade in grades.items() if grade > HIGHEST_GRADE]
    assert not hard, f"English texts above grade {HIGHEST_GRADE}: {', '.join(hard)}"


def test_every_shipped_spanish_text_reads_easily(client, seeded):
    textstat.set_lang("es")
    texts = shipped_texts("es") | notice_texts(client, "/es")
    eases = {name: textstat.fernandez_huerta(text) for name, text in texts.items()}
    hard = [f"{name}: {ease:.0f}" for name, ease in eases.items() if ease < LOWEST_SPANISH_EASE]
    assert not hard, f"Spanish texts below {LOWEST_SPANISH_EASE} on the Fernández Huerta scale: {', '.join(hard)}"


def opening_words(text, count=8):
    return " ".join(re.findall(r"\w+", text.lower())[:count])


def test_no_page_repeats_its_lead_as_its_first_paragraph():
    """The summary shows as the page's lead, right above the body: a body that opens with the same words reads twice."""
    repeated = []
    for path in sorted([*PAGES_DIR.glob("*.md"), *PROGRAMS_DIR.glob("*.md")]):
        _, front_matter, body = path.read_text().split("---", 2)
        summary = re.search(r"^summary: (.*)$", front_matter, re.MULTILINE).group(1)
        first_paragraph = next(block for block in body.split("\n\n") if block.strip() and not block.startswith("#"))
        if opening_words(summary) == opening_words(first_paragraph):
            repeated.append(path.name)
    assert not repeated, f"pages whose first paragraph opens as their lead does: {repeated}"
