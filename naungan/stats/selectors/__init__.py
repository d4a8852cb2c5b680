"""Statistics as a user may see them (DESIGN §11, §13): the area and period they ask for,
checked against their scope, and every table with suppression applied for their role.

* Supervisors and analysts (``STATISTICS_READERS``) of the area, nobody else (404).
* An area outside the reader's scope answers 404, like one that does not exist; an unknown
  code, a year or month out of range or an unknown dimension is a 422 naming the parameter.
* Analysts see cells below 5 as hidden (complementary cells too) and never a link to a case
  list; supervisors see every number, each linking to the case list filtered to it (the list
  shows only the cases they may see)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from naungan.accounts.models import User
from naungan.accounts.roles import STATISTICS_READERS, SUPERVISORS, user_in
from naungan.areas.models import Area, AreaLevel
from naungan.core.registry import stats_sources

from ..exceptions import BadParameter
from ..queries import counting
from ..queries.counting import BASES, INCIDENT, REPORT, Period
from ..queries.dimensions import DIMENSIONS, dimension_keys
from ..queries.suppression import suppress_cells, suppress_value
from ..router import stats_reads

FIRST_YEAR = 2000
# The case list's filter (``cases.forms.CaseFilterForm``, same name in ``GET /api/v1/cases``)
# for each dimension a dashboard number links by; ``area`` and ``month`` narrow the area and
# the dates. The service dimension counts service episodes, not cases: it has no link.
CASE_LIST_FILTER = {
    "area": "area",
    "violence_type": "violence_type",
    "gbv_type": "gbv_type",
    "tpks_type": "tpks_type",
    "age_group": "age_group",
    "sex": "sex",
    "disability": "disability",
    "place": "place",
    "relationship": "relationship",
    "perpetrator_age_group": "perpetrator_age_group",
    "channel": "channel",
}


def reads_unsuppressed(user: User) -> bool:
    """Supervisors see every number (CONTRACT §4); analysts and anyone else, aggregates with
    small cells hidden."""
    return user_in(user, SUPERVISORS)


def stats_area_get(*, user: User, code: str | None) -> Area:
    """The area ``user`` asks statistics for (their own when ``code`` is empty)."""
    if not user_in(user, STATISTICS_READERS) or user.area is None:
        raise Http404
    if not code:
        return user.area
    area = Area.objects.filter(code=code.strip()).first()
    if area is None:
        raise BadParameter("area", _("Kode wilayah tidak dikenal."))
    if not user.in_scope(area):
        raise Http404
    return area


def stats_period_get(
    *, area: Area, year: int | None, month: int | None = None, basis: str = REPORT
) -> Period:
    """The period asked for: ``year`` from 2000 to this year (default this year), ``month``
    1–12 or none, ``basis`` the report date (default) or the incident date."""
    this_year = timezone.localdate().year
    if year is None:
        year = this_year
    if not FIRST_YEAR <= year <= this_year:
        raise BadParameter(
            "year",
            _("Tahun harus antara %(first)s dan %(last)s.")
            % {"first": FIRST_YEAR, "last": this_year},
        )
    if month is not None and not 1 <= month <= 12:
        raise BadParameter("month", _("Bulan harus antara 1 dan 12."))
    if basis not in BASES:
        raise BadParameter("basis", _("Dasar tanggal harus tanggal laporan atau tanggal kejadian."))
    return Period(area=area, year=year, month=month, basis=basis)


def dimension_check(name: str) -> str:
    if name not in DIMENSIONS:
        raise BadParameter("dimension", _("Dimensi tidak dikenal."))
    return name


@dataclass
class Cell:
    key: str
    label: str
    value: int | None  # None: hidden ("<5")
    url: str = ""  # the case list behind ``cases`` (supervisors only)
    cases: int | None = None  # the cases behind the counted incidents (supervisors only)
    drill: str = ""  # the dashboard one level down (an area, a month)


@dataclass
class Table:
    name: str
    title: str
    cells: list[Cell]
    total: int | None = None
    total_url: str = ""
    partition: bool = True
    cases_total: int | None = None  # the period's cases (supervisors only), linked to total_url

    @property
    def max_value(self) -> int:
        return max([c.value or 0 for c in self.cells] + [1])


def case_list_filters(period: Period, dimension: str = "", key: str = "") -> dict[str, str]:
    """The case list's query for one number: the counted incidents of ``period``'s area and
    dates, narrowed to ``key`` of ``dimension`` (none: the period's total). The list then shows
    exactly the cases behind the number (those the reader may see)."""
    from datetime import timedelta

    start, end = period.bounds()
    if dimension == "month":
        year, month = (int(part) for part in key.split("-"))
        start, end = Period(area=period.area, year=year, month=month).bounds()
    params = {"area": period.area.code, "counted": "on"}
    prefix = "occurred" if period.basis == INCIDENT else "received"
    params[f"{prefix}_from"] = start.isoformat()
    params[f"{prefix}_to"] = (end - timedelta(days=1)).isoformat()
    if dimension in CASE_LIST_FILTER:
        params[CASE_LIST_FILTER[dimension]] = key
    return params


def _case_list_url(params: dict[str, str]) -> str:
    return reverse("cases:list") + "?" + urlencode(params)


def summary(*, user: User, period: Period) -> dict[str, Any]:
    """CONTRACT §4 ``stats/summary``: the counted incidents and their breakdown by violence
    type, age group and sex, hidden cells ``None`` for readers who see aggregates only."""
    hide = not reads_unsuppressed(user)
    with stats_reads() as using:
        total = counting.incidents_counted(period, using=using).count()
        violence = counting.dimension_counts("violence_type", period, using=using)
        ages = counting.dimension_counts("age_group", period, using=using)
        sexes = counting.dimension_counts("sex", period, using=using)

    def full(name: str, counts: dict[str, int]) -> dict[str, int]:
        return {key: counts.get(key, 0) for key, _label in dimension_keys(name, period)}

    return {
        "area": period.area.code,
        "year": period.year,
        "total_incidents": suppress_value(total, suppress=hide),
        "by_violence_type": suppress_cells(
            full("violence_type", violence), suppress=hide, total=total, partition=False
        ),
        "by_age_group": suppress_cells(full("age_group", ages), suppress=hide, total=total),
        "by_sex": suppress_cells(full("sex", sexes), suppress=hide, total=total),
        # Beyond the contract: the sections other apps register (referrals, risk, community,
        # training), suppressed alike.
        "sections": [
            {
                "source": s["source"],
                "title": s["title"],
                "rows": [{"label": label, "count": n} for label, n in s["rows"]],
                "total": s["total"],
            }
            for s in extra_sections(user=user, period=period)
        ],
    }


def totals(*, user: User, period: Period) -> dict[str, int | None]:
    """Incidents, cases, victims, perpetrators (each on its own: none is a part of another)."""
    hide = not reads_unsuppressed(user)
    with stats_reads() as using:
        raw = counting.totals(period, using=using)
    return {k: suppress_value(v, suppress=hide) for k, v in raw.items()}


def breakdown(
    *, user: User, period: Period, dimension: str, total: int, cases_total: int | None = None
) -> Table:
    """Counted incidents of ``period`` by ``dimension`` (services: episodes by service)."""
    dimension_check(dimension)
    spec = DIMENSIONS[dimension]
    hide = not reads_unsuppressed(user)
    with stats_reads() as using:
        if dimension == "service":
            counts: dict[str, int] = {}
            for r in counting.service_counts(period, using=using):
                counts[r["service"]] = counts.get(r["service"], 0) + r["n"]
        else:
            counts = counting.dimension_counts(dimension, period, using=using)
    keys = dimension_keys(dimension, period)
    raw = {key: counts.get(key, 0) for key, _label in keys}
    shown = suppress_cells(
        raw,
        suppress=hide,
        total=total if dimension != "service" else None,
        partition=spec.partition,
    )
    linked = not hide and (dimension in CASE_LIST_FILTER or dimension == "month")
    cases: dict[str, int] = {}
    if not linked:
        cases_total = None
    else:  # the cases behind each number: what the supervisor clicks
        with stats_reads() as using:
            cases = counting.dimension_case_counts(dimension, period, using=using)
            if cases_total is None:
                cases_total = counting.cases_counted(period, using=using)
    cells = []
    for key, label in keys:
        cell = Cell(key=key, label=label, value=shown[key])
        if linked:
            cell.cases = cases.get(key, 0)
            if dimension == "area":
                params = {**case_list_filters(period), "area": key}
            else:
                params = case_list_filters(period, dimension, key)
            cell.url = _case_list_url(params)
        cells.append(cell)
    table = Table(
        name=dimension,
        title=str(spec.title),
        cells=cells,
        total=suppress_value(total, suppress=hide) if dimension != "service" else None,
        total_url=_case_list_url(case_list_filters(period)) if linked else "",
        partition=spec.partition,
        cases_total=cases_total,
    )
    return table


def ranked_areas(table: Table) -> list[Cell]:
    """The areas of an area breakdown, most incidents first (hidden cells last)."""
    return sorted(table.cells, key=lambda c: (c.value is None, -(c.value or 0), c.label))


def services_by_unit(*, user: User, period: Period) -> list[dict[str, Any]]:
    """Services given by each unit (organisation), by service; hidden cells for analysts."""
    from naungan.orgs.models import Organisation

    hide = not reads_unsuppressed(user)
    with stats_reads() as using:
        rows = counting.service_counts(period, using=using)
    per: dict[tuple[int, str], int] = {}
    for r in rows:
        k = (r["organisation_id"], r["service"])
        per[k] = per.get(k, 0) + r["n"]
    orgs = Organisation.objects.in_bulk({k[0] for k in per})
    from naungan.services.models import Service

    labels = dict(Service.choices)
    out = []
    for (org_id, service), n in sorted(per.items(), key=lambda kv: (orgs[kv[0][0]].name, kv[0][1])):
        out.append(
            {
                "organisation": orgs[org_id].name,
                "service": str(labels.get(service, service)),
                "count": suppress_value(n, suppress=hide),
            }
        )
    return out


def services_by_month(*, user: User, period: Period) -> list[dict[str, Any]]:
    """Services given (episodes started) in each month of the period, by service; hidden
    cells for analysts (no total beside them: one case may have several)."""
    from naungan.services.models import Service

    from ..queries.dimensions import month_label

    hide = not reads_unsuppressed(user)
    with stats_reads() as using:
        rows = counting.service_counts(period, using=using)
    per: dict[tuple[str, str], int] = {}
    for r in rows:
        k = (r["month"], r["service"])
        per[k] = per.get(k, 0) + r["n"]
    labels = dict(Service.choices)
    out = []
    for (month, service), n in sorted(per.items()):
        year, _sep, m = month.partition("-")
        out.append(
            {
                "month": month_label(int(year), int(m)) if m else month,
                "service": str(labels.get(service, service)),
                "count": suppress_value(n, suppress=hide),
            }
        )
    return out


def clocks(*, user: User, period: Period) -> list[dict[str, Any]]:
    """Clocks due in the period: met, missed, running (hidden cells for analysts; the three
    add up to the clocks due, which is shown, so the complementary cell is hidden too)."""
    from naungan.cases.models import TaskKind

    hide = not reads_unsuppressed(user)
    with stats_reads() as using:
        raw = counting.clock_counts(period, using=using)
    labels: dict[str, str] = {
        TaskKind.FIRST_RESPONSE: _("Respons pertama (triase)"),
        TaskKind.POLICE_REPORT: _("Lapor ke polisi dalam 72 jam (UU TPKS Ps. 41)"),
        TaskKind.SHELTER_REVIEW: _("Tinjauan penampungan"),
    }
    out = []
    for kind, cells in raw.items():
        due = sum(cells.values())
        out.append(
            {
                "kind": kind,
                "label": labels[kind],
                "due": suppress_value(due, suppress=hide),
                **suppress_cells(cells, suppress=hide, total=due),
            }
        )
    return out


def extra_sections(*, user: User, period: Period) -> list[dict[str, Any]]:
    """The sections other apps register (``core.registry.register_stats_source``), with the
    same suppression."""
    hide = not reads_unsuppressed(user)
    out = []
    with stats_reads() as using:
        for name, source in sorted(stats_sources().items()):
            answer = source(area=period.area, year=period.year, month=period.month, using=using)
            sections = answer if isinstance(answer, list) else [answer]
            for section in sections:
                if section is None:
                    continue
                cells = suppress_cells(
                    dict(section.rows), suppress=hide, total=section.total, partition=True
                )
                out.append(
                    {
                        "source": name,
                        "title": str(section.title),
                        "rows": [(label, cells[label]) for label, _n in section.rows],
                        "total": None
                        if section.total is None
                        else suppress_value(section.total, suppress=hide),
                    }
                )
    return out


def child_level_name(area: Area) -> str:
    return {
        AreaLevel.PROVINCE: _("Kabupaten/kota"),
        AreaLevel.REGENCY: _("Kecamatan"),
        AreaLevel.DISTRICT: _("Kelurahan/desa"),
    }.get(AreaLevel(area.level), _("Wilayah"))


def totals_raw_incidents(period: Period) -> int:
    """The number of counted incidents, unsuppressed: the total a breakdown's complementary
    suppression works against (never shown as such to an analyst)."""
    with stats_reads() as using:
        return counting.incidents_counted(period, using=using).count()


def monthly_reports_visible_to(user: User) -> Any:
    """The monthly reports of areas in ``user``'s scope, in the version for their role
    (supervisors: every number; analysts: small cells hidden)."""
    from ..models import Audience, MonthlyReport

    if not user_in(user, STATISTICS_READERS) or user.area is None:
        return MonthlyReport.objects.none()
    audience = Audience.SUPERVISOR if reads_unsuppressed(user) else Audience.ANALYST
    return (
        MonthlyReport.objects.filter(user.area.contains_q("area__"), audience=audience)
        .select_related("area")
        .defer("pdf")
    )


def monthly_report_get(*, user: User, report_id: Any) -> Any:
    from django.shortcuts import get_object_or_404

    return get_object_or_404(monthly_reports_visible_to(user).defer(None), public_id=report_id)
