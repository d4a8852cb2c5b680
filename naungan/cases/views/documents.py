"""Uploading and downloading a case's documents."""

from __future__ import annotations

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_POST

from naungan.accounts.access import request_user
from naungan.cases import selectors
from naungan.cases.exceptions import CaseError
from naungan.cases.forms.documents import DocumentForm
from naungan.cases.services import documents
from naungan.core.files import MemoryUploadHandler as AttachmentUploadHandler
from naungan.core.http import error_text


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
    user = request_user(request)
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
        messages.error(request, error_text(exc))
    else:
        messages.success(request, _("Dokumen disimpan."))
    return redirect("cases:detail", case_id=case.public_id)


@login_required
def document_download(request: HttpRequest, case_id: UUID, document_id: UUID) -> HttpResponse:
    user = request_user(request)
    doc = selectors.case_document_get(user=user, case_id=case_id, document_id=document_id)
    data = documents.document_read(actor=user, doc=doc, request=request)
    response = HttpResponse(data, content_type=doc.content_type)
    name = documents.document_download_name(doc)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
