"""Cases API (CONTRACT §4, §6, §8). Thin: scoped lookups come from selectors, writes from
services; domain failures become 403/409/422 with ``{"detail": ...}``."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any
from uuid import UUID
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema, Status
from ninja.responses import NinjaJSONEncoder

from naungan.accounts.models import Role, User
from naungan.areas.models import Area
from naungan.reports.models import ReportMessage

from . import selectors, services
from .models import Case, CaseParty, Incident, PartyRole, Person, Task
from .schemas import (
    AssignIn,
    CaseIn,
    CaseListOut,
    CaseMessageCreatedOut,
    CaseMessageIn,
    CaseOut,
    ClosureIn,
    ClosureOut,
    ConvertIn,
    ConvertOut,
    CreatedOut,
    DecideIn,
    IncidentCreatedOut,
    IncidentIn,
    MatchListOut,
    NoteIn,
    PersonIn,
    ReclassifyIn,
    ReopenIn,
    TaskListOut,
    TaskOut,
    TransitionIn,
    WaiveIn,
)

router = Router(tags=["cases"])
MAX_LIMIT = 200


def _user(request: HttpRequest) -> User:
    return request.user  # type: ignore[return-value]


# --- output helpers ---------------------------------------------------------------------------


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


def incident_out(i: Incident) -> dict[str, Any]:
    return {
        "id": i.public_id,
        "survivor": i.survivor.public_id,
        "occurred_on": i.occurred_on,
        "gbv_type": i.gbv_type,
        "context_flags": i.context_flags,
        "tpks_type": i.tpks_type or None,
        "perpetrator_relationship": i.perpetrator_relationship,
        "perpetrator_age": i.perpetrator_age,
        "survivor_age": i.survivor_age,
        "reporting_consent": i.reporting_consent,
        "reported_elsewhere": i.reported_elsewhere,
        "answer_trace": i.answer_trace,
    }


def message_out(m: ReportMessage) -> dict[str, Any]:
    return {
        "from": m.sender,
        "body": m.body,
        "sent_at": m.sent_at,
        "author": m.author.get_username() if m.author else None,
        "read": m.read,
    }


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
        "incidents": [incident_out(i) for i in case.incidents.all()],
        "messages": [message_out(m) for m in messages],
    }


def task_out(t: Task) -> dict[str, Any]:
    return {
        "id": t.public_id,
        "kind": t.kind,
        "due_at": t.due_at,
        "status": t.status,
        "statutory": t.statutory,
        "overdue": t.overdue,
        "owner": t.owner.username if t.owner else None,
        "source_rule": t.source_rule,
        "waived_reason": t.waived_reason,
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
    area = Area.objects.filter(code=code).first()
    if area is None:
        raise ValidationError({"area_code": _("Kode wilayah tidak dikenal.")})
    return area


def aware(value: datetime | None, area: Area) -> datetime | None:
    """A naive time is read in the area's zone (WIB/WITA/WIT)."""
    if value is None or timezone.is_aware(value):
        return value
    return value.replace(tzinfo=ZoneInfo(area.timezone))


# --- cases ------------------------------------------------------------------------------------


class CaseFilters(Schema):
    status: str = ""
    area: str = ""
    violence_type: str = ""
    q: str = ""
    lead: str = ""
    overdue: bool = False
    limit: int = 50
    offset: int = 0


@router.get(
    "/cases",
    response=CaseListOut,
    summary="Cases in scope",
    description="Caseworkers: their cases; supervisors: cases in their area; intake: cases they "
    "created. Filters `status`, `area` (code, includes sub-areas), `violence_type`, `q` "
    "(registration number, exact NIK or phone, or name words), `lead`, `overdue`. "
    "`limit` ≤ 200, `offset`.",
)
def cases_list(request: HttpRequest, filters: Query[CaseFilters]) -> dict[str, Any]:
    user = _user(request)
    limit = max(1, min(filters.limit, MAX_LIMIT))
    offset = max(0, filters.offset)
    # The list's columns only (no model instances), answered as ninja would render
    # CaseListOut, without validating every item again (docs/performance.md; a test pins the
    # body to the schema and to case_item).
    rows, count = selectors.case_list_page(
        user=user,
        columns=tuple(_LIST_COLUMNS.values()),
        offset=offset,
        limit=limit,
        status=filters.status,
        area_code=filters.area,
        violence_type=filters.violence_type,
        q=filters.q,
        lead=filters.lead,
        overdue=filters.overdue,
    )
    items = [dict(zip(_LIST_COLUMNS, row, strict=True)) for row in rows]
    services.case_list_audit(actor=user, count=len(items), request=request)
    body = json.dumps({"items": items, "count": count}, cls=NinjaJSONEncoder)
    return HttpResponse(body, content_type="application/json; charset=utf-8")  # type: ignore[return-value]


@router.post(
    "/cases",
    response={201: CaseOut},
    by_alias=True,
    summary="Create a case",
    description="Walk-in, hotline or referral in; intake and supervisors of the area. A case "
    "with violence type `sexual` gets a `police_report` task due 72 h after `received_at`.",
)
def cases_create(request: HttpRequest, payload: CaseIn) -> Status[dict[str, Any]]:
    user = _user(request)
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
    "/cases/matches",
    response=MatchListOut,
    summary="Search before create",
    description="Existing people in visible cases: exact by `nik` or `phone` (blind index), "
    "fuzzy by `name` (+ `birth_year` or `age`). Matches outside scope are never shown; they "
    "are recorded for the supervisors of that area.",
)
def cases_matches(
    request: HttpRequest,
    nik: str = "",
    phone: str = "",
    name: str = "",
    birth_year: int | None = None,
    age: int | None = None,
) -> dict[str, Any]:
    user = _user(request)
    matches, hidden = selectors.person_matches(
        user=user, nik=nik, phone=phone, name=name, birth_year=birth_year, age=age
    )
    services.match_hidden_alert(actor=user, cases=hidden)
    items = [
        {
            "person_id": m["person"].public_id,
            "case_id": m["case"].public_id,
            "registration_number": m["case"].registration_number,
            "role": m["role"],
            "match": m["match"],
        }
        for m in matches
    ]
    return {"items": items, "count": len(items)}


@router.get(
    "/cases/{case_id}",
    response=CaseOut,
    by_alias=True,
    summary="One case",
    description="With `victims` and `perpetrators` (`id` is the person id used by incidents), "
    "incidents and `messages`, the reporter's thread of the report the case came from "
    "(`[{from, body, sent_at, author, read}]`, empty for a case opened directly; `read` is "
    "as before this call). Reading it marks the reporter's messages read when the caller "
    "writes on the case. Outside scope → 404. Audited.",
)
def cases_get(request: HttpRequest, case_id: UUID) -> dict[str, Any]:
    user = _user(request)
    case = selectors.case_detail(user=user, case_id=case_id)
    services.case_read_audit(
        actor=user, case=case, categories="identity,contact,narrative", request=request
    )
    thread = services.case_thread_read(actor=user, case=case, request=request)
    return case_out(case, messages=thread)


@router.post(
    "/cases/{case_id}/messages",
    response={201: CaseMessageCreatedOut},
    by_alias=True,
    summary="Answer the reporter",
    description="The case's writers (its caseworkers, the supervisors of its area; anyone "
    "else → 404 as for a missing case) write to the reporter of the report the case came "
    "from; she sees it on `/lapor/status/` from “Petugas”, never the author's name. A case "
    "opened directly has no reporter thread → 409. Empty or too long `body` → 422.",
)
def cases_message(
    request: HttpRequest, case_id: UUID, payload: CaseMessageIn
) -> Status[dict[str, Any]]:
    user = _user(request)
    case = selectors.case_get_for_write(user=user, case_id=case_id)
    message = services.case_message_reply(actor=user, case=case, body=payload.body, request=request)
    return Status(201, {"from": message.sender, "body": message.body, "sent_at": message.sent_at})


@router.post(
    "/cases/{case_id}/assign",
    response=CaseOut,
    by_alias=True,
    summary="Assign a caseworker",
    description="Supervisor of the case's area: `lead: true` names the lead (replacing the "
    "previous one), `lead: false` adds a co-worker, `remove: true` removes the user.",
)
def cases_assign(request: HttpRequest, case_id: UUID, payload: AssignIn) -> dict[str, Any]:
    user = _user(request)
    case = selectors.case_get_for_write(user=user, case_id=case_id)
    assignee = User.objects.filter(username=payload.username).select_related("area").first()
    if assignee is None:
        raise ValidationError({"username": _("Pengguna tidak dikenal.")})
    if payload.remove:
        services.case_unassign(actor=user, case=case, assignee=assignee)
    else:
        services.case_assign(actor=user, case=case, assignee=assignee, lead=payload.lead)
    return case_out(selectors.case_detail(user=user, case_id=case_id))


@router.post(
    "/cases/{case_id}/transition",
    response=CaseOut,
    by_alias=True,
    summary="Change the case status",
    description="Allowed: open→assessment (needs a lead), assessment→intervention, "
    "intervention→monitoring, monitoring→intervention. Anything else → 409. Closing uses "
    "`/closure`, reopening `/reopen`.",
)
def cases_transition(request: HttpRequest, case_id: UUID, payload: TransitionIn) -> dict[str, Any]:
    user = _user(request)
    case = selectors.case_get_for_write(user=user, case_id=case_id)
    services.case_transition(actor=user, case=case, to_status=payload.to, reason=payload.reason)
    return case_out(selectors.case_detail(user=user, case_id=case_id))


def closure_out(c: Any) -> dict[str, Any]:
    return {
        "id": c.public_id,
        "status": c.status,
        "reason": c.reason,
        "requested_by": c.requested_by.username,
        "decided_by": c.decided_by.username if c.decided_by else None,
        "case_status": c.case.status,
    }


@router.post(
    "/cases/{case_id}/closure",
    response={201: ClosureOut},
    summary="Request closure",
    description="With a reason and summary; blocked (409) by open statutory tasks.",
)
def cases_closure(
    request: HttpRequest, case_id: UUID, payload: ClosureIn
) -> Status[dict[str, Any]]:
    user = _user(request)
    case = selectors.case_get_for_write(user=user, case_id=case_id)
    closure = services.closure_request(
        actor=user, case=case, reason=payload.reason, summary=payload.summary
    )
    return Status(201, closure_out(closure))


@router.post(
    "/cases/{case_id}/closure/{closure_id}/decide",
    response=ClosureOut,
    summary="Approve or reject closure",
    description="A supervisor of the area who is not the requester (else 409). Rejection "
    "needs a `note`.",
)
def cases_closure_decide(
    request: HttpRequest, case_id: UUID, closure_id: UUID, payload: DecideIn
) -> dict[str, Any]:
    user = _user(request)
    case = selectors.case_get_for_write(user=user, case_id=case_id)
    closure = case.closure_requests.filter(public_id=closure_id).first()
    if closure is None:
        raise Http404
    closure = services.closure_decide(
        actor=user, closure=closure, approve=payload.approve, note=payload.note
    )
    return closure_out(closure)


@router.post(
    "/cases/{case_id}/reopen",
    response=CaseOut,
    by_alias=True,
    summary="Reopen a closed case",
    description="With a reason; the case returns to `assessment`.",
)
def cases_reopen(request: HttpRequest, case_id: UUID, payload: ReopenIn) -> dict[str, Any]:
    user = _user(request)
    case = selectors.case_get_for_write(user=user, case_id=case_id)
    services.case_reopen(actor=user, case=case, reason=payload.reason)
    return case_out(selectors.case_detail(user=user, case_id=case_id))


# --- incidents --------------------------------------------------------------------------------


@router.post(
    "/cases/{case_id}/incidents",
    response={201: IncidentCreatedOut},
    summary="Record an incident",
    description="One survivor (a victim of the case; default the first). The GBVIMS type is "
    "the first “yes” of the six ordered questions; `context_flags` are derived (DESIGN §7).",
)
def cases_incident(
    request: HttpRequest, case_id: UUID, payload: IncidentIn
) -> Status[dict[str, Any]]:
    user = _user(request)
    case = selectors.case_get_for_write(user=user, case_id=case_id)
    survivor = None
    if payload.survivor is not None:
        survivor = Person.objects.filter(
            public_id=payload.survivor, parties__case=case, parties__role=PartyRole.VICTIM
        ).first()
        if survivor is None:
            raise ValidationError({"survivor": _("Penyintas harus korban dalam kasus ini.")})
    incident = services.incident_record(
        actor=user,
        case=case,
        survivor=survivor,
        answers=payload.classification.dict(),
        occurred_on=payload.occurred_on,
        occurred_on_approximate=payload.occurred_on_approximate,
        survivor_age=payload.survivor_age_at_incident,
        perpetrator_relationship=payload.perpetrator_relationship or "",
        perpetrator_age=payload.perpetrator_age,
        money_goods_exchanged=payload.money_goods_exchanged,
        abduction=payload.abduction,
        harmful_traditional_practice=payload.harmful_traditional_practice,
        tpks_type=payload.tpks_type or "",
        reporting_consent=payload.reporting_consent,
        reported_elsewhere=payload.reported_elsewhere,
        place=payload.place or "",
        violence_types=list(payload.violence_types),
        narrative=payload.narrative,
    )
    return Status(201, incident_out(incident))


@router.post(
    "/cases/{case_id}/incidents/{incident_id}/reclassify",
    response=IncidentCreatedOut,
    summary="Reclassify an incident",
    description="Supervisor, with a reason; earlier answer traces are kept.",
)
def cases_incident_reclassify(
    request: HttpRequest, case_id: UUID, incident_id: UUID, payload: ReclassifyIn
) -> dict[str, Any]:
    user = _user(request)
    case = selectors.case_get_for_write(user=user, case_id=case_id)
    incident = case.incidents.select_related("survivor").filter(public_id=incident_id).first()
    if incident is None:
        raise Http404
    incident = services.incident_reclassify(
        actor=user, incident=incident, answers=payload.classification.dict(), reason=payload.reason
    )
    return incident_out(incident)


# --- tasks and notes --------------------------------------------------------------------------


@router.get(
    "/cases/{case_id}/tasks",
    response=TaskListOut,
    summary="Deadlines and tasks of a case",
    description="Items `{kind, due_at, status, …}` ordered by deadline; `overdue` is computed.",
)
def cases_tasks(request: HttpRequest, case_id: UUID) -> dict[str, Any]:
    user = _user(request)
    case = selectors.case_get(user=user, case_id=case_id)
    tasks = list(selectors.case_tasks(case=case))
    services.case_read_audit(actor=user, case=case, categories="tasks", request=request)
    return {"items": [task_out(t) for t in tasks], "count": len(tasks)}


def _task(user: User, case_id: UUID, task_id: UUID) -> Task:
    case = selectors.case_get_for_write(user=user, case_id=case_id)
    task = case.tasks.select_related("case__area", "owner").filter(public_id=task_id).first()
    if task is None:
        raise Http404
    return task


@router.post(
    "/cases/{case_id}/tasks/{task_id}/complete",
    response=TaskOut,
    summary="Mark a task done",
)
def cases_task_complete(request: HttpRequest, case_id: UUID, task_id: UUID) -> dict[str, Any]:
    user = _user(request)
    task = services.task_complete(actor=user, task=_task(user, case_id, task_id))
    return task_out(task)


@router.post(
    "/cases/{case_id}/tasks/{task_id}/waive",
    response=TaskOut,
    summary="Waive a task with a reason",
    description="Statutory tasks only by a supervisor (else 403).",
)
def cases_task_waive(
    request: HttpRequest, case_id: UUID, task_id: UUID, payload: WaiveIn
) -> dict[str, Any]:
    user = _user(request)
    task = services.task_waive(
        actor=user, task=_task(user, case_id, task_id), reason=payload.reason
    )
    return task_out(task)


@router.post(
    "/cases/{case_id}/notes",
    response={201: CreatedOut},
    summary="Add a note",
    description="Typed (contact, home visit, coordination, supervision, other), encrypted.",
)
def cases_note(request: HttpRequest, case_id: UUID, payload: NoteIn) -> Status[dict[str, Any]]:
    user = _user(request)
    case = selectors.case_get_for_write(user=user, case_id=case_id)
    note = services.note_add(actor=user, case=case, kind=payload.kind, body=payload.body)
    return Status(201, {"id": note.public_id})


# --- reports → cases --------------------------------------------------------------------------


@router.post(
    "/reports/{report_id}/convert",
    response={201: ConvertOut},
    summary="Convert a report into a case",
    description="Intake and supervisors who see the report. Body `{}` or case fields "
    "(`victims`, `perpetrators`, `violence_types`, `triage`, `area_code`, `restricted`). The "
    "case keeps the report's `received_at`. A report that is not open, or a curhat, → 409.",
)
def reports_convert(
    request: HttpRequest, report_id: UUID, payload: ConvertIn | None = None
) -> Status[dict[str, Any]]:
    from naungan.reports.selectors import report_get

    user = _user(request)
    if user.role not in (Role.INTAKE, Role.SUPERVISOR):
        raise Http404
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
