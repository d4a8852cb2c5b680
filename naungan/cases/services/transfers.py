"""Transfer of a case to another UPTD PPA, the province or SAPA 129 (DESIGN §5).

A supervisor of the case's area asks; a supervisor of the receiving unit accepts or declines.
Until acceptance the receiver sees only the request (registration number, violence types,
triage, reason), never the case content. On acceptance ownership and area move, the sending
unit's assignees are released, and the sender keeps only the transfer record."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from naungan.accounts.models import User
from naungan.accounts.roles import SUPERVISORS
from naungan.cases.exceptions import TransferNotAllowed, TransferNotOpen, TransferPending
from naungan.core.audit import audit_record
from naungan.core.models import AuditAction
from naungan.orgs.models import Organisation, OrgKind

from ..exceptions import NotPermitted, ReasonRequired
from ..models import (
    Assignment,
    Case,
    CaseStatus,
    CaseTransfer,
    Notification,
    NotificationKind,
    Task,
    TaskKind,
    TaskStatus,
    TransferStatus,
)
from ._common import _lock, _require_supervisor, _require_writer, _save
from .notifications import NoticeText, notice_text, notices_create


def _notify(users: Iterable[User], case: Case, message: NoticeText) -> None:
    """In-app notices, each in its user's language; the text names the case by registration
    number only (no personal data)."""
    Notification.objects.bulk_create(
        [
            Notification(
                user=u,
                kind=NotificationKind.TRANSFER,
                case=case,
                message=message.in_language(u.preferred_language)[:300],
            )
            for u in users
        ]
    )


def transfer_receivers(transfer: CaseTransfer) -> list[User]:
    """Active supervisors of the receiving unit whose scope holds the destination area."""
    users = User.objects.filter(
        is_active=True, role__in=SUPERVISORS, organisation_id=transfer.to_organisation_id
    ).select_related("area")
    return [u for u in users if u.in_scope(transfer.to_area)]


def is_transfer_receiver(user: User, transfer: CaseTransfer) -> bool:
    return (
        user.is_active
        and user.role in SUPERVISORS
        and user.organisation_id == transfer.to_organisation_id
        and user.in_scope(transfer.to_area)
    )


def is_transfer_sender(user: User, transfer: CaseTransfer) -> bool:
    return user.is_active and user.role in SUPERVISORS and user.in_scope(transfer.from_area)


def _locked(transfer: CaseTransfer) -> CaseTransfer:
    return (
        CaseTransfer.objects.select_for_update()
        .select_related("to_area", "from_area", "to_organisation", "from_organisation")
        .get(pk=transfer.pk)
    )


@transaction.atomic
def transfer_request(
    *, actor: User, case: Case, to_organisation: Organisation, reason: str
) -> CaseTransfer:
    """Ask another UPTD PPA (a kota/kabupaten unit, the province, or SAPA 129 when it is set
    up as a unit) to take over ``case``. Callers: supervisors of the case's area. One open
    request per case (also a database constraint); closed cases are not transferred."""
    _require_supervisor(actor, case)
    _require_writer(actor, case)
    case = _lock(case)
    reason = reason.strip()
    if not reason:
        raise ReasonRequired(_("Alasan pelimpahan wajib diisi."))
    if case.status == CaseStatus.CLOSED:
        raise TransferNotAllowed(_("Kasus yang sudah ditutup tidak dapat dilimpahkan."))
    if to_organisation.kind != OrgKind.UPTD_PPA or to_organisation.pk == case.organisation_id:
        raise TransferNotAllowed
    if CaseTransfer.objects.filter(case=case, status=TransferStatus.REQUESTED).exists():
        raise TransferPending
    transfer = CaseTransfer(
        case=case,
        from_organisation_id=case.organisation_id,
        to_organisation=to_organisation,
        from_area=case.area,
        to_area=to_organisation.area,
        reason=reason,
        requested_by=actor,
    )
    _save(transfer)
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        obj=transfer,
        area_code=case.area.code,
        categories="transfer",
        reason=f"transfer to {to_organisation.slug}",
    )
    # The receivers decide on the request page: the case itself opens to them on acceptance.
    notices_create(
        users=transfer_receivers(transfer),
        kind=NotificationKind.APPROVAL,
        case=case,
        message=notice_text(
            gettext_lazy("Permintaan pelimpahan kasus %(n)s dari %(org)s."),
            n=case.registration_number,
            org=transfer.from_organisation.name,
        ),
        link=reverse("cases:transfer_detail", args=[transfer.public_id]),
        email=True,
    )
    return transfer


@transaction.atomic
def transfer_accept(*, actor: User, transfer: CaseTransfer) -> CaseTransfer:
    """The receiving unit's supervisor takes the case over: its organisation and area move to
    the receiver (the denormalised area codes follow through ``Case.save``); the sender's lead
    and co-workers are released and their open tasks wait for the new lead; on a restricted
    case the sender's named users leave the list and the accepting supervisor joins it."""
    transfer = _locked(transfer)
    if not is_transfer_receiver(actor, transfer):
        raise NotPermitted(_("Hanya supervisor unit penerima yang dapat memutuskan pelimpahan."))
    if transfer.status != TransferStatus.REQUESTED:
        raise TransferNotOpen
    case = _lock(transfer.case)
    released = [u for u in [case.lead, *case.co_workers.all()] if u is not None]
    case.organisation = transfer.to_organisation
    case.area = transfer.to_area
    case.lead = None
    _save(case)
    case.co_workers.clear()
    Assignment.objects.bulk_create(
        [
            Assignment(case=case, user=u, action=Assignment.Action.REMOVED, assigned_by=actor)
            for u in released
        ]
    )
    # An activist named companion keeps their accompaniment task: the brief goes on.
    Task.objects.filter(case=case, status=TaskStatus.OPEN).exclude(
        kind=TaskKind.ACTIVIST_ACCOMPANIMENT
    ).update(owner=None)
    if case.restricted:
        named = list(case.restricted_to.select_related("area"))
        case.restricted_to.remove(*[u for u in named if not u.in_scope(transfer.to_area)])
        case.restricted_to.add(actor)
    transfer.status = TransferStatus.ACCEPTED
    transfer.decided_by = actor
    transfer.decided_at = timezone.now()
    _save(transfer)
    for area in (transfer.from_area, transfer.to_area):
        audit_record(
            actor=actor,
            action=AuditAction.UPDATE,
            obj=transfer,
            area_code=area.code,
            categories="transfer",
            reason=f"transfer accepted {transfer.from_area.code} -> {transfer.to_area.code}",
        )
    _notify(
        [transfer.requested_by],
        case,
        notice_text(
            gettext_lazy("Pelimpahan kasus %(n)s diterima oleh %(org)s."),
            n=case.registration_number,
            org=transfer.to_organisation.name,
        ),
    )
    return transfer


@transaction.atomic
def transfer_decline(*, actor: User, transfer: CaseTransfer, reason: str) -> CaseTransfer:
    """The receiving unit's supervisor declines, with a reason; the case stays where it was."""
    transfer = _locked(transfer)
    if not is_transfer_receiver(actor, transfer):
        raise NotPermitted(_("Hanya supervisor unit penerima yang dapat memutuskan pelimpahan."))
    if transfer.status != TransferStatus.REQUESTED:
        raise TransferNotOpen
    reason = reason.strip()
    if not reason:
        raise ReasonRequired(_("Alasan penolakan wajib diisi."))
    transfer.status = TransferStatus.DECLINED
    transfer.decided_by = actor
    transfer.decided_at = timezone.now()
    transfer.decline_reason = reason
    _save(transfer)
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=transfer,
        area_code=transfer.from_area.code,
        categories="transfer",
        reason=f"transfer declined: {reason}"[:2000],
    )
    _notify(
        [transfer.requested_by],
        transfer.case,
        notice_text(
            gettext_lazy("Pelimpahan kasus %(n)s ditolak oleh %(org)s."),
            n=transfer.case.registration_number,
            org=transfer.to_organisation.name,
        ),
    )
    return transfer


@transaction.atomic
def transfer_cancel(*, actor: User, transfer: CaseTransfer) -> CaseTransfer:
    """A supervisor of the sending area withdraws an open request."""
    transfer = _locked(transfer)
    if not is_transfer_sender(actor, transfer):
        raise NotPermitted
    if transfer.status != TransferStatus.REQUESTED:
        raise TransferNotOpen
    transfer.status = TransferStatus.CANCELLED
    transfer.decided_by = actor
    transfer.decided_at = timezone.now()
    _save(transfer)
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=transfer,
        area_code=transfer.from_area.code,
        categories="transfer",
        reason="transfer cancelled",
    )
    return transfer
