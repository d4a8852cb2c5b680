"""The community network's statistics source (issue 15): prevention activities by kind and
area, attendance by sex and adult/child; analysts see small cells hidden; another province's
activities are never counted."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from naungan.areas.models import Area
from naungan.community.models import Activity
from naungan.community.stats import community_sections


def _sections(area: str) -> dict[str, dict[str, int]]:
    year = timezone.localdate().year
    out = community_sections(area=Area.objects.get(code=area), year=year, month=None)
    return {s.title: dict(s.rows) for s in out}


def test_activities_and_attendance(personas: Any, activity_body: dict[str, Any]) -> None:
    if timezone.localdate().month == 1 and timezone.localdate().day <= 2:
        activity_body["held_on"] = timezone.localdate().isoformat()
    ids = []
    for _ in range(3):
        r = personas["activist_bpp"].api("POST", "/api/v1/activities", activity_body)
        assert r.status_code == 201, r.content
        ids.append(r.json()["id"])
    kalteng = Area.objects.filter(code__startswith="62.71.01.").first()
    assert kalteng is not None
    Activity.objects.filter(public_id=ids[-1]).update(area=kalteng)

    sections = _sections("64.71")
    (kinds,) = [v for k, v in sections.items() if k.startswith("Kegiatan pencegahan menurut jenis")]
    assert kinds["Pengasuhan Lautan RT"] == 2
    assert sum(kinds.values()) == 2
    (people,) = [v for k, v in sections.items() if "jenis kelamin" in k]
    assert list(people.values()) == [24, 8, 6, 4]
    (areas,) = [v for k, v in sections.items() if k.startswith("Kegiatan pencegahan menurut w")]
    assert sum(areas.values()) == 2
    assert max(areas.values()) == 2  # all in Balikpapan Timur
    (per_area,) = [
        v for k, v in sections.items() if k.startswith("Peserta kegiatan pencegahan menurut w")
    ]
    assert sum(per_area.values()) == 42
    assert sum(next(v for k, v in _sections("62").items() if "jenis kelamin" in k).values()) == 21

    def rows(who: str) -> dict[str, int | None]:
        body = personas[who].api("get", "/api/v1/stats/summary").json()
        (s,) = [
            s for s in body["sections"] if s["source"] == "community" and "kelamin" in s["title"]
        ]
        return {r["label"]: r["count"] for r in s["rows"]}

    assert rows("supervisor_bpp")["Anak laki-laki"] == 4
    analyst = rows("analyst_bpp")
    assert analyst["Anak laki-laki"] is None
    assert analyst["Perempuan dewasa"] == 24
    # 4 is hidden; the total sits beside the parts, so the smallest shown (6) is hidden too.
    assert analyst["Anak perempuan"] is None
