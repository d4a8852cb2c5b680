"""Staff pages for transfers, bulk assignment, caseloads, exports, saved filters and documents.
Thin: scoped reads from the selectors, writes through the services; anything outside the
user's scope is a 404."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods, require_POST

from naungan.accounts.models import Role, User
from naungan.core.audit import audit_record
from naungan.core.files import MemoryUploadHandler as AttachmentUploadHandler
from naungan.core.models import AuditAction

from . import selectors, selectors_supervisor
from .exceptions import CaseError
from .forms import CaseFilterForm
from .forms_supervisor import (
    BulkAssignForm,
    DeclineForm,
    DocumentForm,
    ExportForm,
    SavedFilterForm,
    TransferRequestForm,
)
from .models import TransferStatus
from .services import bulk, documents, exports, transfers
from .views import _error_text, _user

BULK_PAGE = 200


def _supervisor(request: HttpRequest) -> User:
    user = _user(request)
    if user.role != Role.SUPERVISOR:
        raise Http404
    return user


def _filters(query: QueryDict) -> tuple[CaseFilterForm, dict[str, Any]]:
    form = CaseFilterForm(query)
    return form, (form.cleaned_data if form.is_valid() else {})


def _filtered(user: User, filters: dict[str, Any]) -> Any:
    return selectors.case_list(
        user=user,
        status=filters.get("status", ""),
        area_code=filters.get("area", ""),
        violence_type=filters.get("violence_type", ""),
        q=filters.get("q", ""),
        overdue=bool(filters.get("overdue")),
    )


def _list_url(query: str) -> str:
    url = reverse("cases:list")
    return f"{url}?{query}" if query else url


# --- transfers --------------------------------------------------------------------------------


@login_required
@require_POST
def transfer_request(request: HttpRequest, case_id: UUID) -> HttpResponse:
    user = _user(request)
    case = selectors.case_get_for_write(user=user, case_id=case_id)
    form = TransferRequestForm(
        request.POST, destinations=selectors_supervisor.transfer_destinations(case=case)
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
        messages.error(request, _error_text(exc))
    else:
        messages.success(request, _("Permintaan pelimpahan dikirim ke unit penerima."))
    return redirect("cases:detail", case_id=case.public_id)


@login_required
def transfer_list(request: HttpRequest) -> HttpResponse:
    user = _supervisor(request)
    context = {
        "incoming": list(selectors_supervisor.transfers_incoming(user=user)),
        "incoming_done": list(
            selectors_supervisor.transfers_incoming(user=user, open_only=False).exclude(
                status=TransferStatus.REQUESTED
            )[:50]
        ),
        "outgoing": list(selectors_supervisor.transfers_outgoing(user=user)[:50]),
    }
    return render(request, "cases/supervisor/transfer_list.html", context)


@login_required
def transfer_detail(request: HttpRequest, transfer_id: UUID) -> HttpResponse:
    """The request as the receiver sees it before deciding: registration number, violence
    types, triage and the reason, never the case content."""
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
    user = _user(request)
    transfer = selectors_supervisor.transfer_get(user=user, transfer_id=transfer_id)
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
        messages.error(request, _error_text(exc))
    return redirect("cases:transfer_detail", transfer_id=transfer.public_id)


def transfers_home_section(request: HttpRequest) -> dict[str, Any] | None:
    """Open transfer requests addressed to the supervisor's unit, on the staff home page."""
    user = request.user
    if not getattr(user, "is_authenticated", False) or getattr(user, "role", "") != Role.SUPERVISOR:
        return None
    incoming = list(selectors_supervisor.transfers_incoming(user=user)[:10])  # type: ignore[arg-type]
    if not incoming:
        return None
    return {"template": "cases/supervisor/home_transfers.html", "transfers": incoming}


# --- assignment and caseloads -----------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def bulk_assign(request: HttpRequest) -> HttpResponse:
    """The filtered list (same filters as the case list) with a check box per case and one
    lead to assign to all selected."""
    user = _supervisor(request)
    _form, filters = _filters(request.GET)
    cases = list(_filtered(user, filters)[:BULK_PAGE])
    choices = [(str(c.public_id), c.registration_number) for c in cases]
    workers = selectors_supervisor.unit_workers(user=user)
    form = BulkAssignForm(request.POST or None, workers=workers, case_choices=choices)
    query = request.GET.urlencode()
    if request.method == "POST" and form.is_valid():
        try:
            done = bulk.cases_bulk_assign(
                actor=user,
                case_ids=form.cleaned_data["cases"],
                assignee=form.cleaned_data["assignee"],
            )
        except (ValidationError, CaseError) as exc:
            form.add_error(None, _error_text(exc))
        else:
            messages.success(
                request,
                ngettext(
                    "%(n)d kasus ditugaskan kepada %(u)s.",
                    "%(n)d kasus ditugaskan kepada %(u)s.",
                    len(done),
                )
                % {"n": len(done), "u": form.cleaned_data["assignee"].username},
            )
            return redirect(_list_url(query))
    context = {
        "form": form,
        "cases": cases,
        "selected": set(form["cases"].value() or []),
        "query": query,
        "limit": BULK_PAGE,
    }
    return render(request, "cases/supervisor/bulk_assign.html", context)


@login_required
def caseload(request: HttpRequest) -> HttpResponse:
    user = _supervisor(request)
    from .selectors_supervisor import CASELOAD_COLUMNS

    context = {
        "loads": selectors_supervisor.caseloads(user=user),
        "columns": CASELOAD_COLUMNS,
        "warning": selectors_supervisor.caseload_warning(),
    }
    return render(request, "cases/supervisor/caseload.html", context)


# --- export -----------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def case_export(request: HttpRequest) -> HttpResponse:
    """GET: the export form for the current filters (with the row count). POST: the file."""
    user = _supervisor(request)
    if request.method == "POST":
        form = ExportForm(request.POST)
        query = request.POST.get("query", "")
    else:
        query = request.GET.urlencode()
        form = ExportForm(initial={"query": query})
    _f, filters = _filters(QueryDict(query))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            result = exports.cases_export(
                actor=user,
                filters=filters,
                fmt=data["fmt"],
                include_identities=data["include_identities"],
                reason=data["reason"],
                request=request,
            )
        except (ValidationError, CaseError) as exc:
            form.add_error(None, _error_text(exc))
        else:
            response = HttpResponse(result.content, content_type=result.content_type)
            response["Content-Disposition"] = f'attachment; filename="{result.filename}"'
            response["Cache-Control"] = "no-store"
            response["X-Content-Type-Options"] = "nosniff"
            return response
    count = _filtered(user, filters).count()
    context = {
        "form": form,
        "count": count,
        "limit": exports.EXPORT_MAX_ROWS,
        "query": query,
    }
    response = render(request, "cases/supervisor/export.html", context)
    response["Cache-Control"] = "no-store"
    return response


# --- saved filters ----------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def saved_filters(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    if user.role not in (Role.CASEWORKER, Role.SUPERVISOR, Role.INTAKE):
        raise Http404
    if request.method == "POST":
        form = SavedFilterForm(request.POST)
        if form.is_valid():
            try:
                saved = bulk.saved_filter_save(
                    actor=user, name=form.cleaned_data["name"], query=form.cleaned_data["query"]
                )
            except ValidationError as exc:
                form.add_error(None, _error_text(exc))
            else:
                messages.success(request, _("Saringan “%(n)s” disimpan.") % {"n": saved.name})
                return redirect(_list_url(saved.query))
    else:
        form = SavedFilterForm(initial={"query": bulk.clean_filter_query(request.GET.urlencode())})
    context = {
        "form": form,
        "saved": list(selectors_supervisor.saved_filters_of(user=user)),
        "pending_query": form["query"].value() or "",
    }
    return render(request, "cases/supervisor/saved_filters.html", context)


@login_required
@require_POST
def saved_filter_delete(request: HttpRequest, filter_id: int) -> HttpResponse:
    user = _user(request)
    saved = selectors_supervisor.saved_filter_get(user=user, filter_id=filter_id)
    bulk.saved_filter_delete(actor=user, saved=saved)
    messages.success(request, _("Saringan dihapus."))
    return redirect("cases:saved_filters")


# --- documents --------------------------------------------------------------------------------


@csrf_exempt  # only to install the upload handler first; _document_upload checks the token
@login_required
@require_POST
def document_upload(request: HttpRequest, case_id: UUID) -> HttpResponse:
    """Files stay in memory within the limits (never a plaintext temporary file): the upload
    handler must be set before anything, the CSRF check included, reads ``request.POST``."""
    request.upload_handlers = [AttachmentUploadHandler(request)]
    return _document_upload(request, case_id)


@csrf_protect
def _document_upload(request: HttpRequest, case_id: UUID) -> HttpResponse:
    user = _user(request)
    case = selectors.case_get_for_write(user=user, case_id=case_id)
    form = DocumentForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, " ".join(str(e) for errs in form.errors.values() for e in errs))
        return redirect("cases:detail", case_id=case.public_id)
    try:
        documents.document_upload(
            actor=user,
            case=case,
            kind=form.cleaned_data["kind"],
            title=form.cleaned_data["title"],
            upload=form.cleaned_data["file"],
        )
    except (ValidationError, CaseError) as exc:
        messages.error(request, _error_text(exc))
    else:
        messages.success(request, _("Dokumen disimpan."))
    return redirect("cases:detail", case_id=case.public_id)


@login_required
def document_download(request: HttpRequest, case_id: UUID, document_id: UUID) -> HttpResponse:
    user = _user(request)
    doc = selectors_supervisor.case_document_get(
        user=user, case_id=case_id, document_id=document_id
    )
    data = documents.document_read(actor=user, doc=doc, request=request)
    response = HttpResponse(data, content_type=doc.content_type)
    name = documents.document_download_name(doc)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
