from __future__ import annotations

from naungan.cases.models import Case, Incident
from naungan.demo.seed import seed_demo


def test_demo_cases_are_seeded_once_in_both_regions(db):
    seed_demo()
    seed_demo()
    demo = Case.objects.filter(created_by__username__in=["intake_bpp", "intake_kalteng"])
    assert demo.count() == 5
    assert {c.area.province_code for c in demo} == {"64", "62"}
    assert Incident.objects.filter(case__in=demo).count() == 4
