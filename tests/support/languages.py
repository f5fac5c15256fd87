"""Which words of a page are in which language: each text goes to the ``lang`` of its nearest element that has one."""

import re
from collections import defaultdict
from html.parser import HTMLParser

VOID_ELEMENTS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
NOT_SHOWN = {"script", "style", "template"}


class _LanguageParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.open = []  # (tag, its lang or the one it inherits)
        self.texts = defaultdict(list)

    def handle_starttag(self, tag, attrs):
        if tag in VOID_ELEMENTS:
            return
        inherited = self.open[-1][1] if self.open else None
        self.open.append((tag, dict(attrs).get("lang", inherited)))

    def handle_endtag(self, tag):
        for depth in range(len(self.open) - 1, -1, -1):
            if self.open[depth][0] == tag:
                del self.open[depth:]
                return

    def handle_data(self, data):
        if self.open and not any(tag in NOT_SHOWN for tag, _ in self.open):
            self.texts[self.open[-1][1]].append(data)


def text_in_each_language(html):
    """{lang: the page's visible text in that language, whitespace collapsed} (the <html> element's lang included)."""
    parser = _LanguageParser()
    parser.feed(html if isinstance(html, str) else html.decode())
    return {lang: re.sub(r"\s+", " ", "".join(parts)).strip() for lang, parts in parser.texts.items()}
