"""On the phones people hold, 320 to 414 px wide, in either language: the call bar shows the whole number on one line,
and the header's Call button and Search toggle stand clearly apart ("Llamar" and "Buscar" are wider than "Call" and
"Search")."""

import pytest

pytestmark = pytest.mark.browser

WIDTHS = [320, 390, 414]
MIN_GAP_PX = 8  # between the Call button and the Search toggle: apart to the eye, and to a thumb
BOX = "(el) => { const r = el.getBoundingClientRect(); return {left: r.left, right: r.right, top: r.top}; }"
LINES = "(el) => new Set([...el.getClientRects()].map((r) => Math.round(r.top))).size"
# Whether the element's text runs out of its own box.
OVERFLOWS = "(el) => el.scrollWidth > el.clientWidth + 1"


@pytest.mark.parametrize(("path", "call"), [("/es/about/", "Llamar al"), ("/about/", "Call")])
def test_the_number_stays_whole_and_call_and_search_stand_apart(site_url, open_page, path, call):
    page = open_page(WIDTHS[0], 700)
    page.goto(site_url + path)
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 700})
        number = page.locator(".call-bar .unbroken")
        assert number.inner_text() == "(916) 555-0100"
        assert number.evaluate(LINES) == 1, f"{width} px: the number breaks over two lines"
        bar = page.locator(".call-bar").evaluate(BOX)
        for button in page.locator(".call-bar .btn").all():
            box = button.evaluate(BOX)
            assert box["left"] >= 0 and box["right"] <= width, f"{width} px: {button.inner_text()!r} runs off screen"
            assert box["top"] >= bar["top"], f"{width} px: {button.inner_text()!r} rises out of the bar"
        assert page.locator(".call-bar .btn").first.inner_text().startswith(call)

        search = page.locator(".header-search summary")
        call_box = page.locator(".btn-call").evaluate(BOX)
        gap = search.evaluate(BOX)["left"] - call_box["right"]
        assert gap >= MIN_GAP_PX, f"{width} px: Call and Search are {gap:.0f} px apart"
        assert page.locator(".language-switch").evaluate(BOX)["right"] < call_box["left"], f"{width} px: crowded"
        assert not search.evaluate(OVERFLOWS), f"{width} px: the Search toggle's word runs out of its box"
