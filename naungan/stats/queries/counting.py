"""What statistics count and by which dimensions (DESIGN §7 counting rule, §7a, §13).

* An incident counts only with **reporting consent**, **not reported to another recording
  organisation** (so no unit counts what another already counted) and not withdrawn.
* Incidents, cases, victims and perpetrators are counted separately: a case with two incidents
  of one survivor is one case, one victim and two incidents. Cases, victims and perpetrators are
  those behind the counted incidents (a survivor who did not agree to be counted is not).
* By report date (the case's ``received_at``, in the area's time zone) or, as a second view, by
  incident date (``occurred_on``).
* The area is the case's area, read from the codes copied onto the case (``Case.area_*``):
  one indexed column, no join to the areas.

Every figure is one SQL aggregate (``GROUP BY`` or conditional counts): rows are never
loaded into Python to be counted."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from django.db.models import (
    Case as When_,
)
from django.db.models import (
    CharField,
    Count,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import Coalesce, TruncMonth
from django.utils import timezone

from naungan.areas.models import Area, AreaLevel
from naungan.cases.models import CaseParty, Incident, PartyRole, Task, TaskKind, TaskStatus
from naungan.core.vocabulary import PERPETRATOR_AGE_GROUPS, VICTIM_AGE_GROUPS

REPORT = "report"
INCIDENT = "incident"
BASES = (REPORT, INCIDENT)

UNKNOWN = "unknown"

# The child level whose column a drill-down groups by, for an area of each level.
CHILD_COLUMN = {
    AreaLevel.PROVINCE: "case__area_regency_code",
    AreaLevel.REGENCY: "case__area_district_code",
    AreaLevel.DISTRICT: "case__area_code",
}

CLOCK_KINDS = (TaskKind.FIRST_RESPONSE, TaskKind.POLICE_REPORT, TaskKind.SHELTER_REVIEW)


@dataclass(frozen=True)
class Period:
    """What to count: ``area`` and everything inside it, in ``year`` (and ``month``), by the
    report date or the incident date (``basis``)."""

    area: Area
    year: int
    month: int | None = None
    basis: str = REPORT

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.area.timezone)

    def bounds(self) -> tuple[date, date]:
        """First day of the period and first day after it."""
        if self.month is None:
            return date(self.year, 1, 1), date(self.year + 1, 1, 1)
        start = date(self.year, self.month, 1)
        end = date(self.year + (self.month == 12), self.month % 12 + 1, 1)
        return start, end

    def moment_bounds(self) -> tuple[datetime, datetime]:
        start, end = self.bounds()
        zone = self.zone
        return (
            datetime(start.year, start.month, start.day, tzinfo=zone),
            datetime(end.year, end.month, end.day, tzinfo=zone),
        )


def age_group(field: str, groups: list[tuple[str, int, int | None]]) -> When_:
    """SQL ``CASE`` giving the age group of ``field`` (``unknown`` when empty)."""
    whens = [When(**{f"{field}__isnull": True}, then=Value(UNKNOWN))]
    for key, low, high in groups:
        cond = Q(**{f"{field}__gte": low})
        if high is not None:
            cond &= Q(**{f"{field}__lte": high})
        whens.append(When(cond, then=Value(key)))
    return When_(*whens, default=Value(UNKNOWN), output_field=CharField())


def incidents_counted(period: Period, *, using: str = "default") -> QuerySet[Incident]:
    """The incidents that count for ``period`` (the counting rule above)."""
    qs = Incident.objects.using(using).filter(
        withdrawn_at__isnull=True, reporting_consent=True, reported_elsewhere=False
    )
    qs = qs.filter(period.area.contains_q("case__area_"))
    if period.basis == INCIDENT:
        start, end = period.bounds()
        return qs.filter(occurred_on__gte=start, occurred_on__lt=end)
    lo, hi = period.moment_bounds()
    return qs.filter(case__received_at__gte=lo, case__received_at__lt=hi)


def totals(period: Period, *, using: str = "default") -> dict[str, int]:
    """Incidents, cases, victims and perpetrators, each counted once (two queries)."""
    qs = incidents_counted(period, using=using)
    row = qs.aggregate(
        incidents=Count("id"),
        cases=Count("case_id", distinct=True),
        victims=Count("survivor_id", distinct=True),
    )
    perpetrators = (
        CaseParty.objects.using(using)
        .filter(role=PartyRole.PERPETRATOR, case_id__in=qs.values("case_id"))
        .aggregate(n=Count("person_id", distinct=True))["n"]
    )
    return {
        "incidents": row["incidents"] or 0,
        "cases": row["cases"] or 0,
        "victims": row["victims"] or 0,
        "perpetrators": perpetrators or 0,
    }


def _month_field(period: Period) -> Any:
    if period.basis == INCIDENT:
        return TruncMonth("occurred_on")
    return TruncMonth("case__received_at", tzinfo=period.zone)


def _grouped(qs: QuerySet[Any], expression: Any) -> dict[str, int]:
    rows = qs.annotate(k=expression).values("k").annotate(n=Count("id")).order_by("k")
    out: dict[str, int] = {}
    for r in rows:  # a handful of groups; "" and "unknown" both read as unknown
        key = _key(r["k"])
        out[key] = out.get(key, 0) + r["n"]
    return out


def _key(value: Any) -> str:
    if value is None or value == "":
        return UNKNOWN
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime | date):
        return f"{value.year:04d}-{value.month:02d}"
    return str(value)


def by_violence_type(period: Period, *, using: str = "default") -> dict[str, int]:
    """SIMFONI jenis kekerasan is multi-select: one conditional count per type, in one query
    (an incident with two types counts in both rows; the rows do not add up to the total).
    The types are the case's (``Case.violence_key``)."""
    from naungan.core.vocabulary import ViolenceType

    qs = incidents_counted(period, using=using)
    counts = qs.aggregate(
        **{
            v: Count("id", filter=Q(case__violence_key__contains=f",{v},"))
            for v in ViolenceType.values
        }
    )
    return {v: counts[v] or 0 for v in ViolenceType.values}


def dimension_counts(dimension: str, period: Period, *, using: str = "default") -> dict[str, int]:
    """Counted incidents by one dimension, ``{key: count}`` (``unknown`` for no value)."""
    if dimension == "violence_type":
        return by_violence_type(period, using=using)
    qs = incidents_counted(period, using=using)
    if dimension == "area":
        column = CHILD_COLUMN.get(AreaLevel(period.area.level))
        if column is None:  # a kelurahan has no smaller areas
            return {period.area.code: qs.count()}
        from django.db.models import F

        return _grouped(qs, F(column))
    expression = INCIDENT_DIMENSIONS[dimension]
    return _grouped(qs, expression(period))


# Dimensions of an incident: name -> expression for the GROUP BY.
INCIDENT_DIMENSIONS: dict[str, Any] = {
    "month": _month_field,
    "gbv_type": lambda p: Coalesce("gbv_type", Value("")),
    "tpks_type": lambda p: Coalesce("tpks_type", Value("")),
    "age_group": lambda p: age_group_survivor(),
    "sex": lambda p: Coalesce("survivor__sex", Value("")),
    "disability": lambda p: When_(
        When(survivor__disability=True, then=Value("true")),
        default=Value("false"),
        output_field=CharField(),
    ),
    "place": lambda p: Coalesce("place", Value("")),
    "relationship": lambda p: Coalesce("perpetrator_relationship", Value("")),
    "perpetrator_age_group": lambda p: age_group("perpetrator_age", PERPETRATOR_AGE_GROUPS),
    "channel": lambda p: Coalesce("case__channel", Value("")),
}


def age_group_survivor() -> When_:
    """The survivor's age at the incident, else the person's recorded age."""
    from django.db.models import IntegerField
    from django.db.models.lookups import GreaterThanOrEqual, IsNull, LessThanOrEqual

    age = Coalesce("survivor_age", "survivor__age", output_field=IntegerField())
    whens = [When(IsNull(age, True), then=Value(UNKNOWN))]
    for key, low, high in VICTIM_AGE_GROUPS:
        cond: Any = GreaterThanOrEqual(age, low)
        if high is not None:
            cond = Q(cond) & Q(LessThanOrEqual(age, high))
        whens.append(When(cond, then=Value(key)))
    return When_(*whens, default=Value(UNKNOWN), output_field=CharField())


def service_counts(period: Period, *, using: str = "default") -> list[dict[str, Any]]:
    """Services given (episodes started) in the period on the cases of the area, by service,
    giving unit and month (DESIGN §13): ``[{"service", "organisation_id", "month", "n"}]``."""
    from naungan.services.models import ServiceEpisode

    lo, hi = period.moment_bounds()
    rows = (
        ServiceEpisode.objects.using(using)
        .filter(period.area.contains_q("case__area_"), started_at__gte=lo, started_at__lt=hi)
        .annotate(month=TruncMonth("started_at", tzinfo=period.zone))
        .values("service", "organisation_id", "month")
        .annotate(n=Count("id"))
        .order_by("service", "organisation_id", "month")
    )
    return [{**r, "month": _key(r["month"])} for r in rows]


def clock_counts(period: Period, *, using: str = "default") -> dict[str, dict[str, int]]:
    """The statutory and service clocks due in the period on the cases of the area: how many
    were met (done by the deadline), missed (done late, or open past it) and still running,
    per kind (triage first response, the 72-hour police report, the shelter review). Waived and
    cancelled tasks are left out. One query."""
    from django.db.models import F

    lo, hi = period.moment_bounds()
    now = timezone.now()
    rows = (
        Task.objects.using(using)
        .filter(
            period.area.contains_q("case__area_"),
            kind__in=CLOCK_KINDS,
            due_at__gte=lo,
            due_at__lt=hi,
            status__in=(TaskStatus.OPEN, TaskStatus.DONE),
        )
        .values("kind")
        .annotate(
            met=Count("id", filter=Q(status=TaskStatus.DONE, completed_at__lte=F("due_at"))),
            missed=Count(
                "id",
                filter=Q(status=TaskStatus.DONE, completed_at__gt=F("due_at"))
                | Q(status=TaskStatus.OPEN, due_at__lt=now),
            ),
            running=Count("id", filter=Q(status=TaskStatus.OPEN, due_at__gte=now)),
        )
        .order_by("kind")
    )
    out: dict[str, dict[str, int]] = {
        str(k): {"met": 0, "missed": 0, "running": 0} for k in CLOCK_KINDS
    }
    for r in rows:
        out[r["kind"]] = {"met": r["met"], "missed": r["missed"], "running": r["running"]}
    return out


def dimension_case_counts(
    dimension: str, period: Period, *, using: str = "default"
) -> dict[str, int]:
    """The cases behind the counted incidents of each key of ``dimension`` (distinct cases,
    one query): the number a supervisor clicks, which the case list filtered to the cell
    shows exactly. ``total`` is the cases of the whole period."""
    from django.db.models import F

    from naungan.core.vocabulary import ViolenceType

    qs = incidents_counted(period, using=using)
    if dimension == "violence_type":
        counts = qs.aggregate(
            **{
                v: Count("case_id", distinct=True, filter=Q(case__violence_key__contains=f",{v},"))
                for v in ViolenceType.values
            }
        )
        return {v: counts[v] or 0 for v in ViolenceType.values}
    if dimension == "area":
        column = CHILD_COLUMN.get(AreaLevel(period.area.level))
        if column is None:
            return {period.area.code: qs.aggregate(n=Count("case_id", distinct=True))["n"] or 0}
        expression: Any = F(column)
    else:
        expression = INCIDENT_DIMENSIONS[dimension](period)
    rows = (
        qs.annotate(k=expression).values("k").annotate(n=Count("case_id", distinct=True))
    ).order_by("k")
    out: dict[str, int] = {}
    for r in rows:
        key = _key(r["k"])
        out[key] = out.get(key, 0) + r["n"]
    return out


def cases_counted(period: Period, *, using: str = "default") -> int:
    """The cases behind the counted incidents of ``period`` (one query)."""
    qs = incidents_counted(period, using=using)
    return qs.aggregate(n=Count("case_id", distinct=True))["n"] or 0
