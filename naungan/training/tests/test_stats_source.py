"""The trainings' statistics source (issue 15): trainings held and their participants,
competencies held and expiring; analysts see small cells hidden; another province's trainings
and staff are never counted."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.utils import timezone

from naungan.areas.models import Area
from naungan.orgs.models import Organisation
from naungan.training import services
from naungan.training.models import CompetencyGrant, Training
from naungan.training.stats import training_sections

from .conftest import new_training


def _sections(area: str) -> dict[str, dict[str, int]]:
    year = timezone.localdate().year
    out = training_sections(area=Area.objects.get(code=area), year=year, month=None)
    return {s.title: dict(s.rows) for s in out}


def test_trainings_and_competencies(personas: Any) -> None:
    today = timezone.localdate()
    start = max(date(today.year, 1, 2), today - timedelta(days=30))
    made = [
        services.training_create(
            actor=personas["supervisor_bpp"].user,
            data=new_training(personas, starts_on=start, ends_on=start),
        )
        for _ in range(2)
    ]
    Training.objects.filter(pk=made[1].pk).update(
        organiser=Organisation.objects.get(slug="t-dinas-kalteng")
    )
    CompetencyGrant.objects.create(
        user=personas["caseworker_bpp"].user,
        competency="kdrt_risk_assessment",
        granted_on=start,
        expires_on=today + timedelta(days=30),
        source="direct",
        recorded_by=personas["supervisor_bpp"].user,
    )
    CompetencyGrant.objects.create(
        user=personas["caseworker_kalteng"].user,
        competency="kdrt_risk_assessment",
        granted_on=start,
        source="direct",
        recorded_by=personas["supervisor_kalteng"].user,
    )

    sections = _sections("64.71")
    (held,) = [v for k, v in sections.items() if "diselenggarakan" in k]
    assert held["Pelatihan"] == 1
    assert held["Peserta terdaftar"] == 2
    (competent,) = [v for k, v in sections.items() if "memegang" in k]
    assert competent["Pendampingan KDRT dan asesmen risiko"] == 1
    (expiring,) = [v for k, v in sections.items() if "habis" in k]
    assert expiring["Pendampingan KDRT dan asesmen risiko"] == 1
    kalteng = _sections("62")
    assert next(v for k, v in kalteng.items() if "diselenggarakan" in k)["Pelatihan"] == 1
    assert (
        next(v for k, v in kalteng.items() if "habis" in k)["Pendampingan KDRT dan asesmen risiko"]
        == 0
    )

    def rows(who: str) -> dict[str, int | None]:
        body = personas[who].api("get", "/api/v1/stats/summary").json()
        (s,) = [
            s
            for s in body["sections"]
            if s["source"] == "training" and "diselenggarakan" in s["title"]
        ]
        return {r["label"]: r["count"] for r in s["rows"]}

    assert rows("supervisor_bpp")["Pelatihan"] == 1
    assert rows("analyst_bpp")["Pelatihan"] is None
