"""The risk app's statistics source (issue 15): risk assessments by instrument and level,
conference referrals by reason; analysts see small cells hidden; another province's
assessments are never counted."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from naungan.areas.models import Area
from naungan.cases.tests.factories import make_case
from naungan.risk.models import RiskAssessment
from naungan.risk.stats import risk_sections

from .conftest import dash


def _sections(area: str) -> dict[str, dict[str, int]]:
    year = timezone.localdate().year
    out = risk_sections(area=Area.objects.get(code=area), year=year, month=None)
    return {s.title: dict(s.rows) for s in out}


def _post(personas: Any, case: Any, yes: int) -> None:
    r = personas["caseworker_bpp"].api(
        "POST",
        f"/api/v1/cases/{case.public_id}/risk-assessments",
        {"instrument": "dash", "answers": dash(yes)},
    )
    assert r.status_code == 201, r.content


def test_assessments_by_instrument_level_and_conference_reason(
    personas: Any, bpp_case: Any
) -> None:
    for yes in (0, 2, 3, 4, 10, 15):
        _post(personas, bpp_case, yes)
    other = make_case(personas["intake_kalteng"].user, area="62.71.01")
    last = RiskAssessment.objects.order_by("-id").first()
    assert last is not None
    RiskAssessment.objects.filter(pk=last.pk).update(case=other)  # the 15: Kalteng's now

    sections = _sections("64.71")
    (instrument,) = [v for k, v in sections.items() if "instrumen" in k]
    assert sum(instrument.values()) == 5
    (level,) = [v for k, v in sections.items() if "tingkat" in k]
    assert level["Standar"] == 4
    assert level["Sedang"] == 1
    assert level["Tinggi"] == 0
    (reasons,) = [v for k, v in sections.items() if "alasan" in k]
    assert next(iter(reasons.values())) == 0  # the one referred is in Kalteng
    kalteng = _sections("62")
    (reasons,) = [v for k, v in kalteng.items() if "alasan" in k]
    assert next(iter(reasons.values())) == 1
    assert reasons["Skor mencapai ambang risiko tinggi"] == 1

    def rows(who: str) -> dict[str, int | None]:
        body = personas[who].api("get", "/api/v1/stats/summary").json()
        (s,) = [s for s in body["sections"] if s["source"] == "risk" and "tingkat" in s["title"]]
        return {r["label"]: r["count"] for r in s["rows"]}

    assert rows("supervisor_bpp")["Sedang"] == 1
    assert rows("analyst_bpp")["Sedang"] is None
    assert rows("analyst_bpp")["Standar"] is None  # 4 < 5
