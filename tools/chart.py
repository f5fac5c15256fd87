"""A small line chart as hand-written SVG: panels side by side, both axes on a log scale, dashed guide lines.

Made for the search growth curve (tools/search_growth.py) and kept free of what it shows. Readable on a white
background without styles from the page around it; a <title> and a <desc> that states every plotted value make
it accessible to someone who cannot see it.
"""

import math
from html import escape
from typing import NamedTuple

PLOT_WIDTH, PLOT_HEIGHT = 330, 250
LEFT, TOP, GAP = 72, 64, 70  # room for the y labels, the title, and between panels
AXIS_ROOM = 52  # below each plot: tick labels and the axis title
LEGEND_ROW, LEGEND_COLUMNS = 22, 2  # a legend column per panel width
TEXT, GRID, FRAME, GUIDE = "#1a1a1a", "#dddddd", "#767676", "#333333"
GUIDE_DASHES = ["7 4", "2 3", "10 3 2 3"]


class Series(NamedTuple):
    label: str
    colour: str
    marker: str  # "circle" or "square"
    points: list  # [(x, y)], x and y > 0


class Guide(NamedTuple):
    label: str
    points: list  # [(x, y)]: a dashed line through them, drawn in every panel


def number(value):
    """A value as a reader expects it on an axis or in a sentence: 1,000, 15, 2.5."""
    return f"{value:,.0f}" if value >= 10 else f"{value:.2g}"


def log_ticks(low, high):
    """1, 2 and 5 times each power of ten between ``low`` and ``high``."""
    decades = range(math.floor(math.log10(low)), math.ceil(math.log10(high)) + 1)
    return [step * 10**decade for decade in decades for step in (1, 2, 5) if low <= step * 10**decade <= high]


def _log_axis(values, pad):
    """(low, high) bounds on a log scale around ``values``, ``pad`` decades beyond them on each side."""
    low, high = math.log10(min(values)) - pad, math.log10(max(values)) + pad
    return 10**low, 10**high


def _out_to_ticks(low, high):
    """``low`` and ``high`` moved out to the nearest 1-2-5 ticks, so every value lies between two labelled lines."""
    ticks = log_ticks(low / 10, high * 10)
    return max(tick for tick in ticks if tick <= low), min(tick for tick in ticks if tick >= high)


def _scale(low, high, start, length):
    """A function placing a value between ``low`` and ``high`` (log scale) along ``length`` pixels from ``start``."""
    span = math.log10(high) - math.log10(low)
    return lambda value: start + length * (math.log10(value) - math.log10(low)) / span


def _marker(shape, x, y, colour):
    if shape == "square":
        corner = f'x="{x - 4:.1f}" y="{y - 4:.1f}"'
        return f'<rect {corner} width="8" height="8" fill="#fff" stroke="{colour}" stroke-width="2"/>'
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4.5" fill="{colour}"/>'


def _polyline(points, attributes):
    coordinates = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
    return f'<polyline points="{coordinates}" fill="none" {attributes}/>'


def description(panels, guides, unit):
    """Every plotted value in words, for the chart's <desc>."""

    def values(points):
        return ", ".join(f"{y:,.1f} {unit} at {number(x)}" for x, y in points)  # as precise as the table

    parts = [
        f"{name}. " + "; ".join(f"{s.label}: {values(s.points)}" for s in series) + "."
        for name, series in panels.items()
    ]
    parts += [f"Dashed guide, {guide.label}: {values(guide.points)}." for guide in guides]
    return " ".join(parts)


def line_chart(*, title, panels, guides, x_title, y_title, unit):
    """The SVG text of one chart: ``panels`` maps a panel's heading to its Series; ``guides`` appear in each.

    Both axes are logarithmic and shared by every panel, so the panels compare at a glance.
    """
    series = [s for panel in panels.values() for s in panel]
    xs = [x for s in series for x, _ in s.points]
    ys = [y for s in series for _, y in s.points] + [y for g in guides for _, y in g.points]
    x_low, x_high = _log_axis(xs, 0.2)
    y_low, y_high = _out_to_ticks(*_log_axis(ys, 0.05))
    to_y = _scale(y_low, y_high, TOP + PLOT_HEIGHT, -PLOT_HEIGHT)
    legend = list(dict.fromkeys((s.label, s.colour, s.marker) for s in series))
    legend_top = TOP + PLOT_HEIGHT + AXIS_ROOM + 16
    legend_rows = math.ceil(len(legend) / LEGEND_COLUMNS) + math.ceil(len(guides) / LEGEND_COLUMNS)
    width = LEFT + len(panels) * PLOT_WIDTH + (len(panels) - 1) * GAP + 24
    height = legend_top + legend_rows * LEGEND_ROW + 8
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        'role="img" aria-labelledby="chart-title chart-desc" font-family="system-ui, -apple-system, Segoe UI, '
        f'Roboto, Helvetica, Arial, sans-serif" font-size="13" fill="{TEXT}">',
        f'<title id="chart-title">{escape(title)}</title>',
        f'<desc id="chart-desc">{escape(description(panels, guides, unit))}</desc>',
        f'<rect width="{width}" height="{height}" fill="#fff"/>',
        f'<text x="{LEFT}" y="26" font-size="17" font-weight="bold">{escape(title)}</text>',
        f'<text transform="translate(18 {TOP + PLOT_HEIGHT / 2}) rotate(-90)" text-anchor="middle">'
        f"{escape(y_title)}</text>",
    ]
    for index, (heading, panel) in enumerate(panels.items()):
        left = LEFT + index * (PLOT_WIDTH + GAP)
        to_x = _scale(x_low, x_high, left, PLOT_WIDTH)
        out.append(f'<text x="{left}" y="{TOP - 12}" font-size="14" font-weight="bold">{escape(heading)}</text>')
        for tick in log_ticks(y_low, y_high):
            y = to_y(tick)
            out.append(f'<line x1="{left}" x2="{left + PLOT_WIDTH}" y1="{y:.1f}" y2="{y:.1f}" stroke="{GRID}"/>')
            out.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{number(tick)}</text>')
        for tick in sorted(set(xs)):
            x = to_x(tick)
            bottom = TOP + PLOT_HEIGHT
            out.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{TOP}" y2="{bottom}" stroke="{GRID}"/>')
            out.append(f'<text x="{x:.1f}" y="{bottom + 18}" text-anchor="middle">{number(tick)}</text>')
        out.append(
            f'<rect x="{left}" y="{TOP}" width="{PLOT_WIDTH}" height="{PLOT_HEIGHT}" fill="none" stroke="{FRAME}"/>'
        )
        middle = left + PLOT_WIDTH / 2
        out.append(f'<text x="{middle}" y="{TOP + PLOT_HEIGHT + 40}" text-anchor="middle">{escape(x_title)}</text>')
        for guide, dashes in zip(guides, GUIDE_DASHES, strict=False):
            points = [(to_x(x), to_y(y)) for x, y in guide.points]
            out.append(_polyline(points, f'stroke="{GUIDE}" stroke-width="2" stroke-dasharray="{dashes}"'))
        for s in panel:
            points = [(to_x(x), to_y(y)) for x, y in s.points]
            out.append(_polyline(points, f'stroke="{s.colour}" stroke-width="2.5" stroke-linejoin="round"'))
            out.extend(_marker(s.marker, x, y, s.colour) for x, y in points)
    entries = [(label, _marker(marker, 0, 0, colour), colour, None) for label, colour, marker in legend]
    entries += [None] * (-len(entries) % LEGEND_COLUMNS)  # the guides start a row of their own
    entries += [(g.label, "", GUIDE, dashes) for g, dashes in zip(guides, GUIDE_DASHES, strict=False)]
    for place, entry in enumerate(entries):
        if entry is None:
            continue
        label, marker, colour, dashes = entry
        x = LEFT + (place % LEGEND_COLUMNS) * (PLOT_WIDTH + GAP)
        y = legend_top + (place // LEGEND_COLUMNS) * LEGEND_ROW
        dash = f' stroke-dasharray="{dashes}"' if dashes else ""
        width_of_line = 2 if dashes else 2.5
        out.append(f'<g transform="translate({x} {y})">')
        out.append(f'<line x1="0" x2="28" y1="0" y2="0" stroke="{colour}" stroke-width="{width_of_line}"{dash}/>')
        if marker:
            out.append(f'<g transform="translate(14 0)">{marker}</g>')
        out.append(f'<text x="36" y="4.5">{escape(label)}</text></g>')
    out.append("</svg>")
    return "\n".join(out) + "\n"
