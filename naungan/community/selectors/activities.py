"""Reads of prevention activities, always scoped (DESIGN §11): activists the activities of
their kelurahan, supervisors and analysts those of their area; everyone else none."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Count, QuerySet, Sum
from django.utils.translation import gettext as _

from naungan.accounts.roles import ACTIVITY_SUMMARY_READERS, user_in
from naungan.areas.models import Area, AreaLevel
from naungan.core.selectors import area_scope_q
from naungan.orgs.models import Organisation, OrgKind

from ..exceptions import NotFound
from ..models import Activity, ActivityKind
from ..models.activities import ATTENDANCE_FIELDS

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


def activities_visible_to(user: Any) -> QuerySet[Activity]:
    """Activities whose kelurahan lies in the reader's scope (activists: their kelurahan)."""
    if not user_in(user, ACTIVITY_SUMMARY_READERS):
        return Activity.objects.none()
    return Activity.objects.filter(area_scope_q(user))


def month_parse(month: str) -> tuple[dt.date, dt.date]:
    """``YYYY-MM`` → the first day of the month and of the next; ValidationError naming
    ``month`` otherwise."""
    match = _MONTH.match((month or "").strip())
    if match is None or not 1 <= int(match.group(2)) <= 12 or int(match.group(1)) < 2000:
        raise ValidationError({"month": _("Bulan ditulis TTTT-BB, mis. 2026-03.")})
    year, mon = int(match.group(1)), int(match.group(2))
    start = dt.date(year, mon, 1)
    end = dt.date(year + (mon == 12), mon % 12 + 1, 1)
    return start, end


def summary_area(*, user: Any, area_code: str) -> Area:
    """An area the reader may summarise: known and inside their scope; else NotFound (404)."""
    if not user_in(user, ACTIVITY_SUMMARY_READERS):
        raise NotFound
    area = Area.objects.filter(code=(area_code or "").strip()).first()
    if area is None or not user.in_scope(area):
        raise NotFound
    return area


@dataclass(frozen=True)
class SummaryRow:
    """One line of a monthly summary: a kelurahan (with its group) or a whole area."""

    area: Area
    group_name: str
    activities: int
    attendance: dict[str, int]
    by_kind: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.attendance.values())

    @property
    def by_kind_labels(self) -> list[tuple[str, int]]:
        """The kinds held, by their label (never the code), with their counts."""
        return [(str(ActivityKind(k).label), n) for k, n in sorted(self.by_kind.items())]


def _totals(qs: QuerySet[Activity]) -> tuple[int, dict[str, int]]:
    agg = qs.aggregate(n=Count("id"), **{name: Sum(name) for name in ATTENDANCE_FIELDS})
    return int(agg["n"] or 0), {name: int(agg[name] or 0) for name in ATTENDANCE_FIELDS}


def activity_summary(*, user: Any, area_code: str, month: str) -> dict[str, Any]:
    """CONTRACT §4 ``GET /api/v1/activities/summary``: the number of activities in that area
    (and everything inside it) and month, and their attendance by sex and adult/child."""
    if not user_in(user, ACTIVITY_SUMMARY_READERS):
        raise NotFound
    start, end = month_parse(month)
    area = summary_area(user=user, area_code=area_code)
    qs = activities_visible_to(user).filter(
        area.contains_q("area__"), held_on__gte=start, held_on__lt=end
    )
    count, attendance = _totals(qs)
    return {
        "area": area.code,
        "month": f"{start:%Y-%m}",
        "activities": count,
        "attendance": attendance,
    }


def activity_summary_rows(
    *, user: Any, area: Area, start: dt.date, end: dt.date
) -> list[SummaryRow]:
    """The summary of ``area`` per kelurahan (each with its group's name), for the page and
    the kecamatan's printable report. Kelurahan without activities are listed with zeros when
    ``area`` is a kecamatan, so that the report shows where nothing happened."""
    qs = activities_visible_to(user).filter(
        area.contains_q("area__"), held_on__gte=start, held_on__lt=end
    )
    grouped: dict[int, dict[str, Any]] = {}
    rows_by_kind: Any = qs.values("area_id", "kind").annotate(
        n=Count("id"), **{name: Sum(name) for name in ATTENDANCE_FIELDS}
    )
    for row in rows_by_kind:
        entry = grouped.setdefault(
            row["area_id"], {"n": 0, "by_kind": {}, **dict.fromkeys(ATTENDANCE_FIELDS, 0)}
        )
        entry["n"] += row["n"]
        entry["by_kind"][row["kind"]] = entry["by_kind"].get(row["kind"], 0) + row["n"]
        for name in ATTENDANCE_FIELDS:
            entry[name] += int(row[name] or 0)
    if area.level == AreaLevel.DISTRICT:
        villages = list(Area.objects.filter(parent=area, level=AreaLevel.VILLAGE).order_by("name"))
    else:
        villages = list(Area.objects.filter(pk__in=grouped).order_by("name"))
    groups = dict(
        Organisation.objects.filter(
            kind=OrgKind.PPATBM, area__in=villages, active=True
        ).values_list("area_id", "name")
    )
    rows = []
    for village in villages:
        entry = grouped.get(village.pk, {"n": 0, "by_kind": {}})
        rows.append(
            SummaryRow(
                area=village,
                group_name=groups.get(village.pk, ""),
                activities=entry["n"],
                attendance={name: int(entry.get(name, 0)) for name in ATTENDANCE_FIELDS},
                by_kind=entry["by_kind"],
            )
        )
    return rows
