"""CSV/XLSX export of the filtered case list (DESIGN §12 Exports): supervisors only, no
identities unless asked for with a reason, audited, formula-safe, not cached."""

from __future__ import annotations

import csv
import io

import pytest
from openpyxl import load_workbook

from naungan.cases.exceptions import NotPermitted, ReasonRequired
from naungan.cases.selectors import CaseFilters
from naungan.cases.services.exports import cases_export, formula_safe
from naungan.core.models import AuditAction, AuditEvent

from .factories import make_case

pytestmark = pytest.mark.django_db

VICTIM = {"name": '=HYPERLINK("http://x")', "age": 15, "nik": "6471010101010001"}


def _rows(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


def test_formula_safe_prefixes_dangerous_starts():
    for value in ("=1+1", "+62", "-5", "@SUM(A1)", "\tx"):
        assert formula_safe(value) == "'" + value
    assert formula_safe("Siti") == "Siti"
    assert formula_safe(None) == ""


def test_default_export_has_no_identities_and_is_audited(personas):
    case = make_case(personas["intake_bpp"].user, victims=[VICTIM])
    result = cases_export(actor=personas["supervisor_bpp"].user, filters=CaseFilters(), fmt="csv")
    rows = _rows(result.content)
    assert rows[1][0] == case.registration_number
    flat = " ".join(" ".join(r) for r in rows)
    assert "HYPERLINK" not in flat
    assert "6471010101010001" not in flat
    assert "Nama korban" not in rows[0]
    event = AuditEvent.objects.get(action=AuditAction.EXPORT)
    assert event.categories.startswith("list:1,csv")
    assert "identity" not in event.categories


def test_identities_need_a_reason(personas):
    make_case(personas["intake_bpp"].user, victims=[VICTIM])
    with pytest.raises(ReasonRequired):
        cases_export(
            actor=personas["supervisor_bpp"].user,
            filters=CaseFilters(),
            fmt="csv",
            include_identities=True,
        )
    assert not AuditEvent.objects.filter(action=AuditAction.EXPORT).exists()


def test_identities_with_reason_are_formula_safe_and_audited(personas):
    make_case(personas["intake_bpp"].user, victims=[VICTIM])
    result = cases_export(
        actor=personas["supervisor_bpp"].user,
        filters=CaseFilters(),
        fmt="csv",
        include_identities=True,
        reason="Permintaan pengadilan",
    )
    rows = _rows(result.content)
    name_col = rows[0].index("Nama korban")
    assert rows[1][name_col] == "'" + VICTIM["name"]
    assert rows[1][rows[0].index("NIK korban")] == VICTIM["nik"]
    event = AuditEvent.objects.get(action=AuditAction.EXPORT)
    assert event.reason == "Permintaan pengadilan"
    assert "identity" in event.categories


def test_xlsx_cells_are_text_not_formulas(personas):
    make_case(personas["intake_bpp"].user, victims=[VICTIM])
    result = cases_export(
        actor=personas["supervisor_bpp"].user,
        filters=CaseFilters(),
        fmt="xlsx",
        include_identities=True,
        reason="Rujukan",
    )
    ws = load_workbook(io.BytesIO(result.content)).active
    values = [c.value for c in ws[2]]
    assert "'" + VICTIM["name"] in values
    assert all(c.data_type != "f" for row in ws.iter_rows() for c in row)


def test_export_follows_filters_and_scope(personas):
    sexual = make_case(personas["intake_bpp"].user, violence_types=["sexual"])
    physical = make_case(personas["intake_bpp"].user, violence_types=["physical"])
    kalteng = make_case(personas["intake_kalteng"].user, area="62.71")
    result = cases_export(
        actor=personas["supervisor_bpp"].user,
        filters=CaseFilters(violence_type="sexual"),
        fmt="csv",
    )
    numbers = [r[0] for r in _rows(result.content)[1:]]
    assert numbers == [sexual.registration_number]
    result = cases_export(actor=personas["supervisor_bpp"].user, filters=CaseFilters(), fmt="csv")
    numbers = {r[0] for r in _rows(result.content)[1:]}
    assert numbers == {sexual.registration_number, physical.registration_number}
    assert kalteng.registration_number not in numbers


def test_only_supervisors_export(personas):
    with pytest.raises(NotPermitted):
        cases_export(actor=personas["caseworker_bpp"].user, filters=CaseFilters(), fmt="csv")


def test_export_page_downloads_with_no_store(personas):
    case = make_case(personas["intake_bpp"].user, violence_types=["sexual"])
    client = personas["supervisor_bpp"].client
    form = client.get("/kasus/ekspor/?violence_type=sexual")
    assert form.status_code == 200
    assert form["Cache-Control"] == "no-store"
    response = client.post(
        "/kasus/ekspor/", {"query": "violence_type=sexual", "fmt": "csv", "reason": ""}
    )
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    assert response["Content-Disposition"].startswith("attachment;")
    assert case.registration_number in response.content.decode("utf-8-sig")


def test_export_page_asks_for_the_reason(personas):
    make_case(personas["intake_bpp"].user)
    response = personas["supervisor_bpp"].client.post(
        "/kasus/ekspor/", {"query": "", "fmt": "xlsx", "include_identities": "on", "reason": ""}
    )
    assert response.status_code == 200
    assert "memerlukan alasan" in response.content.decode()
    assert not AuditEvent.objects.filter(action=AuditAction.EXPORT).exists()


def test_other_area_supervisor_exports_none_of_our_cases(personas):
    case = make_case(personas["intake_bpp"].user)
    response = personas["supervisor_kalteng"].client.post(
        "/kasus/ekspor/", {"query": "", "fmt": "csv"}
    )
    assert response.status_code == 200
    assert case.registration_number not in response.content.decode("utf-8-sig")


def test_export_query_count_is_bounded(personas, django_assert_max_num_queries):
    sup = personas["supervisor_bpp"].user
    make_case(personas["intake_bpp"].user)

    def run() -> None:
        cases_export(
            actor=sup, filters=CaseFilters(), fmt="csv", include_identities=True, reason="r"
        )

    run()
    for _ in range(5):
        make_case(personas["intake_bpp"].user, victims=[VICTIM, {"name": "Ani", "age": 9}])
    with django_assert_max_num_queries(6):
        run()
