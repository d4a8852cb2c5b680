"""Cases API: transfers between units (DESIGN §5)."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Status

from naungan.accounts.access import api_role_required, request_user
from naungan.accounts.models import User
from naungan.accounts.roles import SUPERVISORS
from naungan.cases import selectors
from naungan.cases.api import router
from naungan.cases.models import CaseTransfer
from naungan.cases.schemas.transfers import (
    TransferDeclineIn,
    TransferFilters,
    TransferIn,
    TransferListOut,
    TransferOut,
)
from naungan.cases.services import transfers
from naungan.core.audit import audit_record
from naungan.core.models import AuditAction


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
    "/{caseid:case_id}/transfers",
    response={201: TransferOut},
    summary="Request a transfer",
    description="Supervisor of the case's area: ask another UPTD PPA (`to_organisation` slug) "
    "to take the case over, with a `reason`. One open request per case (409 otherwise).",
)
def transfers_create(
    request: HttpRequest, case_id: UUID, payload: TransferIn
) -> Status[dict[str, Any]]:
    user = request_user(request)
    case = selectors.case_get_for_write(user=user, case_id=case_id)
    org = selectors.organisation_by_slug(payload.to_organisation)
    if org is None:
        raise ValidationError({"to_organisation": _("Unit tujuan tidak dikenal.")})
    transfer = transfers.transfer_request(
        actor=user, case=case, to_organisation=org, reason=payload.reason
    )
    return Status(
        201,
        transfer_out(selectors.transfer_get(user=user, transfer_id=transfer.public_id)),
    )


@router.get(
    "/transfers",
    response=TransferListOut,
    summary="Transfers of my unit",
    description="Supervisors: `direction=incoming` (default) lists requests addressed to their "
    "unit, `outgoing` those sent from their area; optional `status`.",
)
@api_role_required(SUPERVISORS)
def transfers_list(request: HttpRequest, filters: Query[TransferFilters]) -> dict[str, Any]:
    user = request_user(request)
    if filters.direction == "outgoing":
        qs = selectors.transfers_outgoing(user=user)
    else:
        qs = selectors.transfers_incoming(user=user, open_only=False)
    if filters.status:
        qs = qs.filter(status=filters.status)
    items = list(qs[:200])
    return {"items": [transfer_out(t) for t in items], "count": qs.count()}


@router.get(
    "/transfers/{transfer_id}",
    response=TransferOut,
    summary="One transfer request",
    description="Sender or receiver supervisors; 404 for everyone else.",
)
def transfers_get(request: HttpRequest, transfer_id: UUID) -> dict[str, Any]:
    user = request_user(request)
    transfer = selectors.transfer_get(user=user, transfer_id=transfer_id)
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
    return transfer_out(selectors.transfer_get(user=user, transfer_id=transfer_id))


@router.post(
    "/transfers/{transfer_id}/accept",
    response=TransferOut,
    summary="Accept a transfer",
    description="Receiving unit's supervisor: the case's organisation and area move to the "
    "receiver; the sender's assignees lose access.",
)
def transfers_accept(request: HttpRequest, transfer_id: UUID) -> dict[str, Any]:
    user = request_user(request)
    transfer = selectors.transfer_get(user=user, transfer_id=transfer_id)
    transfers.transfer_accept(actor=user, transfer=transfer)
    return _decided(user, transfer_id)


@router.post(
    "/transfers/{transfer_id}/decline",
    response=TransferOut,
    summary="Decline a transfer",
    description="Receiving unit's supervisor, with a `reason`.",
)
def transfers_decline(
    request: HttpRequest, transfer_id: UUID, payload: TransferDeclineIn
) -> dict[str, Any]:
    user = request_user(request)
    transfer = selectors.transfer_get(user=user, transfer_id=transfer_id)
    transfers.transfer_decline(actor=user, transfer=transfer, reason=payload.reason)
    return _decided(user, transfer_id)


@router.post(
    "/transfers/{transfer_id}/cancel",
    response=TransferOut,
    summary="Withdraw a transfer request",
    description="A supervisor of the sending area withdraws an open request.",
)
def transfers_cancel(request: HttpRequest, transfer_id: UUID) -> dict[str, Any]:
    user = request_user(request)
    transfer = selectors.transfer_get(user=user, transfer_id=transfer_id)
    transfers.transfer_cancel(actor=user, transfer=transfer)
    return _decided(user, transfer_id)
