"""POST /api/v1/reports/{id}/convert (CONTRACT §4): intake and supervisors; the case keeps the
report's received_at; 404 out of scope; 409 when the report is no longer open."""

from __future__ import annotations

from datetime import timedelta

import pytest

from naungan.cases.models import Case, Task
from naungan.reports.models import Report

REPORT = {
    "kind": "complaint",
    "channel": "hotline",
    "reporter_relation": "family",
    "anonymous": False,
    "reporter_name": "Ibu Rahma",
    "reporter_phone": "081234500001",
    "victim": {"name": "Nur", "age": 13, "sex": "F"},
    "violence_types": ["sexual"],
    "description": "Anak tetangga mengalami kekerasan seksual, mohon bantuan.",
    "area_code": "64.71.01",
}


def staff_report(persona) -> str:
    r = persona.api("post", "/api/v1/reports", REPORT)
    assert r.status_code == 201, r.content
    return r.json()["id"]


@pytest.mark.parametrize("who", ["intake_bpp", "supervisor_bpp"])
def test_convert_creates_case_with_report_clock_and_parties(personas, who):
    report_id = staff_report(personas["intake_bpp"])
    r = personas[who].api("post", f"/api/v1/reports/{report_id}/convert", {})
    assert r.status_code == 201, r.content
    case = Case.objects.get(public_id=r.json()["case_id"])
    report = Report.objects.get(public_id=report_id)
    assert report.status == "converted"
    assert case.source_report == report
    assert case.received_at == report.received_at
    assert case.channel == "hotline"
    task = Task.objects.get(case=case, kind="police_report")
    assert task.due_at == report.received_at + timedelta(hours=72)
    roles = sorted(case.parties.values_list("role", "person__age"))
    assert roles == [("reporter", None), ("victim", 13)]
    assert case.parties.get(role="victim").person.name == "Nur"


def test_converting_twice_is_409_and_makes_no_second_case(personas):
    report_id = staff_report(personas["intake_bpp"])
    intake = personas["intake_bpp"]
    assert intake.api("post", f"/api/v1/reports/{report_id}/convert", {}).status_code == 201
    r = intake.api("post", f"/api/v1/reports/{report_id}/convert", {})
    assert r.status_code == 409
    assert Case.objects.count() == 1


def test_convert_with_case_fields(personas):
    report_id = staff_report(personas["intake_bpp"])
    r = personas["intake_bpp"].api(
        "post",
        f"/api/v1/reports/{report_id}/convert",
        {"violence_types": ["physical"], "perpetrators": [{"relationship": "family", "age": 30}]},
    )
    assert r.status_code == 201
    case = Case.objects.get(public_id=r.json()["case_id"])
    assert "physical" in case.violence_types
    assert case.parties.filter(role="perpetrator", relationship="family").exists()


@pytest.mark.parametrize(
    "who", ["intake_kalteng", "supervisor_kalteng", "caseworker_bpp", "analyst_bpp", "admin_bpp"]
)
def test_convert_out_of_scope_or_wrong_role_is_404(personas, who):
    report_id = staff_report(personas["intake_bpp"])
    r = personas[who].api("post", f"/api/v1/reports/{report_id}/convert", {})
    assert r.status_code == 404
    assert Case.objects.count() == 0
    assert Report.objects.get(public_id=report_id).status != "converted"


def test_convert_page_post_redirects_to_the_new_case(personas):
    report_id = staff_report(personas["intake_bpp"])
    r = personas["intake_bpp"].client.post(f"/kasus/dari-laporan/{report_id}/")
    case = Case.objects.get()
    assert r.status_code == 302
    assert r["Location"] == f"/kasus/{case.public_id}/"
    assert (
        personas["intake_kalteng"].client.post(f"/kasus/dari-laporan/{report_id}/").status_code
        == 404
    )
