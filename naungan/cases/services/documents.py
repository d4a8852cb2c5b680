"""Documents on a case (issue 5; DESIGN §12): visum, police report, KTP scans, letters.

The type is decided by the file's content (``core.files``: photos, audio, PDF), photos
are re-encoded without metadata, the bytes are encrypted before they reach the database and the
uploader's file name (it may name the victim) is kept only encrypted. Downloads go through
``document_read`` (audited as an export), never a public URL."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils.translation import gettext as _

from naungan.accounts.models import User
from naungan.core.audit import audit_record
from naungan.core.files import extension, file_encrypt, file_read, files_prepare
from naungan.core.models import AuditAction

from ..models import Case, CaseDocument, DocumentKind
from ._common import _require_writer, _save


@transaction.atomic
def document_upload(
    *, actor: User, case: Case, kind: str, upload: Any, title: str = ""
) -> CaseDocument:
    """Store one file on a case. Callers: the case's writers (assigned caseworkers, the
    supervisors of its area). Size and type limits are the installation's file limits
    (``core.files.default_limits``, the same as report attachments)."""
    _require_writer(actor, case)
    if kind not in DocumentKind.values:
        raise ValidationError({"kind": _("Jenis dokumen tidak dikenal.")})
    if upload is None:
        raise ValidationError({"file": _("Pilih berkas.")})
    (prepared,) = files_prepare([upload], field="file")
    doc = CaseDocument(
        case=case,
        kind=kind,
        title=title.strip()[:200],
        original_name=prepared.original_name,
        content_type=prepared.content_type,
        size=len(prepared.data),
        sha256=prepared.sha256,
        uploaded_by=actor,
        blob=b"",
    )
    doc.blob = file_encrypt(prepared.data, public_id=doc.public_id)
    _save(doc)
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        obj=doc,
        area_code=case.area.code,
        categories="document",
    )
    return doc


def document_download_name(doc: CaseDocument) -> str:
    """A neutral name: never the uploader's own."""
    ext = extension(doc.content_type)
    return f"dokumen-{doc.kind}-{str(doc.public_id)[:8]}.{ext}"


def document_read(*, actor: User, doc: CaseDocument, request: HttpRequest | None = None) -> bytes:
    """Decrypt a document for download and record an ``export`` audit event. The caller has
    fetched ``doc`` through ``selectors_supervisor.case_document_get`` (404 outside scope)."""
    return file_read(
        actor=actor,
        blob=doc.blob,
        public_id=doc.public_id,
        sha256=doc.sha256,
        audit_obj=doc.case,
        categories="document",
        reason=f"document {doc.public_id}",
        request=request,
    )
