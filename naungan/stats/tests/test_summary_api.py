"""``GET /api/v1/stats/summary`` (CONTRACT §4) and ``/stats/breakdown``: counting, suppression
for analysts, every number for supervisors, scope 404, bad parameters 422 naming them."""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import YEAR

URL = "/api/v1/stats/summary"


@pytest.fixture
def world(case_with: Any) -> None:
    # Balikpapan: 7 counted incidents of survivors aged 15 (F unknown), 3 of age 30;
    # one not consented, one reported elsewhere; one in Kalimantan Tengah.
    case_with(4)
    case_with(3)
    case_with(3, survivor_age=30, violence_types=["sexual"], yes=("sexual_contact",))
    case_with(1, reporting_consent=False)
    case_with(1, reported_elsewhere=True)
    case_with(1, area="62.71.01")


def test_supervisor_sees_every_number(personas: Any, world: None) -> None:
    r = personas["supervisor_bpp"].api("get", f"{URL}?area=64.71&year={YEAR}")
    assert r.status_code == 200, r.content
    body = r.json()
    assert body["area"] == "64.71"
    assert body["year"] == YEAR
    assert body["total_incidents"] == 10
    assert body["by_violence_type"]["physical"] == 7
    assert body["by_violence_type"]["sexual"] == 3
    assert body["by_violence_type"]["neglect"] == 0
    assert body["by_age_group"]["13-17"] == 7
    assert body["by_age_group"]["25-44"] == 3
    assert body["by_sex"] == {"F": 0, "M": 0, "unknown": 10}


def test_analyst_sees_cells_below_five_as_null_and_the_complementary_cell(
    personas: Any, world: None
) -> None:
    r = personas["analyst_bpp"].api("get", f"{URL}?area=64.71&year={YEAR}")
    assert r.status_code == 200, r.content
    body = r.json()
    assert body["total_incidents"] == 10
    assert body["by_violence_type"]["physical"] == 7
    assert body["by_violence_type"]["sexual"] is None  # 3
    # Age groups add up to the total: 13-17 (7) is shown, 25-44 (3) is hidden, and the other
    # groups are 0, hidden too; so nothing can be derived.
    ages = body["by_age_group"]
    assert ages["13-17"] == 7
    assert ages["25-44"] is None
    assert ages["0-5"] is None
    assert body["by_sex"]["unknown"] == 10
    assert body["by_sex"]["F"] is None


def test_analyst_complementary_cell_when_one_part_alone_is_small(
    personas: Any, case_with: Any
) -> None:
    from naungan.stats.queries.suppression import suppress_cells

    case_with(6, survivor_age=15)
    case_with(6, survivor_age=30)
    case_with(3, survivor_age=50)
    body = personas["analyst_bpp"].api("get", f"{URL}?year={YEAR}").json()
    ages = body["by_age_group"]
    # 15 = 6 + 6 + 3 and the rest 0: hidden are 3 and the zeros, so more than one cell.
    assert ages["45-59"] is None
    assert ages["13-17"] == 6
    assert ages["25-44"] == 6
    assert suppress_cells({"a": 6, "b": 6, "c": 3}, suppress=True, total=15) == {
        "a": None,
        "b": 6,
        "c": None,
    }


def test_area_defaults_to_the_callers_and_year_to_this_year(personas: Any) -> None:
    r = personas["analyst_kalteng"].api("get", URL)
    assert r.status_code == 200
    assert r.json()["area"] == "62"


@pytest.mark.parametrize("who", ["analyst_bpp", "supervisor_bpp"])
def test_an_area_outside_the_callers_scope_answers_404(personas: Any, who: str) -> None:
    r = personas[who].api("get", f"{URL}?area=62&year={YEAR}")
    assert r.status_code == 404
    assert r.json() == {"detail": "Not Found"}


@pytest.mark.parametrize("who", ["caseworker_bpp", "intake_bpp", "admin_bpp", "provider_bpp"])
def test_other_roles_get_404(personas: Any, who: str) -> None:
    assert personas[who].api("get", f"{URL}?area=64.71&year={YEAR}").status_code == 404


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("area=99.99&year=2025", "area"),
        ("area=64.71&year=1999", "year"),
        ("area=64.71&year=2999", "year"),
    ],
)
def test_bad_parameters_answer_422_naming_them(personas: Any, query: str, parameter: str) -> None:
    r = personas["supervisor_bpp"].api("get", f"{URL}?{query}")
    assert r.status_code == 422
    assert r.json()["detail"][0]["loc"] == ["query", parameter]


def test_breakdown_by_area_and_unknown_dimension(personas: Any, world: None) -> None:
    p = personas["supervisor_bpp"]
    r = p.api("get", f"/api/v1/stats/breakdown?dimension=area&area=64.71&year={YEAR}")
    assert r.status_code == 200
    items = {i["key"]: i["count"] for i in r.json()["items"]}
    assert items["64.71.01"] == 10
    bad = p.api("get", f"/api/v1/stats/breakdown?dimension=colour&year={YEAR}")
    assert bad.status_code == 422
    assert bad.json()["detail"][0]["loc"] == ["query", "dimension"]
    month = p.api("get", f"/api/v1/stats/breakdown?dimension=month&year={YEAR}&month=13")
    assert month.status_code == 422
    assert month.json()["detail"][0]["loc"] == ["query", "month"]
