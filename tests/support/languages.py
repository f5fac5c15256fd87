"""What a page and the sitemap say about a page's versions in other languages (``hreflang`` alternates)."""

import xml.etree.ElementTree as ET

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def hreflang_alternates(page):
    """{(hreflang, href)} of the versions a parsed page's <head> lists (the feed's alternate link has no hreflang)."""
    return {
        (link.attrs["hreflang"], link.attrs["href"])
        for link in page.find_all("link", rel="alternate")
        if "hreflang" in link.attrs
    }


def sitemap_alternates(client):
    """{location: {(hreflang, href)}} for every address in /sitemap.xml."""
    root = ET.fromstring(client.get("/sitemap.xml").content)  # noqa: S314 - our own sitemap, rendered in the test
    return {
        url.find(f"{SITEMAP}loc").text: {(link.get("hreflang"), link.get("href")) for link in url.iter(f"{XHTML}link")}
        for url in root.iter(f"{SITEMAP}url")
    }
