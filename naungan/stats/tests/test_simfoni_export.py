"""``GET /api/v1/stats/simfoni.csv`` (CONTRACT §4): one row per counted incident with the
SIMFONI-PPA dimensions and an anonymous key; no personal data; streamed; audited."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from openpyxl import load_workbook

from naungan.cases.models import Case, Incident
from naungan.core.models import AuditEvent
from naungan.stats.services.simfoni import simfoni_mapping

from .conftest import YEAR

URL = "/api/v1/stats/simfoni.csv"
VICTIMS = [
    {
        "name": "Sitinurbaya Wulandari",
        "nik": "6471015505090001",
        "phone": "081234567890",
        "address": "Jl. Melati No. 12, RT 004",
        "age": 15,
        "sex": "F",
        "disability": True,
    }
]
PERPETRATORS = [{"name": "Bambang Sutejo", "nik": "6471011203800002", "relationship": "family"}]


@pytest.fixture
def world(case_with: Any) -> list[Case]:
    return [
        case_with(
            2,
            victims=VICTIMS,
            perpetrators=PERPETRATORS,
            place="household",
            perpetrator_relationship="family",
            perpetrator_age=40,
            violence_types=["physical", "psychological"],
        ),
        case_with(1, victims=[{"name": '=HYPERLINK("x")', "age": 70}]),
        case_with(1, reporting_consent=False, victims=[{"name": "Tidak Setuju"}]),
        case_with(1, area="62.71.01", victims=[{"name": "Orang Kalteng"}]),
    ]


def _rows(response: Any) -> list[list[str]]:
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(content)))


def test_one_row_per_counted_incident_with_the_mapped_dimensions(
    personas: Any, world: list[Case]
) -> None:
    r = personas["supervisor_bpp"].api("get", f"{URL}?area=64.71&year={YEAR}")
    assert r.status_code == 200
    assert r["Content-Type"].startswith("text/csv")
    assert r.streaming
    rows = _rows(r)
    header, body = rows[0], rows[1:]
    assert header == simfoni_mapping().columns
    assert len(body) == 3
    first = dict(zip(header, body[0], strict=True))
    assert first["versi_pemetaan"] == simfoni_mapping().version
    assert first["bulan_lapor"] == f"{YEAR}-03"
    assert first["kode_kabupaten_kota"] == "64.71"
    assert first["jenis_kekerasan"] == "Fisik; Psikis"
    assert first["tempat_kejadian"] == "Rumah Tangga"
    assert first["hubungan_pelaku"] == "Keluarga/Saudara"
    assert first["kelompok_umur_korban"] == "13-17"
    assert first["jenis_kelamin_korban"] == "Perempuan"
    assert first["disabilitas_korban"] == "Ya"
    assert first["kelompok_umur_pelaku"] == "26-40"
    assert "Pengaduan" in first["layanan"]


def test_the_incident_key_is_stable_and_not_the_id(personas: Any, world: list[Case]) -> None:
    p = personas["supervisor_bpp"]
    keys = [row[0] for row in _rows(p.api("get", f"{URL}?year={YEAR}"))[1:]]
    again = [row[0] for row in _rows(p.api("get", f"{URL}?year={YEAR}"))[1:]]
    assert keys == again
    assert len(set(keys)) == 3
    ids = {str(i.public_id) for i in Incident.objects.all()} | {
        str(i.pk) for i in Incident.objects.all()
    }
    assert not set(keys) & ids


def test_the_file_holds_no_name_nik_phone_address_birth_date_or_case_number(
    personas: Any, world: list[Case]
) -> None:
    from naungan.cases.models import Person

    text = b"".join(
        personas["supervisor_bpp"].api("get", f"{URL}?year={YEAR}").streaming_content
    ).decode("utf-8-sig")
    secrets = ["Sitinurbaya", "Wulandari", "Bambang", "6471015505090001", "6471011203800002"]
    secrets += ["081234567890", "Melati", "HYPERLINK", "Tidak Setuju", "Orang Kalteng"]
    for person in Person.objects.all():
        secrets += [v for v in (person.name, person.nik, person.phone, person.address) if v]
        if person.birth_date:
            secrets.append(person.birth_date)
    for case in Case.objects.all():
        secrets += [case.registration_number, str(case.public_id)]
    secrets += [str(i.public_id) for i in Incident.objects.all()]
    found = [s for s in secrets if s and s in text]
    assert not found
    # and no full date: months only
    assert "-03-10" not in text


def test_the_export_is_audited_and_analysts_may_export_too(
    personas: Any, world: list[Case]
) -> None:
    r = personas["analyst_bpp"].api("get", f"{URL}?area=64.71&year={YEAR}&month=3")
    assert r.status_code == 200
    assert len(_rows(r)) == 4
    event = AuditEvent.objects.filter(object_type="stats.simfoni").get()
    assert event.action == "export"
    assert event.actor == personas["analyst_bpp"].user
    assert event.object_id == f"64.71:{YEAR}-03"


def test_out_of_scope_and_other_roles_get_404(personas: Any, world: list[Case]) -> None:
    assert personas["supervisor_bpp"].api("get", f"{URL}?area=62&year={YEAR}").status_code == 404
    assert personas["caseworker_bpp"].api("get", f"{URL}?year={YEAR}").status_code == 404
    assert not AuditEvent.objects.filter(object_type="stats.simfoni").exists()


def test_xlsx_has_the_same_rows_formula_safe(personas: Any, world: list[Case]) -> None:
    r = personas["supervisor_bpp"].api("get", f"/api/v1/stats/simfoni.xlsx?year={YEAR}")
    assert r.status_code == 200
    sheet = load_workbook(io.BytesIO(r.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == simfoni_mapping().columns
    assert len(rows) == 4
    for row in rows[1:]:
        for value in row:
            assert not str(value or "").startswith(("=", "+", "-", "@"))
