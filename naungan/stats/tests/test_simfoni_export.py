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
# The key of one fixed id under one fixed HMAC_KEY (test_the_incident_key_is_pinned).
PINNED_KEY = "ae778756d6932461178cc465"
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


# --- the fast path (PostgreSQL: rows formatted in SQL) against the plain path -----------------


@pytest.fixture
def varied(case_with: Any) -> list[Case]:
    """Incidents over every mapped dimension, with names that need CSV quoting and formula
    safety, in a kecamatan and a kelurahan, several months, some without ages."""
    from naungan.areas.models import Area
    from naungan.orgs.models import Organisation

    Area.objects.filter(code="64.71.01").update(name='Balikpapan "Selatan", kota\nlama')
    Area.objects.filter(code="64.71.01.1001").update(name="=Kelurahan, satu")
    org = Organisation.objects.filter(kind="uptd_ppa", area__code="64.71").first()
    if org is not None:
        Organisation.objects.filter(pk=org.pk).update(name='-UPTD "PPA", Balikpapan')
    cases = [
        case_with(
            2,
            area="64.71.01.1001",
            month=1,
            place="school",
            perpetrator_relationship="teacher",
            perpetrator_age=61,
            tpks_type="obscene_act",
            yes=("sexual_contact",),
            violence_types=["sexual", "psychological"],
            victims=[{"name": "A", "age": 9, "sex": "F", "disability": True}],
        ),
        case_with(
            1,
            month=12,
            survivor_age=None,
            victims=[{"name": "B", "sex": "M"}],
            violence_types=["neglect", "trafficking", "other"],
        ),
        case_with(
            1,
            month=6,
            survivor_age=70,
            occurred_on=None,
            perpetrator_relationship="intimate_partner",
            perpetrator_age=30,
            place="household",
            violence_types=["exploitation"],
        ),
        case_with(1, area="64.71.02", month=3, survivor_age=0, place="other"),
        case_with(1, month=3, reported_elsewhere=True),
    ]
    from naungan.services.models import ServiceEpisode

    assert ServiceEpisode.objects.filter(case__in=cases).exists()
    return cases


def _both(year: int = YEAR, month: int | None = None) -> tuple[bytes, bytes]:
    from naungan.areas.models import Area
    from naungan.stats.queries.counting import Period
    from naungan.stats.services.simfoni import simfoni_csv_stream

    period = Period(area=Area.objects.get(code="64.71"), year=year, month=month)
    fast = b"".join(simfoni_csv_stream(period, fast=True))
    plain = b"".join(simfoni_csv_stream(period, fast=False))
    return fast, plain


@pytest.mark.skipif(
    __import__("django.db").db.connection.vendor != "postgresql",
    reason="the fast path is PostgreSQL's; SQLite has the plain path only",
)
def test_the_sql_formatted_csv_is_byte_for_byte_the_plain_one(
    personas: Any, varied: list[Case]
) -> None:
    fast, plain = _both()
    assert fast == plain
    rows = list(csv.reader(io.StringIO(fast.decode("utf-8-sig"))))
    assert len(rows) == 1 + 5  # header, then the five counted incidents
    text = fast.decode("utf-8-sig")
    assert '"Balikpapan ""Selatan"", kota\nlama"' in text  # quoted as csv.writer quotes
    assert "'=Kelurahan, satu" in text  # formula-safe, then quoted
    assert len({r[0] for r in rows[1:]}) == 5
    one_month = _both(month=12)
    assert one_month[0] == one_month[1]
    assert len(list(csv.reader(io.StringIO(one_month[0].decode("utf-8-sig"))))) == 2
    empty = _both(year=YEAR - 1)
    assert empty[0] == empty[1]


def test_the_incident_key_is_pinned(settings: Any) -> None:
    """The key of an incident must not change between versions: exports made earlier are
    joined on it. Pinned for a fixed key and id (keyed BLAKE2b-96 of the id's bytes)."""
    import uuid

    from naungan.stats.services import simfoni

    settings.HMAC_KEY = "pinned-test-key"
    simfoni._incident_mac_key.cache_clear()
    try:
        one = uuid.UUID("12345678-1234-4234-8234-123456789abc")
        assert simfoni.incident_key(one) == PINNED_KEY
        assert simfoni.incident_key(str(one)) == PINNED_KEY
    finally:
        simfoni._incident_mac_key.cache_clear()


@pytest.mark.skipif(
    __import__("django.db").db.connection.vendor != "postgresql",
    reason="the fast path is PostgreSQL's",
)
def test_the_fast_path_keys_are_the_incident_keys(personas: Any, varied: list[Case]) -> None:
    from naungan.stats.services.simfoni import incident_key

    fast, _plain = _both()
    keys = {r[0] for r in list(csv.reader(io.StringIO(fast.decode("utf-8-sig"))))[1:]}
    counted = Incident.objects.filter(
        case__in=varied, reporting_consent=True, reported_elsewhere=False
    )
    assert keys == {incident_key(i.public_id) for i in counted}
