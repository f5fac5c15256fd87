"""Markdown → safe HTML: the one function every body on the site is rendered with."""

from html.parser import HTMLParser
from urllib.parse import urlsplit

import markdown as markdown_lib
import nh3

# The help text under every field written in Markdown.
MARKDOWN_HELP = (
    "Markdown: a blank line starts a new paragraph; ## Heading for a section, ### for a sub-section; "
    "**bold**, *italic*; - item for a bulleted list, 1. item for a numbered one; [link text](https://…). "
    "HTML is cleaned: scripts, styles and embedded frames are removed."
)

ALLOWED_TAGS = {
    "a", "abbr", "blockquote", "br", "code", "em", "h2", "h3", "h4", "hr", "li", "ol",
    "p", "pre", "strong", "sub", "sup", "table", "tbody", "td", "th", "thead", "tr", "ul",
}  # fmt: skip
# ``lang`` (and a link's ``hreflang``) mark words in another language than the page's, such as an English
# source's title on a Spanish page (WCAG 3.1.2).
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "lang", "hreflang"}, "abbr": {"title"}, "h2": {"id"}, "h3": {"id"}, "th": {"scope"},
    "em": {"lang"}, "li": {"lang"}, "ol": {"lang"}, "p": {"lang"}, "ul": {"lang"},
}  # fmt: skip
# A visitor who follows a link to another site tells it nothing: no window handle, no Referer.
OUTBOUND_LINK_REL = "noopener noreferrer"


def render_markdown(text):
    """Render editor-written Markdown to HTML with scripts, handlers and styles removed.

    Raw HTML in the source is sanitised, never trusted; links to other sites get ``rel="noopener noreferrer"``
    while links within the site keep their Referer, which the contact form reads to learn the page a visitor came
    from; ``##`` headings get ids so sections can be linked to.
    """
    html = markdown_lib.markdown(
        text or "",
        extensions=["sane_lists", "tables", "toc"],
        extension_configs={"toc": {"permalink": False}},
        output_format="html",
    )
    # nh3's link_rel would mark every link alike, so it is off (and any rel an editor wrote is dropped).
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto", "tel"},
        link_rel=None,
    )
    return _mark_outbound_links(clean)


def _leaves_the_site(href):
    """True for a link a browser would follow to another host (``https://…``, ``//host``, ``/\\host``)."""
    target = urlsplit(href.strip().replace("\\", "/"))  # browsers read a backslash in a web URL as a slash
    return bool(target.netloc) or target.scheme in {"http", "https"}


class _OutboundStartTags(HTMLParser):
    """The exact text of every ``<a …>`` start tag whose href leaves the site."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = set()

    def handle_starttag(self, tag, attrs):
        if tag == "a" and _leaves_the_site(dict(attrs).get("href") or ""):
            self.found.add(self.get_starttag_text())


def _mark_outbound_links(clean_html):
    """Add OUTBOUND_LINK_REL to links that leave the site, in HTML that nh3 has sanitised.

    nh3 escapes every ``<`` in text and attribute values, so an ``<a …>`` start tag's text occurs in its output
    only as that tag, and replacing it changes nothing else.
    """
    parser = _OutboundStartTags()
    parser.feed(clean_html)
    parser.close()
    for start_tag in parser.found:
        clean_html = clean_html.replace(start_tag, f'{start_tag[:-1]} rel="{OUTBOUND_LINK_REL}">')
    return clean_html
