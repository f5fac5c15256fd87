"""Markdown → safe HTML: the one function every body on the site is rendered with."""

import markdown as markdown_lib
import nh3

ALLOWED_TAGS = {
    "a", "abbr", "blockquote", "br", "code", "em", "h2", "h3", "h4", "hr", "li", "ol",
    "p", "pre", "strong", "sub", "sup", "table", "tbody", "td", "th", "thead", "tr", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "h2": {"id"}, "h3": {"id"}, "th": {"scope"}}


def render_markdown(text):
    """Render editor-written Markdown to HTML with scripts, handlers and styles removed.

    Raw HTML in the source is sanitised, never trusted; links open no window handle
    (``rel="noopener"``); ``##`` headings get ids so sections can be linked to.
    """
    html = markdown_lib.markdown(
        text or "",
        extensions=["sane_lists", "tables", "toc"],
        extension_configs={"toc": {"permalink": False}},
        output_format="html",
    )
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto", "tel"},
        link_rel="noopener",
    )
