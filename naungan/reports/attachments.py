"""Attachments of public reports (issue 4, DESIGN §3 Attachment and §12): what is particular
to reports. Sniffing, photo re-encoding, encryption and the audited download are the shared
encrypted-file code of ``naungan.core.files``; here are the report's field name and limits,
storing a report's files in its transaction, their neutral download name and reading one."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.http import HttpRequest

from naungan.core.files import (
    ACCEPT,
    FileLimits,
    MemoryUploadHandler,
    PreparedFile,
    extension,
    file_encrypt,
    file_read,
    files_prepare,
    upload_digests,
)

from . import conf
from .models import Report, ReportAttachment

FIELD = "attachments"
PreparedAttachment = PreparedFile
# The web form's upload handler: report limits (the installation's defaults).
AttachmentUploadHandler = MemoryUploadHandler

__all__ = [
    "ACCEPT",
    "FIELD",
    "AttachmentUploadHandler",
    "PreparedAttachment",
    "attachment_download_name",
    "attachment_read",
    "attachments_prepare",
    "attachments_store",
    "upload_digests",
]


def attachments_prepare(files: Sequence[Any]) -> list[PreparedFile]:
    """The reporter's files checked and cleaned (``core.files.files_prepare``) within the
    report limits; one ValidationError on ``attachments`` names every refused file."""
    limits = FileLimits(
        max_files=conf.attachment_max_files(),
        max_bytes=conf.attachment_max_bytes(),
        max_pixels=conf.attachment_max_pixels(),
    )
    return files_prepare(files, field=FIELD, limits=limits)


def attachments_store(
    *, report: Report, prepared: Sequence[PreparedFile]
) -> list[ReportAttachment]:
    """Encrypt and insert the files of ``report``. Called by ``services.report_submit`` inside
    the transaction that stores the report, so both commit or neither does."""
    rows = []
    for item in prepared:
        row = ReportAttachment(
            report=report,
            kind=item.kind,
            content_type=item.content_type,
            size=len(item.data),
            sha256=item.sha256,
            original_name=item.original_name,
        )
        row.blob = file_encrypt(item.data, public_id=row.public_id)
        rows.append(row)
    return ReportAttachment.objects.bulk_create(rows)


def attachment_download_name(attachment: ReportAttachment) -> str:
    """A neutral file name: never the reporter's own (it may name the victim)."""
    ext = extension(attachment.content_type)
    return f"lampiran-{attachment.report.tracking_code}-{str(attachment.public_id)[:8]}.{ext}"


def attachment_read(
    *, actor: Any, attachment: ReportAttachment, request: HttpRequest | None = None
) -> bytes:
    """Decrypt an attachment for a download and record an ``export`` audit event. The caller
    has already fetched it through the scoped selector ``selectors.report_attachment_get``."""
    return file_read(
        actor=actor,
        blob=attachment.blob,
        public_id=attachment.public_id,
        sha256=attachment.sha256,
        audit_obj=attachment.report,
        categories="attachments",
        reason=f"attachment {attachment.public_id}",
        request=request,
    )
