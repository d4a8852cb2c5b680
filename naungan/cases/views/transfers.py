"""Transfers between units: request, the supervisor's list, detail and decision (the home
page's incoming requests are in ``views/home.py``)."""

from __future__ import annotations

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from naungan.accounts.access import request_user, role_required
from naungan.accounts.roles import SUPERVISORS
from naungan.cases import selectors
from naungan.cases.exceptions import CaseError
from naungan.cases.forms.transfers import DeclineForm, TransferRequestForm
from naungan.cases.models import TransferStatus
from naungan.cases.services import transfers
from naungan.core.audit import audit_record
from naungan.core.http import error_text
from naungan.core.models import AuditAction


@login_required
@require_POST
def transfer_request(request: HttpRequest, case_id: UUID) -> HttpResponse:
    user = request_user(request)
    case = selectors.case_get_for_write(user=user, case_id=case_id)
    form = TransferRequestForm(
        request.POST, destinations=selectors.transfer_destinations(case=case)
    )
    if not form.is_valid():
        messages.error(request, " ".join(str(e) for errs in form.errors.values() for e in errs))
        return redirect("cases:detail", case_id=case.public_id)
    try:
        transfers.transfer_request(
            actor=user,
            case=case,
            to_organisation=form.cleaned_data["to_organisation"],
            reason=form.cleaned_data["reason"],
        )
    except (ValidationError, CaseError) as exc:
        messages.error(request, error_text(exc))
    else:
        messages.success(request, _("Permintaan pelimpahan dikirim ke unit penerima."))
    return redirect("cases:detail", case_id=case.public_id)


@role_required(SUPERVISORS)
def transfer_list(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    context = {
        "incoming": list(selectors.transfers_incoming(user=user)),
        "incoming_done": list(
            selectors.transfers_incoming(user=user, open_only=False).exclude(
                status=TransferStatus.REQUESTED
            )[:50]
        ),
        "outgoing": list(selectors.transfers_outgoing(user=user)[:50]),
    }
    return render(request, "cases/supervisor/transfer_list.html", context)


@login_required
def transfer_detail(request: HttpRequest, transfer_id: UUID) -> HttpResponse:
    """The request as the receiver sees it before deciding: registration number, violence
    types, triage and the reason, never the case content."""
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
    is_open = transfer.status == TransferStatus.REQUESTED
    context = {
        "transfer": transfer,
        "can_decide": is_open and transfers.is_transfer_receiver(user, transfer),
        "can_cancel": is_open and transfers.is_transfer_sender(user, transfer),
        "can_open_case": selectors.cases_visible_to(user).filter(pk=transfer.case_id).exists(),
        "decline_form": DeclineForm(),
    }
    return render(request, "cases/supervisor/transfer_detail.html", context)


@login_required
@require_POST
def transfer_decide(request: HttpRequest, transfer_id: UUID, action: str) -> HttpResponse:
    user = request_user(request)
    transfer = selectors.transfer_get(user=user, transfer_id=transfer_id)
    try:
        if action == "accept":
            transfers.transfer_accept(actor=user, transfer=transfer)
            messages.success(request, _("Pelimpahan diterima; kasus kini milik unit Anda."))
            return redirect("cases:detail", case_id=transfer.case.public_id)
        if action == "decline":
            form = DeclineForm(request.POST)
            reason = form.cleaned_data["reason"] if form.is_valid() else ""
            transfers.transfer_decline(actor=user, transfer=transfer, reason=reason)
            messages.success(request, _("Pelimpahan ditolak."))
        else:
            transfers.transfer_cancel(actor=user, transfer=transfer)
            messages.success(request, _("Permintaan pelimpahan dibatalkan."))
    except (ValidationError, CaseError) as exc:
        messages.error(request, error_text(exc))
    return redirect("cases:transfer_detail", transfer_id=transfer.public_id)
