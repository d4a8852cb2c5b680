"""Cases API: list, open, show a case, and convert a report into one (CONTRACT §4, §6)."""

from __future__ import annotations

import dataclasses
import json
from datetime import datetime
from typing import Any
from uuid import UUID
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Query, Status
from ninja.responses import NinjaJSONEncoder

from naungan.accounts.access import api_role_required, request_user
from naungan.accounts.roles import CASE_CREATORS, CASE_ROLES
from naungan.areas.models import Area
from naungan.cases import selectors, services
from naungan.cases.api import outer_router, router
from naungan.cases.api.incidents import incident_out
from naungan.cases.api.messages import message_out
from naungan.cases.models import Case, CaseParty, PartyRole
from naungan.cases.schemas.cases import (
    CaseFilters,
    CaseIn,
    CaseListOut,
    CaseOut,
    ConvertIn,
    ConvertOut,
    PersonIn,
)
from naungan.reports.models import ReportMessage

MAX_LIMIT = 200


def case_item(case: Case) -> dict[str, Any]:
    return {
        "id": case.public_id,
        "registration_number": case.registration_number,
        "status": case.status,
        "area_code": case.area.code,
        "channel": case.channel,
        "received_at": case.received_at,
        "violence_types": case.violence_types,
        "triage": case.triage,
        "restricted": case.restricted,
        "lead": case.lead.username if case.lead else None,
    }


# CaseItemOut's fields, in its order, and where ``case_item`` reads each.
_LIST_COLUMNS = {
    "id": "public_id",
    "registration_number": "registration_number",
    "status": "status",
    "area_code": "area__code",
    "channel": "channel",
    "received_at": "received_at",
    "violence_types": "violence_types",
    "triage": "triage",
    "restricted": "restricted",
    "lead": "lead__username",
}


def _party(p: CaseParty) -> dict[str, Any]:
    person = p.person
    out = {
        "id": person.public_id,
        "party_id": p.public_id,
        "name": person.name,
        "age": person.age,
        "sex": person.sex,
        "nik": person.nik,
        "phone": person.phone,
    }
    if p.role == PartyRole.VICTIM:
        out |= {"violence_types": p.violence_types, "place": p.place}
    else:
        out["relationship"] = p.relationship
    return out


def case_out(case: Case, messages: list[ReportMessage] | None = None) -> dict[str, Any]:
    """The case as the API shows it; ``messages`` as already read for the caller, else the
    thread as stored."""
    parties = list(case.parties.all())
    if messages is None:
        messages = list(selectors.case_thread(case=case))
    return case_item(case) | {
        "organisation": case.organisation.slug,
        "description": case.description,
        "co_workers": [u.username for u in case.co_workers.all()],
        "created_by": case.created_by.username,
        "closed_at": case.closed_at,
        "victims": [_party(p) for p in parties if p.role == PartyRole.VICTIM],
        "perpetrators": [_party(p) for p in parties if p.role == PartyRole.PERPETRATOR],
        "incidents": [incident_out(i) for i in selectors.case_incidents(case=case)],
        "messages": [message_out(m) for m in messages],
    }


def person_in(data: PersonIn, **extra: Any) -> services.PersonIn:
    return services.PersonIn(
        person_id=str(data.person_id) if data.person_id else None,
        name=data.name or "",
        age=data.age,
        sex=data.sex or "",
        nik=data.nik or "",
        phone=data.phone or "",
        address=data.address or "",
        birth_date=data.birth_date,
        disability=data.disability,
        education=data.education or "",
        occupation=data.occupation or "",
        marital_status=data.marital_status or "",
        **extra,
    )


def area_or_422(code: str) -> Area:
    area = selectors.area_by_code(code)
    if area is None:
        raise ValidationError({"area_code": _("Kode wilayah tidak dikenal.")})
    return area


def aware(value: datetime | None, area: Area) -> datetime | None:
    """A naive time is read in the area's zone (WIB/WITA/WIT)."""
    if value is None or timezone.is_aware(value):
        return value
    return value.replace(tzinfo=ZoneInfo(area.timezone))


def _dimension_filters(query: CaseFilters) -> selectors.CaseFilters:
    """The statistics' dimensions of the query, read by the list page's own form (the same
    names and values); a value it cannot read is a 422 naming the parameter."""
    from naungan.cases.exceptions import BadFilter
    from naungan.cases.forms.cases import CaseFilterForm

    names = ("received_from", "received_to", "channel", *CaseFilterForm.INCIDENT_FIELDS)
    data = {n: getattr(query, n) for n in names}
    data["counted"] = "on" if query.counted else ""
    form = CaseFilterForm(data)
    if not form.is_valid():
        name, errors = next(iter(form.errors.items()))
        raise BadFilter(name, errors[0])
    return selectors.CaseFilters.from_form(form.cleaned_data)


@router.get(
    "",
    response=CaseListOut,
    summary="Cases in scope",
    description="Caseworkers: their cases; supervisors: cases in their area; intake: cases they "
    "created. Filters `status`, `area` (code, includes sub-areas), `violence_type`, `q` "
    "(registration number, exact NIK or phone, or name words), `lead`, `overdue`, and the "
    "statistics' dimensions as on the list page: `received_from`, `received_to` (report date, "
    "YYYY-MM-DD, days in the zone of `area`), `channel`, `occurred_from`, `occurred_to`, "
    "`age_group` (0-5, 6-12, 13-17, 18-24, 25-44, 45-59, 60+, unknown), `sex`, `disability` "
    "(true/false), `place`, `relationship`, `perpetrator_age_group`, `gbv_type`, `tpks_type` "
    "(one incident must match them all; `unknown` matches an empty value) and `counted` (only "
    "incidents the statistics count). A value that cannot be read → 422 naming it. "
    "`limit` ≤ 200, `offset`.",
)
@api_role_required(CASE_ROLES)
def cases_list(request: HttpRequest, query: Query[CaseFilters]) -> dict[str, Any]:
    user = request_user(request)
    limit = max(1, min(query.limit, MAX_LIMIT))
    offset = max(0, query.offset)
    filters = dataclasses.replace(
        _dimension_filters(query),
        status=query.status,
        area_code=query.area,
        violence_type=query.violence_type,
        q=query.q,
        lead=query.lead,
        overdue=query.overdue,
    )
    # The list's columns only (no model instances), answered as ninja would render
    # CaseListOut, without validating every item again (docs/performance.md; a test pins the
    # body to the schema and to case_item).
    rows, count = selectors.case_list_page(
        user=user,
        columns=tuple(_LIST_COLUMNS.values()),
        offset=offset,
        limit=limit,
        filters=filters,
    )
    items = [dict(zip(_LIST_COLUMNS, row, strict=True)) for row in rows]
    services.case_list_audit(actor=user, count=len(items), request=request)
    body = json.dumps({"items": items, "count": count}, cls=NinjaJSONEncoder)
    return HttpResponse(body, content_type="application/json; charset=utf-8")  # type: ignore[return-value]


@router.post(
    "",
    response={201: CaseOut},
    by_alias=True,
    summary="Create a case",
    description="Walk-in, hotline or referral in; intake and supervisors of the area. A case "
    "with violence type `sexual` gets a `police_report` task due 72 h after `received_at`.",
)
def cases_create(request: HttpRequest, payload: CaseIn) -> Status[dict[str, Any]]:
    user = request_user(request)
    area = area_or_422(payload.area_code)
    case = services.case_create(
        actor=user,
        area=area,
        received_at=aware(payload.received_at, area),
        channel=payload.channel,
        violence_types=list(payload.violence_types),
        description=payload.description,
        triage=payload.triage or "",
        restricted=payload.restricted,
        victims=[
            person_in(v, violence_types=list(v.violence_types), place=v.place or "")
            for v in payload.victims
        ],
        perpetrators=[
            person_in(p, relationship=p.relationship or "") for p in payload.perpetrators
        ],
    )
    return Status(201, case_out(selectors.case_detail(user=user, case_id=case.public_id)))


@router.get(
    "/{caseid:case_id}",
    response=CaseOut,
    by_alias=True,
    summary="One case",
    description="With `victims` and `perpetrators` (`id` is the person id used by incidents), "
    "`incidents` (withdrawn ones left out) and `messages`, the reporter's thread of the report "
    "the case came from (`[{from, body, sent_at, author, read}]`, empty for a case opened "
    "directly; `read` is as before this call). Reading it marks the reporter's messages read "
    "when the caller writes on the case, and the caller's assignment to it as seen (no longer "
    "new on their home page). Outside scope → 404. Audited.",
)
def cases_get(request: HttpRequest, case_id: UUID) -> dict[str, Any]:
    user = request_user(request)
    case = selectors.case_detail(user=user, case_id=case_id)
    services.case_read_audit(
        actor=user, case=case, categories="identity,contact,narrative", request=request
    )
    services.assignment_seen(actor=user, case=case)
    thread = services.case_thread_read(actor=user, case=case, request=request)
    return case_out(case, messages=thread)


@outer_router.post(
    "/reports/{report_id}/convert",
    response={201: ConvertOut},
    summary="Convert a report into a case",
    description="Intake and supervisors who see the report. Body `{}` or case fields "
    "(`victims`, `perpetrators`, `violence_types`, `triage`, `area_code`, `restricted`). The "
    "case keeps the report's `received_at`. A report that is not open, or a curhat, → 409.",
)
@api_role_required(CASE_CREATORS)
def reports_convert(
    request: HttpRequest, report_id: UUID, payload: ConvertIn | None = None
) -> Status[dict[str, Any]]:
    from naungan.reports.selectors import report_get

    user = request_user(request)
    report = report_get(user=user, report_id=report_id)
    payload = payload or ConvertIn(area_code=None)
    case = services.report_convert(
        actor=user,
        report=report,
        victims=[
            person_in(v, violence_types=list(v.violence_types), place=v.place or "")
            for v in payload.victims
        ],
        perpetrators=[
            person_in(p, relationship=p.relationship or "") for p in payload.perpetrators
        ],
        violence_types=list(payload.violence_types) if payload.violence_types is not None else None,
        triage=payload.triage,
        area=area_or_422(payload.area_code) if payload.area_code else None,
        restricted=payload.restricted,
    )
    return Status(201, {"case_id": case.public_id})
