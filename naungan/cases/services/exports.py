"""Export of the filtered case list for supervisors (DESIGN §12 Exports).

* Minimised by default: no names, NIK, phone numbers or addresses. Identities are added only
  when the supervisor asks for them and gives a reason; every export is audited with its
  reason, its row count and whether identities were included.
* Formula-safe: a cell that a spreadsheet would run as a formula (starting with ``=``, ``+``,
  ``-``, ``@``, a tab or a carriage return) is prefixed with an apostrophe (OWASP CSV
  injection).
* Words, not codes, in the user's language: labels of the vocabularies, people by name.
  Times stay ISO 8601 (``2026-03-01 14:30``) in the case area's zone, so spreadsheets sort
  and read them as times.
* Bounded: at most ``EXPORT_MAX_ROWS`` rows, read in two queries (cases with their area, unit
  and lead; the victims with their person when identities are asked for).

Not done yet (DESIGN §12): password protection and expiry of the file itself."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook

from naungan.accounts.models import User
from naungan.accounts.roles import SUPERVISORS
from naungan.core.audit import audit_record
from naungan.core.models import AuditAction
from naungan.core.words import person_name, violence_labels

from ..exceptions import NotPermitted, ReasonRequired
from ..models import Case, CaseParty, PartyRole
from ..selectors import CaseFilters, case_list

EXPORT_MAX_ROWS = 20_000
FORMATS = {
    "csv": ("text/csv; charset=utf-8", "csv"),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
}
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class ExportFile:
    content: bytes
    filename: str
    content_type: str
    rows: int


def formula_safe(value: object) -> str:
    """The value as text a spreadsheet shows and never evaluates."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _headers(identities: bool) -> list[str]:
    head = [
        _("No. registrasi"),
        _("Diterima"),
        _("Kode wilayah"),
        _("Wilayah"),
        _("UPTD PPA"),
        _("Saluran"),
        _("Status"),
        _("Triase"),
        _("Jenis kekerasan"),
        _("Pendamping utama"),
        _("Ditutup"),
    ]
    if identities:
        head += [_("Nama korban"), _("NIK korban"), _("Telepon korban"), _("Alamat korban")]
    return head


def _local(value: Any, zone: str) -> str:
    if value is None:
        return ""
    return timezone.localtime(value, timezone=ZoneInfo(zone)).strftime("%Y-%m-%d %H:%M")


def _row(case: Case, identities: bool) -> list[str]:
    zone = case.area.timezone
    row: list[Any] = [
        case.registration_number,
        _local(case.received_at, zone),
        case.area.code,
        case.area.name,
        case.organisation.name,
        case.get_channel_display(),
        case.get_status_display(),
        case.get_triage_display(),
        violence_labels(case.violence_types),
        person_name(case.lead),
        _local(case.closed_at, zone),
    ]
    if identities:
        people = [p.person for p in case.victim_parties]  # type: ignore[attr-defined]
        row += [
            "; ".join(p.name for p in people if p.name),
            "; ".join(p.nik for p in people if p.nik),
            "; ".join(p.phone for p in people if p.phone),
            "; ".join(p.address for p in people if p.address),
        ]
    return [formula_safe(v) for v in row]


def _csv(rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return out.getvalue().encode("utf-8-sig")  # the BOM lets Excel read UTF-8


def _xlsx(rows: list[list[str]]) -> bytes:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(_("Kasus"))
    for row in rows:
        ws.append(row)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def cases_export(
    *,
    actor: User,
    filters: CaseFilters,
    fmt: str,
    include_identities: bool = False,
    reason: str = "",
    request: Any = None,
) -> ExportFile:
    """The supervisor's filtered case list (same filters and scope as the list page) as CSV
    or XLSX. Identities only with a reason. Audited as ``export``. Callers: supervisors."""
    if actor.role not in SUPERVISORS:
        raise NotPermitted(_("Hanya supervisor yang dapat mengekspor daftar kasus."))
    if fmt not in FORMATS:
        raise ValueError(fmt)
    reason = reason.strip()
    if include_identities and not reason:
        raise ReasonRequired(_("Ekspor dengan identitas memerlukan alasan."))
    qs = case_list(user=actor, filters=filters).select_related("organisation")
    if include_identities:
        victims = CaseParty.objects.filter(role=PartyRole.VICTIM).select_related("person")
        qs = qs.prefetch_related(Prefetch("parties", queryset=victims, to_attr="victim_parties"))
    cases = list(qs[:EXPORT_MAX_ROWS])
    rows = [_headers(include_identities), *(_row(c, include_identities) for c in cases)]
    content_type, ext = FORMATS[fmt]
    content = _csv(rows) if fmt == "csv" else _xlsx(rows)
    categories = f"list:{len(cases)},{fmt}" + (",identity,contact" if include_identities else "")
    audit_record(
        actor=actor,
        action=AuditAction.EXPORT,
        object_type="cases.case",
        object_id="export",
        area_code=actor.area.code if actor.area else "",
        categories=categories,
        reason=reason,
        request=request,
    )
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    return ExportFile(content, f"kasus-{stamp}.{ext}", content_type, len(cases))
