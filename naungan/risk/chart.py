"""The risk history chart, drawn on the server as SVG coordinates (no script, no external
resource). Readable without colour: each point has a marker shape per level and its score
written beside it; the page shows the same data as a table under it."""

from __future__ import annotations

from dataclasses import dataclass

from .selectors import RiskPoint

WIDTH, HEIGHT = 640, 240
LEFT, RIGHT, TOP, BOTTOM = 44, 16, 16, 40
# The phone's chart (shown below 576 px instead of the wide one): drawn about as wide as a
# 360 px screen shows it, so a text of 14 units reads as about 13-14 px, and each point's
# level is written on its own line above its score.
NARROW = {"width": 340, "height": 300, "left": 46, "right": 8, "top": 62, "bottom": 36}
SHAPES = {"high": "square", "medium": "triangle", "standard": "circle", "": "diamond"}


def _n(value: float) -> str:
    """A coordinate as SVG reads it (a point, never the page language's decimal comma)."""
    return f"{value:.1f}"


@dataclass(frozen=True)
class Dot:
    """One point. Every coordinate is a string already: templates localise numbers."""

    x: str
    y: str
    box_x: str  # the square's corner
    box_y: str
    label_y: str
    level_y: str  # the level's own line above the score (the phone's chart)
    shape: str
    label: str  # the score as read, e.g. "14/24"
    level: str
    date_label: str
    triangle: str  # polygon points for the triangle and diamond shapes


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    dots: list[Dot]
    line: str
    gridlines: list[tuple[str, str]]  # y, label
    threshold_y: str
    bottom: str
    axis_label_y: str
    left: str
    label_x: str
    right: str
    narrow: bool = False
    axis_font: int = 11  # gridline, threshold and row-number texts
    point_font: int = 12  # the score and level beside each point
    # The phone's key of the dashed line, above the plot (the labels of a 100 % point end
    # below it).
    key_y: str = "12.0"
    key_line_x: str = ""
    key_text_x: str = ""


def _poly(x: float, y: float, shape: str) -> str:
    if shape == "triangle":
        pts = [(x, y - 7), (x - 7, y + 6), (x + 7, y + 6)]
    else:
        pts = [(x, y - 7), (x + 7, y), (x, y + 7), (x - 7, y)]
    return " ".join(f"{a:.1f},{b:.1f}" for a, b in pts)


def risk_chart(
    points: list[RiskPoint], date_labels: list[str], *, narrow: bool = False
) -> Chart | None:
    """Scores as a share of each instrument's maximum (DASH of 24, DA of 20), oldest left.
    ``narrow``: the phone's drawing (``NARROW``), larger texts in a smaller box."""
    if not points:
        return None
    if narrow:
        width, height = NARROW["width"], NARROW["height"]
        left, right, top, bottom = (NARROW[k] for k in ("left", "right", "top", "bottom"))
        axis_font, point_font = 14, 15
    else:
        width, height, left, right, top, bottom = WIDTH, HEIGHT, LEFT, RIGHT, TOP, BOTTOM
        axis_font, point_font = 11, 12
    plot_w = width - left - right
    plot_h = height - top - bottom
    n = len(points)
    dots = []
    for i, (p, day) in enumerate(zip(points, date_labels, strict=True)):
        x = left + (plot_w * (i + 0.5) / n)
        share = p.score / p.max_score if p.max_score else 0
        y = top + plot_h * (1 - share)
        shape = SHAPES.get(p.level, "diamond")
        dots.append(
            Dot(
                x=_n(x),
                y=_n(y),
                box_x=_n(x - 7),
                box_y=_n(y - 7),
                label_y=_n(y - 11),
                level_y=_n(y - 11 - point_font - 2),
                shape=shape,
                label=f"{p.score}/{p.max_score}",
                level=p.level_label,
                date_label=day,
                triangle=_poly(x, y, shape),
            )
        )
    line = " ".join(f"{d.x},{d.y}" for d in dots)
    grid = [(_n(top + plot_h * (1 - f)), f"{int(f * 100)}%") for f in (0, 0.5, 1)]
    return Chart(
        width=width,
        height=height,
        dots=dots,
        line=line,
        gridlines=grid,
        threshold_y=_n(top + plot_h * (1 - 14 / 24)),
        bottom=_n(height - bottom),
        axis_label_y=_n(height - bottom + axis_font + 6),
        left=_n(left),
        label_x=_n(left - 6),
        right=_n(width - right),
        narrow=narrow,
        key_line_x=_n(left + 24),
        key_text_x=_n(left + 30),
        axis_font=axis_font,
        point_font=point_font,
    )
