"""make screenshots: every public page type at 390 px and 1280 px wide, into docs/screenshots/.

The server runs in production mode (tests/support/servers.py). A page type that does not answer its expected
status fails the run instead of being left out. Screenshots are full-page up to a height limit and
saved as palette PNGs so they stay small enough to commit. Close-ups of the focus ring on the Call button, the
search box and a radio button, reached with the Tab key as a keyboard user would, go to focus-*.png.
The pages that show the center's facts are also shot with every fact filled in (made-up example values, from
tests/support/builders.py ``fill_center_facts``), as filled-*.png, since the seed shows only placeholders.
"""

import sys

from PIL import Image
from playwright.sync_api import sync_playwright

from tests.support.browser import CHROMIUM, CHROMIUM_ARGS
from tests.support.figures import replace_section
from tests.support.page_types import PageTypeError, page_types
from tests.support.seed import ROOT
from tests.support.servers import manage, production_server

OUT = ROOT / "docs" / "screenshots"
WIDTHS = {390: 844, 1280: 900}
MAX_HEIGHT = 3200
# (name, page, element, opener) for the focus close-ups: the controls whose focus ring Bootstrap used to hide.
# The opener, when Tab reaches it, is pressed to show the element: on a phone, the header's Search button.
FOCUS_SHOTS = [
    ("call", "/", ".btn-call", None),
    ("search", "/", "#site-search-q", ".header-search summary"),
    ("radio", "/contact/", "input[type=radio]", None),
]
# The page types whose look changes once staff enter the center's facts.
FILLED_PAGES = ("home", "program", "insurance", "families", "team", "notice")
FILL_EXAMPLE_FACTS = "from tests.support.builders import fill_center_facts; fill_center_facts()"
FOCUS_MARGIN = 48  # px of the surroundings around the focused element
MAX_TABS = 80


def shrink(path):
    """Crop to MAX_HEIGHT and store with a 256-colour palette (text and flat colours survive it well)."""
    with Image.open(path) as image:
        image = image.convert("RGB")
        if image.height > MAX_HEIGHT:
            image = image.crop((0, 0, image.width, MAX_HEIGHT))
        image.quantize(colors=256, method=Image.Quantize.MEDIANCUT).save(path, optimize=True)


def focus_screenshots(browser, base_url):
    """A close-up of each FOCUS_SHOTS element at each width, focused with the Tab key; returns the files."""
    saved = []
    for width, height in WIDTHS.items():
        page = browser.new_page(viewport={"width": width, "height": height})
        for name, path, selector, opener in FOCUS_SHOTS:
            page.goto(base_url + path)
            target = page.locator(selector).first
            for _ in range(MAX_TABS):
                page.keyboard.press("Tab")
                if opener and page.locator(opener).evaluate("element => element === document.activeElement"):
                    page.keyboard.press("Enter")  # static/js/header-search.js then focuses the box
                if target.evaluate("element => element === document.activeElement"):
                    break
            else:
                raise RuntimeError(f"Tab never reached {selector} on {path}")
            page.wait_for_timeout(300)  # Bootstrap's 0.15 s colour fade
            box = target.bounding_box()
            left, top = max(box["x"] - FOCUS_MARGIN, 0), max(box["y"] - FOCUS_MARGIN, 0)
            clip = {
                "x": left,
                "y": top,
                "width": min(box["width"] + 2 * FOCUS_MARGIN, width - left),
                "height": box["height"] + 2 * FOCUS_MARGIN,
            }
            out = OUT / f"focus-{name}-{width}.png"
            page.screenshot(path=out, clip=clip)
            shrink(out)
            saved.append(out)
        page.close()
    return saved


def page_screenshots(browser, base_url, pages, prefix=""):
    """Each of ``pages`` at each width, full page, as ``<prefix><name>-<width>.png``; returns the files."""
    saved = []
    for width, height in WIDTHS.items():
        page = browser.new_page(viewport={"width": width, "height": height})
        for name, path in pages:
            page.goto(base_url + path)
            # A full-page shot draws the fixed call bar where the first screen ends, over the middle of the page:
            # it is shown at the end of the page instead (header-mid-article-390.png shows it as a phone does).
            page.evaluate("document.querySelectorAll('.call-bar').forEach((bar) => { bar.style.position = 'static'; })")
            target = OUT / f"{prefix}{name}-{width}.png"
            page.screenshot(path=target, full_page=True)
            shrink(target)
            saved.append(target)
        page.close()
    return saved


def gallery_rows(pages, prefix=""):
    rows = ["| page | phone (390 px) | desktop (1280 px) |", "|---|---|---|"]
    return rows + [
        f"| {name} | ![{name}, phone](screenshots/{prefix}{name}-390.png) "
        f"| ![{name}, desktop](screenshots/{prefix}{name}-1280.png) |"
        for name, _ in pages
    ]


def fill_example_facts(env):
    manage(env, "shell", "-c", FILL_EXAMPLE_FACTS)


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    saved = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            with production_server() as base_url:
                pages = page_types(base_url)
                saved += page_screenshots(browser, base_url, pages)
                saved += focus_screenshots(browser, base_url)
            with production_server(setup=fill_example_facts) as base_url:
                filled = page_types(base_url, only=FILLED_PAGES)
                saved += page_screenshots(browser, base_url, filled, prefix="filled-")
        except PageTypeError as error:
            print(f"\nSCREENSHOTS FAILED:\n{error}", file=sys.stderr)
            return 1
        finally:
            browser.close()
    for target in saved:
        print(f"{target.relative_to(ROOT)}  {target.stat().st_size // 1024} KiB")
    replace_section("quality.md", "gallery", gallery_rows(pages))
    replace_section("quality.md", "filled-gallery", gallery_rows(filled, prefix="filled-"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
