"""The risk history chart, drawn on the server as SVG coordinates (no script, no external
resource). Readable without colour: each point has a marker shape per level and its score
written beside it; the page shows the same data as a table under it."""

from __future__ import annotations

from dataclasses import dataclass

from .selectors import RiskPoint

WIDTH, HEIGHT = 640, 240
LEFT, RIGHT, TOP, BOTTOM = 44, 16, 16, 40
SHAPES = {"high": "square", "medium": "triangle", "standard": "circle", "": "diamond"}


@dataclass(frozen=True)
class Dot:
    x: float
    y: float
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
    gridlines: list[tuple[float, str]]  # y, label
    threshold_y: float | None
    bottom: float
    left: int
    right: float


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
                x=round(x, 1),
                y=round(y, 1),
                shape=shape,
                label=f"{p.score}/{p.max_score}",
                level=p.level_label,
                date_label=day,
                triangle=_poly(x, y, shape),
            )
        )
    line = " ".join(f"{d.x},{d.y}" for d in dots)
    grid = [(round(TOP + plot_h * (1 - f), 1), f"{int(f * 100)}%") for f in (0, 0.5, 1)]
    return Chart(
        width=WIDTH,
        height=HEIGHT,
        dots=dots,
        line=line,
        gridlines=grid,
        threshold_y=round(TOP + plot_h * (1 - 14 / 24), 1),
        bottom=HEIGHT - BOTTOM,
        left=LEFT,
        right=WIDTH - RIGHT,
    )
