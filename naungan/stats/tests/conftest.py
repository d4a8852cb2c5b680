"""A small world of counted and uncounted incidents in Balikpapan and Kalimantan Tengah."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from naungan.cases.services.incidents import incident_record
from naungan.cases.tests.factories import answers, make_case

WITA = ZoneInfo("Asia/Makassar")
YEAR = 2025  # a whole past year: nothing is "in the future"


def received(month: int, day: int = 10) -> datetime:
    return datetime(YEAR, month, day, 10, 0, tzinfo=WITA)


def add_incident(personas: dict[str, Any], case: Any, **details: Any) -> Any:
    """An incident recorded by the area's supervisor; counted unless told otherwise."""
    where = "kalteng" if case.area.province_code == "62" else "bpp"
    fields: dict[str, Any] = {
        "occurred_on": date(YEAR, 1, 5),
        "reporting_consent": True,
        "reported_elsewhere": False,
        "survivor_age": 15,
    }
    fields.update(details)
    yes = fields.pop("yes", ("physical_assault",))
    return incident_record(
        actor=personas[f"supervisor_{where}"].user, case=case, answers=answers(*yes), **fields
    )


@pytest.fixture
def case_with(personas: dict[str, Any]) -> Any:
    """``case_with(n, area=..., month=..., **incident details)``: a case with one victim and
    ``n`` incidents of that victim."""

    def make(n: int = 1, *, area: str = "64.71.01", month: int = 3, **details: Any) -> Any:
        where = "kalteng" if area.startswith("62") else "bpp"
        victims = details.pop("victims", None)
        perpetrators = details.pop("perpetrators", None)
        case = make_case(
            personas[f"intake_{where}"].user,
            area=area,
            received_at=received(month),
            violence_types=details.pop("violence_types", ["physical"]),
            victims=victims,
            perpetrators=perpetrators,
        )
        for _ in range(n):
            add_incident(personas, case, **details)
        return case

    return make
