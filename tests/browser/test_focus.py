"""Keyboard users see where they are: every element Tab reaches shows the site's focus ring, clearly.

WCAG 2.2 2.4.7 (focus visible) and, as the aim, 2.4.13 (focus appearance): a 3 px outline with at least 3:1
contrast against the surface it is drawn on and against the focused element's own background.
"""

import re

import pytest

from tests.support.browser import DESKTOP_WIDTH, PHONE_WIDTH
from tests.support.seed import PROGRAM_URL, SEED_ARTICLE_SLUG

pytestmark = pytest.mark.browser

PAGES = {
    "home": "/",
    "article": f"/articles/{SEED_ARTICLE_SLUG}/",
    "article list": "/articles/",
    "topic": "/topics/intensive-outpatient-program/",
    "program": PROGRAM_URL,
    "content page": "/about/",
    "notice": "/client-rights/",
    "our team": "/team/",
    "insurance and cost": "/insurance-and-cost/",
    "families": "/families/",
    "search results": "/search/?q=job",
    "contact form": "/contact/",
    "thank-you": "/contact/thanks/",
    "not found": "/no-such-page/",
}
MAX_TABS = 80  # more than any page has focusable elements; a page that needs more fails
MINIMUM_WIDTH_PX = 2  # WCAG 2.4.13's minimum; the site's ring is 3 px
MINIMUM_CONTRAST = 3.0

# What the focused element looks like: its outline, its own background, and the surface the ring is drawn on
# (the first ancestor with an opaque background; the ring sits 2 px outside the element).
FOCUSED = """async () => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  await Promise.all(el.getAnimations().map((transition) => transition.finished));  // Bootstrap's 0.15 s fades
  const style = getComputedStyle(el);
  const opaque = (colour) => !/^rgba\\(.*, 0\\)$|^transparent$/.test(colour);
  let surface = "rgb(255, 255, 255)";
  for (let node = el.parentElement; node; node = node.parentElement) {
    const colour = getComputedStyle(node).backgroundColor;
    if (opaque(colour)) { surface = colour; break; }
  }
  // Each element is numbered the first time it is focused, so the walk knows when it has come round.
  if (!el.dataset.tabWalk) el.dataset.tabWalk = document.querySelectorAll("[data-tab-walk]").length + 1;
  const label = (el.getAttribute("aria-label") || el.innerText || el.value || el.name || "").trim().slice(0, 40);
  const classes = el.className ? ` class="${el.className}"` : "";
  let kind = (el.type || el.tagName).toLowerCase();
  if (el.matches(".btn-call")) kind = "call button";
  if (el.type === "search") kind = "search box";
  return {
    key: el.dataset.tabWalk,
    element: `<${el.tagName.toLowerCase()}${el.type ? ` type=${el.type}` : ""}${classes}> ${label}`,
    kind: kind,
    checked: !!el.checked,
    outlineStyle: style.outlineStyle,
    outlineWidth: parseFloat(style.outlineWidth),
    outlineColor: style.outlineColor,
    background: opaque(style.backgroundColor) ? style.backgroundColor : null,
    surface: surface,
  };
}"""


def rgb(colour):
    return tuple(int(part) for part in re.findall(r"[\d.]+", colour)[:3])


def luminance(colour):
    def linear(channel):
        channel /= 255
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(c) for c in rgb(colour))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(first, second):
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def ring_problems(focused):
    """What is wrong with the focus ring of one focused element (an empty list when nothing is)."""
    problems = []
    if focused["outlineStyle"] == "none" or focused["outlineWidth"] < MINIMUM_WIDTH_PX:
        problems.append(f"outline {focused['outlineWidth']}px {focused['outlineStyle']}")
    against = {"the surface": focused["surface"], "its own background": focused["background"]}
    for name, colour in against.items():
        if colour and contrast(focused["outlineColor"], colour) < MINIMUM_CONTRAST:
            ratio = contrast(focused["outlineColor"], colour)
            problems.append(f"ring {focused['outlineColor']} is {ratio:.2f}:1 against {name} {colour}")
    return problems


def tab_through(page):
    """Every element Tab reaches, in order, as it looks when focused; checkable ones also once checked."""
    seen, focused_elements = set(), []
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused is None or focused["key"] in seen:
            return focused_elements  # back at the start: every element has had its turn
        seen.add(focused["key"])
        focused_elements.append(focused)
        if focused["kind"] in {"radio", "checkbox"} and not focused["checked"]:
            page.keyboard.press("Space")  # a checked control is darker: its ring must still stand out
            focused_elements.append(page.evaluate(FOCUSED))
    pytest.fail(f"more than {MAX_TABS} Tab presses and focus has not come round to the start")


@pytest.mark.parametrize("width", [PHONE_WIDTH, DESKTOP_WIDTH], ids=["phone", "desktop"])
@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_every_element_tab_reaches_shows_a_clear_focus_ring(site_url, open_page, path, width):
    page = open_page(width)
    page.goto(site_url + path)
    focused_elements = tab_through(page)
    assert len(focused_elements) > 5, "Tab should reach the header, the page and the footer"
    failures = [f"{f['element']}: {'; '.join(ring_problems(f))}" for f in focused_elements if ring_problems(f)]
    assert failures == [], "\n".join(failures)


def test_the_walk_reaches_every_kind_of_control(site_url, open_page):
    """The Call button, the search box, radios, checkboxes, a textarea, buttons and links are all met (the form's one
    select, the program, became radios so that its long names wrap on a phone)."""
    page = open_page()
    page.goto(site_url + "/contact/")
    kinds = {focused["kind"] for focused in tab_through(page)}
    expected = {"call button", "search box", "radio", "checkbox", "textarea", "submit", "a", "text"}
    assert expected <= kinds
