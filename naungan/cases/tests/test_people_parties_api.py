"""Parties over the API: `GET|POST /api/v1/cases/{id}/parties`,
`PATCH /api/v1/cases/{id}/parties/{party_id}`, `POST …/{party_id}/remove`."""

from __future__ import annotations

import pytest

from naungan.cases.models import CaseParty, Person, Task
from naungan.cases.tests.factories import assign, make_case
from naungan.core.fields import blind_index

NIK = "6471010101900001"


@pytest.fixture
def case(personas):
    case = make_case(personas["intake_bpp"].user)
    return assign(personas["supervisor_bpp"].user, case, personas["caseworker_bpp"].user)


def _base(case):
    return f"/api/v1/cases/{case.public_id}/parties"


def test_list_add_correct_and_remove(personas, case):
    cw = personas["caseworker_bpp"]
    listing = personas["intake_bpp"].api("get", _base(case)).json()  # readers see them
    assert [(i["role"], i["name"]) for i in listing["items"]] == [("victim", "Siti")]
    r = cw.api(
        "post",
        _base(case),
        {"role": "victim", "name": "Adik", "age": 8, "violence_types": ["sexual"]},
    )
    assert r.status_code == 201, r.content
    added = r.json()
    assert (added["role"], added["added_by"], added["warnings"]) == ("victim", "caseworker_bpp", [])
    case.refresh_from_db()
    assert "sexual" in case.violence_types
    assert Task.objects.filter(case=case, kind="police_report", statutory=True).exists()

    r = cw.api("patch", f"{_base(case)}/{added['id']}", {"nik": NIK, "age": 9})
    assert r.status_code == 200, r.content
    body = r.json()
    assert (body["nik"], body["age"], body["name"]) == (NIK, 9, "Adik")  # the rest kept
    assert body["violence_types"] == ["sexual"]
    person = Person.objects.get(public_id=added["person_id"])
    assert person.nik_index == blind_index("nik", NIK)

    case_body = cw.api("get", f"/api/v1/cases/{case.public_id}").json()
    assert {v["party_id"] for v in case_body["victims"]} >= {added["id"]}

    r = cw.api("post", f"{_base(case)}/{added['id']}/remove", {"reason": ""})
    assert r.status_code == 422
    r = cw.api("post", f"{_base(case)}/{added['id']}/remove", {"reason": "Salah input"})
    assert r.status_code == 200
    assert r.json()["removed_at"]
    assert CaseParty.all_objects.get(public_id=added["id"]).removed_reason == "Salah input"
    assert len(cw.api("get", _base(case)).json()["items"]) == 1
    r = cw.api("patch", f"{_base(case)}/{added['id']}", {"age": 10})
    assert r.status_code == 404  # removed: as a missing party


def test_a_likely_duplicate_is_a_warning_and_linking_avoids_it(personas, case):
    other = make_case(personas["intake_bpp"].user, victims=[{"name": "Sari Dewi", "nik": NIK}])
    assign(personas["supervisor_bpp"].user, other, personas["caseworker_bpp"].user)
    cw = personas["caseworker_bpp"]
    r = cw.api("post", _base(case), {"role": "witness", "name": "Sari", "nik": NIK})
    assert r.status_code == 201
    assert any(other.registration_number in w for w in r.json()["warnings"])
    sari = other.parties.get(role="victim").person
    r = cw.api("post", _base(case), {"role": "reporter", "person_id": str(sari.public_id)})
    assert r.status_code == 201
    assert r.json()["person_id"] == str(sari.public_id)
    assert r.json()["warnings"] == []
    r = cw.api("post", _base(case), {"role": "reporter", "person_id": str(sari.public_id)})
    assert r.status_code == 422
    assert "person_id" in str(r.json()["detail"])


def test_refusals(personas, case):
    cw = personas["caseworker_bpp"]
    victim = case.parties.get()
    r = cw.api("post", f"{_base(case)}/{victim.public_id}/remove", {"reason": "Salah"})
    assert r.status_code == 409
    assert "satu-satunya korban" in r.json()["detail"]
    r = cw.api("post", _base(case), {"role": "friend", "name": "X"})
    assert r.status_code == 422
    r = cw.api("post", _base(case), {"role": "witness", "nik": "123"})
    assert r.status_code == 422
    assert "NIK harus 16 angka" in str(r.json()["detail"])
    r = cw.api(
        "post",
        _base(case),
        {"role": "guardian", "name": "Wali", "guardian_of": str(case.public_id)},
    )
    assert r.status_code == 422  # fmt: skip
    for who in ["intake_bpp", "supervisor_kalteng", "caseworker_kalteng"]:
        r = personas[who].api("post", _base(case), {"role": "witness", "name": "X"})
        assert r.status_code == 404, who
        r = personas[who].api("patch", f"{_base(case)}/{victim.public_id}", {"name": "X"})
        assert r.status_code == 404, who
    assert personas["supervisor_kalteng"].api("get", _base(case)).status_code == 404
