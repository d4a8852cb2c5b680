"""The coordination work of a coordinator (the kecamatan's Kasi Kessos, the dinas' data staff)
for their home page: where the community network has gaps in their area and what was done this
month. Numbers and place names only: no person, no report, no case."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from naungan.accounts.roles import PREVENTION_COORDINATORS, user_in
from naungan.areas.models import Area, AreaLevel

from .activities import activity_summary_rows
from .groups import KelurahanCoverage, coverage

# How many kelurahan a home page names before it says "and N more".
NAMED = 8


@dataclass
class Coordination:
    area: Area
    month_start: dt.date
    kelurahan: int = 0
    without_group: list[KelurahanCoverage] = field(default_factory=list)
    rt_total: int = 0
    rts_covered: int = 0
    rt_unknown: int = 0  # kelurahan with a group whose number of RTs is not recorded
    activities: int = 0
    attendance: int = 0
    quiet: list[Area] = field(default_factory=list)  # kelurahan without an activity this month

    @property
    def month(self) -> str:
        return f"{self.month_start:%Y-%m}"

    @property
    def rts_without(self) -> int:
        return self.rt_total - self.rts_covered

    @property
    def without_group_named(self) -> list[KelurahanCoverage]:
        return self.without_group[:NAMED]

    @property
    def without_group_more(self) -> int:
        return max(0, len(self.without_group) - NAMED)

    @property
    def quiet_named(self) -> list[Area]:
        return self.quiet[:NAMED]

    @property
    def quiet_more(self) -> int:
        return max(0, len(self.quiet) - NAMED)

    @property
    def printable(self) -> bool:
        return self.area.level == AreaLevel.DISTRICT


def coordination_of(user: Any, *, today: dt.date) -> Coordination | None:
    """The coverage gaps and this month's prevention activities in a coordinator's area (a
    kecamatan, a city or a province); None for anyone else or without an area."""
    area: Area | None = getattr(user, "area", None)
    if not user_in(user, PREVENTION_COORDINATORS) or area is None:
        return None
    if area.level == AreaLevel.VILLAGE:
        return None
    start = today.replace(day=1)
    end = dt.date(start.year + (start.month == 12), start.month % 12 + 1, 1)
    out = Coordination(area=area, month_start=start)
    for district in coverage(user=user, area=area):
        out.kelurahan += len(district.kelurahan)
        out.without_group += district.without_group
        out.rt_total += district.rt_total
        out.rts_covered += district.rts_covered
        out.rt_unknown += sum(1 for k in district.kelurahan if k.active and not k.rt_total)
    # Per kelurahan only where a kecamatan is short enough to name them; else the totals.
    rows = activity_summary_rows(user=user, area=area, start=start, end=end)
    out.activities = sum(r.activities for r in rows)
    out.attendance = sum(r.total for r in rows)
    if area.level == AreaLevel.DISTRICT:
        out.quiet = [r.area for r in rows if not r.activities]
    return out
