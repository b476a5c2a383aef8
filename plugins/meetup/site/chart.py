"""Attendance over time as an inline SVG, drawn at build time (no JavaScript).

Pure: a series of ``(date, total, exact)`` in, an SVG string out.  Horizontal
positions are percentages and vertical ones pixels, so the chart stretches to
the width of the page while its text keeps its size (a viewBox would shrink
the labels to unreadable on a phone).  Colours come from the stylesheet
(classes), so dark mode and print need nothing here.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Sequence
from html import escape

HEIGHT = 240
TOP, BOTTOM = 16, 32  # pixels kept free above the plot and below it (year labels)
LEFT, RIGHT = 9.0, 97.0  # the plot's horizontal extent in percent of the width

Point = tuple[dt.date, int, bool]


def _nice_ceiling(value: int) -> int:
    """The smallest multiple of 5 (at least 5) that is >= value."""
    return max(5, math.ceil(value / 5) * 5)


def _num(value: float) -> str:
    """Fixed two decimals: the same input gives the same bytes."""
    return f"{value:.2f}"


def attendance_svg(
    series: Sequence[Point],
    *,
    title: str,
    description: str,
    point_label: Callable[[dt.date, int, bool], str],
    id_prefix: str = "attendance",
) -> str:
    """The chart as an ``<svg>`` element; "" for an empty series.

    ``point_label`` gives the tooltip of one point (e.g. German date and count);
    ``title`` and ``description`` name the chart for assistive technology,
    which gets the figures from the table next to it.
    """
    points = sorted(series, key=lambda point: point[0])
    if not points:
        return ""
    first, last = points[0][0], points[-1][0]
    span_days = (last - first).days
    y_max = _nice_ceiling(max(total for _, total, _ in points))
    plot_height = HEIGHT - TOP - BOTTOM

    def x_percent(day: dt.date) -> float:
        if span_days == 0:
            return (LEFT + RIGHT) / 2
        return LEFT + (RIGHT - LEFT) * (day - first).days / span_days

    def y_pixels(total: int) -> float:
        return TOP + plot_height * (1 - total / y_max)

    title_id, desc_id = f"{id_prefix}-title", f"{id_prefix}-desc"
    parts = [
        f'<svg class="chart" width="100%" height="{HEIGHT}" role="img" '
        f'aria-labelledby="{title_id} {desc_id}" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{title_id}">{escape(title)}</title>',
        f'<desc id="{desc_id}">{escape(description)}</desc>',
    ]
    # Horizontal grid with its scale, every fifth (or tenth, for big groups).
    step = 5 if y_max <= 30 else 10
    for tick in range(0, y_max + 1, step):
        y = _num(y_pixels(tick))
        parts.append(
            f'<line class="grid" x1="{LEFT}%" x2="{RIGHT}%" y1="{y}" y2="{y}"/>'
            f'<text class="tick" x="{LEFT - 1.5}%" y="{y}" dy="0.35em" '
            f'text-anchor="end">{tick}</text>'
        )
    # Year labels below the plot, centred on the part of the year shown.
    for year in range(first.year, last.year + 1):
        start = max(first, dt.date(year, 1, 1))
        end = min(last, dt.date(year, 12, 31))
        middle = start + (end - start) / 2
        if year > first.year:
            x = _num(x_percent(dt.date(year, 1, 1)))
            parts.append(
                f'<line class="year" x1="{x}%" x2="{x}%" y1="{TOP}" '
                f'y2="{HEIGHT - BOTTOM}"/>'
            )
        parts.append(
            f'<text class="tick" x="{_num(x_percent(middle))}%" y="{HEIGHT - 10}" '
            f'text-anchor="middle">{year}</text>'
        )
    # The line, as segments: a polyline cannot take percentages.
    for (day_a, total_a, _), (day_b, total_b, _) in zip(points, points[1:]):
        parts.append(
            f'<line class="series" x1="{_num(x_percent(day_a))}%" '
            f'y1="{_num(y_pixels(total_a))}" x2="{_num(x_percent(day_b))}%" '
            f'y2="{_num(y_pixels(total_b))}"/>'
        )
    for day, total, exact in points:
        css_class = "point" if exact else "point open"
        parts.append(
            f'<circle class="{css_class}" cx="{_num(x_percent(day))}%" '
            f'cy="{_num(y_pixels(total))}" r="4">'
            f"<title>{escape(point_label(day, total, exact))}</title></circle>"
        )
    parts.append("</svg>")
    return "".join(parts)
