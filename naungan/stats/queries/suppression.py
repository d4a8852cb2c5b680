"""Small-cell suppression for readers who see aggregates only (analysts, the province):
DESIGN §13, CONTRACT §4.

* Primary: every cell below ``THRESHOLD`` (5) is hidden ("<5" on a page, ``null`` in the API).
  Zero is below 5 too: an empty cell says as much about a small population as a 1 does.
* Complementary: where a total is shown beside parts that add up to it, a single hidden part
  could be derived (total minus the others). Then the smallest shown part is hidden as well,
  so that at least two parts are hidden and neither can be worked out. A total that is itself
  below 5 hides every part (each is at most the total).

Supervisors see every number: the functions take ``suppress`` and return the cells as given
when it is false."""

from __future__ import annotations

from collections.abc import Mapping

THRESHOLD = 5


def suppress_cells(
    cells: Mapping[str, int], *, suppress: bool, total: int | None = None, partition: bool = True
) -> dict[str, int | None]:
    """``cells`` with the hidden ones ``None``. ``total`` is the total shown beside them (or
    None when none is); ``partition`` says whether the cells add up to it (a multi-select
    dimension's do not, and none can be derived from it)."""
    out: dict[str, int | None] = dict(cells)
    if not suppress:
        return out
    for key, value in cells.items():
        if value < THRESHOLD:
            out[key] = None
    if total is not None and partition and total >= THRESHOLD:
        hidden = [k for k, v in out.items() if v is None]
        if len(hidden) == 1:
            shown = sorted((v, k) for k, v in out.items() if v is not None)
            if shown:
                out[shown[0][1]] = None
    return out


def suppress_value(value: int, *, suppress: bool) -> int | None:
    return None if suppress and value < THRESHOLD else value
