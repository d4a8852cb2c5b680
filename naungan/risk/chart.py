"""The risk history chart, drawn on the server as SVG coordinates (no script, no external
resource). Readable without colour: each point has a marker shape per level and its score
written beside it; the page shows the same data as a table under it."""

from __future__ import annotations

from dataclasses import dataclass

from .selectors import RiskPoint

WIDTH, HEIGHT = 640, 240
LEFT, RIGHT, TOP, BOTTOM = 44, 16, 16, 40
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


def _poly(x: float, y: float, shape: str) -> str:
    if shape == "triangle":
        pts = [(x, y - 7), (x - 7, y + 6), (x + 7, y + 6)]
    else:
        pts = [(x, y - 7), (x + 7, y), (x, y + 7), (x - 7, y)]
    return " ".join(f"{a:.1f},{b:.1f}" for a, b in pts)


def risk_chart(points: list[RiskPoint], date_labels: list[str]) -> Chart | None:
    """Scores as a share of each instrument's maximum (DASH of 24, DA of 20), oldest left."""
    if not points:
        return None
    plot_w = WIDTH - LEFT - RIGHT
    plot_h = HEIGHT - TOP - BOTTOM
    n = len(points)
    dots = []
    for i, (p, day) in enumerate(zip(points, date_labels, strict=True)):
        x = LEFT + (plot_w * (i + 0.5) / n)
        share = p.score / p.max_score if p.max_score else 0
        y = TOP + plot_h * (1 - share)
        shape = SHAPES.get(p.level, "diamond")
        dots.append(
            Dot(
                x=_n(x),
                y=_n(y),
                box_x=_n(x - 7),
                box_y=_n(y - 7),
                label_y=_n(y - 11),
                shape=shape,
                label=f"{p.score}/{p.max_score}",
                level=p.level_label,
                date_label=day,
                triangle=_poly(x, y, shape),
            )
        )
    line = " ".join(f"{d.x},{d.y}" for d in dots)
    grid = [(_n(TOP + plot_h * (1 - f)), f"{int(f * 100)}%") for f in (0, 0.5, 1)]
    return Chart(
        width=WIDTH,
        height=HEIGHT,
        dots=dots,
        line=line,
        gridlines=grid,
        threshold_y=_n(TOP + plot_h * (1 - 14 / 24)),
        bottom=_n(HEIGHT - BOTTOM),
        axis_label_y=_n(HEIGHT - BOTTOM + 16),
        left=_n(LEFT),
        label_x=_n(LEFT - 6),
        right=_n(WIDTH - RIGHT),
    )
