"""The counting rule (DESIGN §7): reporting consent, not reported elsewhere, not withdrawn;
incidents, cases, victims and perpetrators counted separately."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from naungan.areas.models import Area
from naungan.cases.services.incidents import incident_withdraw
from naungan.stats.queries import counting
from naungan.stats.queries.counting import INCIDENT, Period

from .conftest import YEAR


def _period(code: str = "64.71", **kwargs: Any) -> Period:
    return Period(area=Area.objects.get(code=code), year=YEAR, **kwargs)


def test_an_incident_without_reporting_consent_is_not_counted(case_with: Any) -> None:
    case_with(1)
    case_with(1, reporting_consent=False)
    assert counting.totals(_period())["incidents"] == 1


def test_an_incident_reported_to_another_recording_organisation_is_not_counted(
    case_with: Any,
) -> None:
    case_with(1)
    case_with(2, reported_elsewhere=True)
    assert counting.totals(_period())["incidents"] == 1


def test_a_withdrawn_incident_is_not_counted(case_with: Any, personas: Any) -> None:
    case = case_with(2)
    incident = case.incidents.first()
    incident_withdraw(actor=personas["supervisor_bpp"].user, incident=incident, reason="Salah")
    assert counting.totals(_period())["incidents"] == 1


def test_incidents_cases_victims_and_perpetrators_are_counted_separately(
    case_with: Any, personas: Any
) -> None:
    case_with(
        2,
        perpetrators=[{"name": "Budi", "relationship": "family"}, {"name": "Joko"}],
    )
    case_with(1, victims=[{"name": "Ani", "age": 30}, {"name": "Rina", "age": 8}])
    t = counting.totals(_period())
    assert t == {"incidents": 3, "cases": 2, "victims": 2, "perpetrators": 2}


def test_a_case_of_another_area_or_year_is_not_counted(case_with: Any) -> None:
    case_with(1)
    case_with(1, area="62.71.01")
    assert counting.totals(_period())["incidents"] == 1
    assert counting.totals(_period("62"))["incidents"] == 1
    assert counting.totals(Period(area=Area.objects.get(code="64.71"), year=YEAR - 1)) == {
        "incidents": 0,
        "cases": 0,
        "victims": 0,
        "perpetrators": 0,
    }


def test_by_report_month_or_by_incident_month(case_with: Any) -> None:
    from datetime import date

    case_with(1, month=3, occurred_on=date(YEAR, 1, 20))
    by_report = counting.dimension_counts("month", _period())
    by_incident = counting.dimension_counts("month", _period(basis=INCIDENT))
    assert by_report == {f"{YEAR}-03": 1}
    assert by_incident == {f"{YEAR}-01": 1}
    assert counting.totals(_period(month=3))["incidents"] == 1
    assert counting.totals(_period(month=1))["incidents"] == 0


def test_dimensions_group_in_sql(case_with: Any, django_assert_num_queries: Any) -> None:
    case_with(2, survivor_age=4, place="household", perpetrator_relationship="family")
    case_with(1, survivor_age=30, place="school")
    case_with(1, survivor_age=None, violence_types=["physical", "sexual"])
    p = _period()
    with django_assert_num_queries(1):
        ages = counting.dimension_counts("age_group", p)
    # The last case's victim is 15 (the factory's default age) when the incident has none.
    assert ages == {"0-5": 2, "13-17": 1, "25-44": 1}
    assert counting.dimension_counts("place", p) == {"household": 2, "school": 1, "unknown": 1}
    assert counting.dimension_counts("relationship", p)["family"] == 2
    with django_assert_num_queries(1):
        violence = counting.dimension_counts("violence_type", p)
    assert violence["physical"] == 4
    assert violence["sexual"] == 1
    assert counting.dimension_counts("area", p) == {"64.71.01": 4}
    assert counting.dimension_counts("sex", p) == {"unknown": 4}


def test_clocks_met_and_missed(case_with: Any, personas: Any) -> None:
    from datetime import timedelta

    from naungan.cases.models import Task, TaskKind, TaskStatus

    case = case_with(1, violence_types=["sexual"])
    task = Task.objects.get(case=case, kind=TaskKind.POLICE_REPORT)
    Task.objects.filter(pk=task.pk).update(
        status=TaskStatus.DONE, completed_at=task.due_at - timedelta(hours=1)
    )
    late = case_with(1, violence_types=["sexual"], month=4)
    Task.objects.filter(case=late, kind=TaskKind.POLICE_REPORT).update(status=TaskStatus.OPEN)
    clocks = counting.clock_counts(_period())
    assert clocks[TaskKind.POLICE_REPORT] == {"met": 1, "missed": 1, "running": 0}
    assert timezone.now()  # (the open one is past due: the year is over)
