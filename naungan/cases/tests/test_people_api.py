"""The people search before create over the API: scope and linking an existing person."""

from __future__ import annotations

from naungan.cases.tests.factories import make_case
from naungan.core.models import AuditEvent

CASE_BODY = {
    "area_code": "64.71.01",
    "received_at": "2026-03-02T10:00:00+08:00",
    "channel": "walk_in",
    "violence_types": ["sexual"],
    "description": "Kronologi singkat",
    "victims": [{"name": "Siti", "age": 15, "sex": "F", "nik": "6471010101010001",
                 "phone": "081234567890"}],
    "perpetrators": [{"relationship": "family", "age": 40, "sex": "M"}],
}  # fmt: skip


def test_search_before_create_hides_other_area(personas):
    make_case(personas["intake_kalteng"].user, area="62.71",
              victims=[{"name": "Rina", "nik": "6271010101010009"}])  # fmt: skip
    make_case(personas["intake_bpp"].user, victims=[{"name": "Rina Wati", "age": 20}])
    sup = personas["supervisor_bpp"]
    r = sup.api("get", "/api/v1/cases/matches?nik=6271010101010009")
    assert r.json() == {"items": [], "count": 0}
    assert AuditEvent.objects.filter(outcome="hidden_match", area_code="62.71").exists()
    items = sup.api("get", "/api/v1/cases/matches?name=Rina%20Wati&age=21").json()["items"]
    assert [i["match"] for i in items] == ["name"]


def test_link_existing_person_instead_of_duplicating(personas):
    make_case(personas["intake_bpp"].user, victims=[{"name": "Ayu", "nik": "6471010101010002"}])
    sup = personas["supervisor_bpp"]
    sup_case = make_case(sup.user, victims=[{"name": "Ayu", "nik": "6471010101010002"}])
    match = sup.api("get", "/api/v1/cases/matches?nik=6471010101010002").json()["items"][0]
    body = CASE_BODY | {"victims": [{"person_id": match["person_id"]}], "violence_types": []}
    r = sup.api("post", "/api/v1/cases", body)
    assert r.status_code == 201
    assert r.json()["victims"][0]["id"] == match["person_id"]
    assert sup_case.pk


def test_matches_need_a_case_role(personas):
    make_case(personas["intake_bpp"].user, victims=[{"name": "Ayu", "nik": "6471010101010002"}])
    for who in ["analyst_bpp", "admin_bpp", "provider_bpp"]:
        r = personas[who].api("get", "/api/v1/cases/matches?nik=6471010101010002")
        assert (r.status_code, r.json()) == (404, {"detail": "Not Found"})
