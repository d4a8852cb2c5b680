"""Cases API for supervisors' work (issue 5): transfers between units, bulk assignment,
caseloads and saved filters. Mounted into ``cases.api.router``; same conventions: scoped
lookups from the selectors, writes through the services, 404 outside scope."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema, Status

from naungan.accounts.models import Role, User
from naungan.core.audit import audit_record
from naungan.core.models import AuditAction
from naungan.orgs.models import Organisation

from . import selectors, selectors_supervisor
from .models import CaseTransfer, SavedFilter
from .services import bulk, transfers

router = Router(tags=["cases"])


def _user(request: HttpRequest) -> User:
    return request.user  # type: ignore[return-value]


def _supervisor(request: HttpRequest) -> User:
    user = _user(request)
    if user.role != Role.SUPERVISOR:
        raise Http404
    return user


class TransferIn(Schema):
    to_organisation: str  # slug
    reason: str


class TransferDeclineIn(Schema):
    reason: str


class TransferOut(Schema):
    id: UUID
    case_id: UUID
    registration_number: str
    violence_types: list[str]
    triage: str
    from_organisation: str
    to_organisation: str
    from_area_code: str
    to_area_code: str
    reason: str
    status: str
    requested_by: str
    requested_at: datetime
    decided_by: str | None = None
    decided_at: datetime | None = None
    decline_reason: str = ""


class TransferListOut(Schema):
    items: list[TransferOut]
    count: int


class TransferFilters(Schema):
    direction: str = "incoming"  # incoming | outgoing
    status: str = ""


class BulkAssignIn(Schema):
    cases: list[UUID]
    username: str


class BulkAssignOut(Schema):
    assigned: int
    cases: list[UUID]


class CaseloadOut(Schema):
    username: str
    role: str
    by_triage: dict[str, int]
    total: int
    co_working: int
    overloaded: bool


class CaseloadListOut(Schema):
    items: list[CaseloadOut]
    count: int
    warning: int


class SavedFilterIn(Schema):
    name: str
    query: str


class SavedFilterOut(Schema):
    id: int
    name: str
    query: str


class SavedFilterListOut(Schema):
    items: list[SavedFilterOut]
    count: int


def transfer_out(t: CaseTransfer) -> dict[str, Any]:
    """The request only: registration number, violence types, triage and reason; no case
    content (the receiver sees this before accepting)."""
    return {
        "id": t.public_id,
        "case_id": t.case.public_id,
        "registration_number": t.case.registration_number,
        "violence_types": list(t.case.violence_types or []),
        "triage": t.case.triage,
        "from_organisation": t.from_organisation.slug,
        "to_organisation": t.to_organisation.slug,
        "from_area_code": t.from_area.code,
        "to_area_code": t.to_area.code,
        "reason": t.reason,
        "status": t.status,
        "requested_by": t.requested_by.username,
        "requested_at": t.created_at,
        "decided_by": t.decided_by.username if t.decided_by else None,
        "decided_at": t.decided_at,
        "decline_reason": t.decline_reason,
    }


@router.post(
    "/cases/{case_id}/transfers",
    response={201: TransferOut},
    summary="Request a transfer",
    description="Supervisor of the case's area: ask another UPTD PPA (`to_organisation` slug) "
    "to take the case over, with a `reason`. One open request per case (409 otherwise).",
)
def transfers_create(
    request: HttpRequest, case_id: UUID, payload: TransferIn
) -> Status[dict[str, Any]]:
    user = _user(request)
    case = selectors.case_get_for_write(user=user, case_id=case_id)
    org = Organisation.objects.filter(slug=payload.to_organisation).first()
    if org is None:
        raise ValidationError({"to_organisation": _("Unit tujuan tidak dikenal.")})
    transfer = transfers.transfer_request(
        actor=user, case=case, to_organisation=org, reason=payload.reason
    )
    return Status(
        201,
        transfer_out(selectors_supervisor.transfer_get(user=user, transfer_id=transfer.public_id)),
    )


@router.get(
    "/cases/transfers",
    response=TransferListOut,
    summary="Transfers of my unit",
    description="Supervisors: `direction=incoming` (default) lists requests addressed to their "
    "unit, `outgoing` those sent from their area; optional `status`.",
)
def transfers_list(request: HttpRequest, filters: Query[TransferFilters]) -> dict[str, Any]:
    user = _supervisor(request)
    if filters.direction == "outgoing":
        qs = selectors_supervisor.transfers_outgoing(user=user)
    else:
        qs = selectors_supervisor.transfers_incoming(user=user, open_only=False)
    if filters.status:
        qs = qs.filter(status=filters.status)
    items = list(qs[:200])
    return {"items": [transfer_out(t) for t in items], "count": qs.count()}


@router.get(
    "/cases/transfers/{transfer_id}",
    response=TransferOut,
    summary="One transfer request",
    description="Sender or receiver supervisors; 404 for everyone else.",
)
def transfers_get(request: HttpRequest, transfer_id: UUID) -> dict[str, Any]:
    user = _user(request)
    transfer = selectors_supervisor.transfer_get(user=user, transfer_id=transfer_id)
    audit_record(
        actor=user,
        action=AuditAction.VIEW,
        obj=transfer,
        area_code=transfer.from_area.code,
        categories="transfer",
        request=request,
    )
    return transfer_out(transfer)


def _decided(user: User, transfer_id: UUID) -> dict[str, Any]:
    return transfer_out(selectors_supervisor.transfer_get(user=user, transfer_id=transfer_id))


@router.post(
    "/cases/transfers/{transfer_id}/accept",
    response=TransferOut,
    summary="Accept a transfer",
    description="Receiving unit's supervisor: the case's organisation and area move to the "
    "receiver; the sender's assignees lose access.",
)
def transfers_accept(request: HttpRequest, transfer_id: UUID) -> dict[str, Any]:
    user = _user(request)
    transfer = selectors_supervisor.transfer_get(user=user, transfer_id=transfer_id)
    transfers.transfer_accept(actor=user, transfer=transfer)
    return _decided(user, transfer_id)


@router.post(
    "/cases/transfers/{transfer_id}/decline",
    response=TransferOut,
    summary="Decline a transfer",
    description="Receiving unit's supervisor, with a `reason`.",
)
def transfers_decline(
    request: HttpRequest, transfer_id: UUID, payload: TransferDeclineIn
) -> dict[str, Any]:
    user = _user(request)
    transfer = selectors_supervisor.transfer_get(user=user, transfer_id=transfer_id)
    transfers.transfer_decline(actor=user, transfer=transfer, reason=payload.reason)
    return _decided(user, transfer_id)


@router.post(
    "/cases/transfers/{transfer_id}/cancel",
    response=TransferOut,
    summary="Withdraw a transfer request",
    description="A supervisor of the sending area withdraws an open request.",
)
def transfers_cancel(request: HttpRequest, transfer_id: UUID) -> dict[str, Any]:
    user = _user(request)
    transfer = selectors_supervisor.transfer_get(user=user, transfer_id=transfer_id)
    transfers.transfer_cancel(actor=user, transfer=transfer)
    return _decided(user, transfer_id)


@router.post(
    "/cases/bulk-assign",
    response=BulkAssignOut,
    summary="Assign a lead to many cases",
    description="Supervisor: name `username` (a caseworker of their unit) lead of every case in "
    "`cases` (≤ 200). All or nothing; a case outside scope fails the batch (422).",
)
def cases_bulk_assign(request: HttpRequest, payload: BulkAssignIn) -> dict[str, Any]:
    user = _supervisor(request)
    assignee = User.objects.filter(username=payload.username).select_related("area").first()
    if assignee is None:
        raise ValidationError({"username": _("Pengguna tidak dikenal.")})
    done = bulk.cases_bulk_assign(actor=user, case_ids=payload.cases, assignee=assignee)
    return {"assigned": len(done), "cases": [c.public_id for c in done]}


@router.get(
    "/cases/caseload",
    response=CaseloadListOut,
    summary="Caseload per worker",
    description="Supervisor: open cases led by each caseworker and supervisor of their unit, by "
    'triage (`""` = not triaged), with the overload threshold `warning`.',
)
def cases_caseload(request: HttpRequest) -> dict[str, Any]:
    user = _supervisor(request)
    warning = selectors_supervisor.caseload_warning()
    items = [
        {
            "username": c.worker.username,
            "role": c.worker.role,
            "by_triage": c.by_triage,
            "total": c.total,
            "co_working": c.co_working,
            "overloaded": c.total > warning,
        }
        for c in selectors_supervisor.caseloads(user=user)
    ]
    return {"items": items, "count": len(items), "warning": warning}


def _filter_out(s: SavedFilter) -> dict[str, Any]:
    return {"id": s.pk, "name": s.name, "query": s.query}


@router.get(
    "/cases/saved-filters",
    response=SavedFilterListOut,
    summary="My saved case-list filters",
)
def saved_filters_list(request: HttpRequest) -> dict[str, Any]:
    items = [_filter_out(s) for s in selectors_supervisor.saved_filters_of(user=_user(request))]
    return {"items": items, "count": len(items)}


@router.post(
    "/cases/saved-filters",
    response={201: SavedFilterOut},
    summary="Save a case-list filter",
    description="`query` is the list's query string; only `status`, `area`, `violence_type` "
    "and `overdue` are kept (search text may be personal data and is never stored). The same "
    "`name` replaces the earlier filter.",
)
def saved_filters_create(request: HttpRequest, payload: SavedFilterIn) -> Status[dict[str, Any]]:
    saved = bulk.saved_filter_save(actor=_user(request), name=payload.name, query=payload.query)
    return Status(201, _filter_out(saved))


@router.delete(
    "/cases/saved-filters/{filter_id}",
    response={204: None},
    summary="Delete one of my saved filters",
)
def saved_filters_delete(request: HttpRequest, filter_id: int) -> Status[None]:
    user = _user(request)
    saved = selectors_supervisor.saved_filter_get(user=user, filter_id=filter_id)
    bulk.saved_filter_delete(actor=user, saved=saved)
    return Status(204, None)
