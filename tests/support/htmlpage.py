"""Reads a rendered page with the standard library's HTML parser, for the assertions tests make."""

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

URL_ATTRIBUTES = {"src", "href", "action", "formaction", "poster", "srcset", "xlink:href"}
CAPTURED_TAGS = {
    "title",
    "h1",
    "h2",
    "script",
    "style",
    "footer",
    "main",
    "a",
    "caption",
    "tr",
    "th",
    "td",
    "dt",
    "dd",
    "li",
}


def normalise_space(text):
    return re.sub(r"\s+", " ", text).strip()


@dataclass
class Element:
    tag: str
    attrs: dict
    text: str = ""


@dataclass
class HtmlPage:
    """Every start tag with its attributes, the text of a few tags of interest, and all the text."""

    elements: list = field(default_factory=list)
    captured: list = field(default_factory=list)
    text_parts: list = field(default_factory=list)

    def find_all(self, tag, **attrs):
        return [el for el in self.elements if el.tag == tag and all(el.attrs.get(k) == v for k, v in attrs.items())]

    def texts(self, tag):
        """The whitespace-normalised text of every <tag> element (for the tags in CAPTURED_TAGS)."""
        return [normalise_space(el.text) for el in self.captured if el.tag == tag]

    def table_rows(self):
        """The text of each table row's cells, header rows included, in the order a screen reader reads them."""
        rows = []
        for el in self.captured:
            if el.tag == "tr":
                rows.append([])
            elif el.tag in {"th", "td"} and rows:
                rows[-1].append(normalise_space(el.text))
        return rows

    @property
    def text(self):
        """All text of the page, entities decoded and whitespace collapsed to single spaces."""
        return normalise_space("".join(self.text_parts))

    @property
    def title(self):
        titles = self.texts("title")
        return titles[0] if titles else ""

    def meta_content(self, name):
        metas = self.find_all("meta", name=name)
        return metas[0].attrs.get("content", "") if metas else None

    def link_hrefs(self, rel):
        return [el.attrs.get("href") for el in self.find_all("link", rel=rel)]

    def urls(self):
        """Every (tag, attribute, value) that points somewhere: src, href, action and friends."""
        found = []
        for el in self.elements:
            for name, value in el.attrs.items():
                if name not in URL_ATTRIBUTES or value is None:
                    continue
                if name == "srcset":
                    found += [(el.tag, name, part.split()[0]) for part in value.split(",") if part.strip()]
                else:
                    found.append((el.tag, name, value))
        return found


class _Parser(HTMLParser):
    def __init__(self, page):
        super().__init__(convert_charrefs=True)
        self.page = page
        self.open = []

    def handle_starttag(self, tag, attrs):
        element = Element(tag, dict(attrs))
        self.page.elements.append(element)
        if tag in CAPTURED_TAGS:
            self.page.captured.append(element)
            self.open.append(element)

    def handle_startendtag(self, tag, attrs):
        self.page.elements.append(Element(tag, dict(attrs)))

    def handle_endtag(self, tag):
        for index in range(len(self.open) - 1, -1, -1):
            if self.open[index].tag == tag:
                del self.open[index]
                break

    def handle_data(self, data):
        for element in self.open:
            element.text += data
        if not any(el.tag in {"script", "style", "title"} for el in self.open):
            self.page.text_parts.append(data)


def parse_html(html):
    """Parse an HTML document (str or bytes) into an HtmlPage."""
    if isinstance(html, bytes):
        html = html.decode("utf-8")
    page = HtmlPage()
    parser = _Parser(page)
    parser.feed(html)
    parser.close()
    return page


# Elements with no end tag: they never hold text, so they must not stay open in the language stack below.
VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _LanguageParser(HTMLParser):
    """Collects the text of a page by the language it is in: the ``lang`` of its nearest element that has one."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []  # (tag, language)
        self.texts = {}
        self.last_language = None

    def handle_starttag(self, tag, attrs):
        if tag in VOID_TAGS:
            return
        language = dict(attrs).get("lang") or (self.stack[-1][1] if self.stack else "")
        self.stack.append((tag, language))

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                break

    def handle_data(self, data):
        if self.stack and self.stack[-1][0] not in {"script", "style", "template"}:
            language = self.stack[-1][1]
            # Text of one language from two places on the page never runs together into one word.
            if language != self.last_language:
                data = " " + data
            self.last_language = language
            self.texts[language] = self.texts.get(language, "") + data


def text_by_language(html):
    """{language: the page's visible text in that language}, as ``lang`` attributes declare it (WCAG 3.1.1, 3.1.2).

    The text of <title> counts under the page's language, like any other.
    """
    if isinstance(html, bytes):
        html = html.decode("utf-8")
    parser = _LanguageParser()
    parser.feed(html)
    parser.close()
    return {language: normalise_space(text) for language, text in parser.texts.items()}
