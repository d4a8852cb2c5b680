"""Attachments of public reports: type by content, photo metadata stripped, stored encrypted,
read only by staff in scope (issue 4, DESIGN §3 Attachment and §12).

* The type is decided by the file's **content** (magic bytes, and for photos a full decode),
  never by its name or the browser's content type. Accepted: photos (JPEG, PNG, WebP), audio
  (MP3, M4A, OGG, AMR, WAV) and PDF.
* Photos are decoded and re-encoded with Pillow, which drops EXIF (GPS position, camera, time),
  XMP, IPTC, ICC profiles and comments; the EXIF orientation is applied first so the picture
  stays upright. Only the first frame of an animated image is kept.
* Audio and PDF are stored **as they are**: their metadata (ID3 tags, PDF author and producer)
  is not stripped. Staff should treat them as sent.
* Every file is encrypted with the field keyring before it reaches the database
  (``crypto.encrypt_bytes``), and can be downloaded only through ``attachment_read`` (audited).
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import InMemoryUploadedFile
from django.core.files.uploadhandler import FileUploadHandler, StopFutureHandlers
from django.http import HttpRequest
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, ImageOps

from naungan.core import crypto
from naungan.core.audit import audit_record
from naungan.core.models import AuditAction

from . import conf
from .models import AttachmentKind, Report, ReportAttachment

FIELD = "attachments"

# Detected content type → (kind, download extension, Pillow format for photos).
FORMATS: dict[str, tuple[str, str, str]] = {
    "image/jpeg": (AttachmentKind.PHOTO, "jpg", "JPEG"),
    "image/png": (AttachmentKind.PHOTO, "png", "PNG"),
    "image/webp": (AttachmentKind.PHOTO, "webp", "WEBP"),
    "audio/mpeg": (AttachmentKind.AUDIO, "mp3", ""),
    "audio/mp4": (AttachmentKind.AUDIO, "m4a", ""),
    "audio/ogg": (AttachmentKind.AUDIO, "ogg", ""),
    "audio/amr": (AttachmentKind.AUDIO, "amr", ""),
    "audio/wav": (AttachmentKind.AUDIO, "wav", ""),
    "application/pdf": (AttachmentKind.PDF, "pdf", ""),
}
# What the file picker offers (a hint only: the content decides).
ACCEPT = "image/jpeg,image/png,image/webp,audio/*,.mp3,.m4a,.ogg,.amr,.wav,application/pdf"


# --- Type by content ----------------------------------------------------------------------------


def _mpeg_frame_at(data: bytes, at: int) -> bool:
    """An MPEG audio frame header at ``at``: 11 sync bits, a defined version and layer, a
    valid bitrate and sample rate. (JPEG's FF D8 and AAC's ADTS headers fail this.)"""
    head = data[at : at + 4]
    if len(head) < 4 or head[0] != 0xFF or head[1] & 0xE0 != 0xE0:
        return False
    version, layer = (head[1] >> 3) & 3, (head[1] >> 1) & 3
    bitrate, rate = head[2] >> 4, (head[2] >> 2) & 3
    return version != 1 and layer != 0 and bitrate != 0xF and rate != 3


def _is_mp3(data: bytes) -> bool:
    if data[:3] == b"ID3" and len(data) >= 10:
        size = 0
        for byte in data[6:10]:  # "syncsafe" integer: 7 bits per byte
            size = (size << 7) | (byte & 0x7F)
        at = 10 + size + (10 if data[5] & 0x10 else 0)
        while at < len(data) and data[at] == 0 and at < 10 + size + 4096:
            at += 1  # padding after the tag
        return _mpeg_frame_at(data, at)
    return _mpeg_frame_at(data, 0)


def _is_m4a(data: bytes) -> bool:
    """An MP4/ISO-BMFF file with a sound track and no video track (M4A; not a video)."""
    if data[4:8] != b"ftyp":
        return False
    handlers = set()
    at = data.find(b"hdlr")
    while at != -1:
        handlers.add(data[at + 12 : at + 16])  # box type, version+flags, pre_defined, handler
        at = data.find(b"hdlr", at + 4)
    return b"soun" in handlers and b"vide" not in handlers


def sniff(data: bytes) -> str:
    """The content type the bytes really are, among the accepted ones, else ``""``."""
    if data[:3] == b"\xff\xd8\xff":
        return "image/jpeg"
    if data[:8] == b"\x89PNG\r\n\x1a\n":
        return "image/png"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    if data[:4] == b"RIFF" and data[8:12] == b"WAVE":
        return "audio/wav"
    if data[:5] == b"%PDF-":
        return "application/pdf"
    if data[:4] == b"OggS":
        return "audio/ogg"
    if data.startswith((b"#!AMR\n", b"#!AMR-WB\n")):
        return "audio/amr"
    if _is_m4a(data):
        return "audio/mp4"
    if _is_mp3(data):
        return "audio/mpeg"
    return ""


# --- Photos ---------------------------------------------------------------------------------


def _reencode(data: bytes, pillow_format: str, name: str) -> bytes:
    """Decode and re-encode a photo, keeping pixels only (no EXIF/GPS, XMP, ICC, comments).
    Only the expected decoder is tried, so a photo cannot smuggle another format in."""
    try:
        with Image.open(io.BytesIO(data), formats=[pillow_format]) as img:
            if img.width * img.height > conf.attachment_max_pixels():
                raise ValidationError(
                    _("Foto terlalu besar (lebih dari %(n)d megapiksel): %(name)s")
                    % {"n": conf.attachment_max_pixels() // 1_000_000, "name": name}
                )
            upright = ImageOps.exif_transpose(img)
            upright.load()
    except ValidationError:
        raise
    except Exception as exc:  # corrupt or truncated: UnidentifiedImageError, OSError, ...
        raise ValidationError(
            _("Foto tidak dapat dibaca (file rusak?): %(name)s") % {"name": name}
        ) from exc
    keep: dict[str | tuple[int, int], Any] = {}
    if "transparency" in upright.info:
        keep["transparency"] = upright.info["transparency"]
    upright.info = keep  # nothing else of the original's metadata may reach the encoder
    out = io.BytesIO()
    if pillow_format == "JPEG":
        if upright.mode not in ("RGB", "L"):
            upright = upright.convert("RGB")
        upright.save(out, "JPEG", quality=90)
    elif pillow_format == "WEBP":
        if upright.mode not in ("RGB", "RGBA"):
            upright = upright.convert("RGBA" if upright.has_transparency_data else "RGB")
        upright.save(out, "WEBP", quality=90)
    else:
        upright.save(out, "PNG")
    return out.getvalue()


# --- Checking what the reporter sent --------------------------------------------------------


@dataclass(frozen=True)
class PreparedAttachment:
    """A checked, cleaned file ready to be encrypted and stored."""

    kind: str
    content_type: str
    data: bytes
    original_name: str

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def _read(upload: Any) -> bytes:
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    return bytes(data)


def _display_name(upload: Any) -> str:
    return str(getattr(upload, "name", "") or "")[-80:]


def upload_digests(files: Sequence[Any]) -> list[str]:
    """SHA-256 of each uploaded file as sent: part of the idempotency fingerprint of a web
    submission (cheap; no decoding)."""
    return [f"{hashlib.sha256(_read(f)).hexdigest()}:{f.size}" for f in files]


def attachments_prepare(files: Sequence[Any]) -> list[PreparedAttachment]:
    """Check and clean the reporter's files: at most ``attachment_max_files``, each at most
    ``attachment_max_bytes``, of an accepted type **by content**; photos re-encoded without
    metadata. Raises one ValidationError on ``attachments`` naming every refused file;
    nothing is stored here."""
    errors: list[str] = []
    limit, max_bytes = conf.attachment_max_files(), conf.attachment_max_bytes()
    if len(files) > limit:
        raise ValidationError(
            {
                FIELD: _("Paling banyak %(n)d lampiran. Anda memilih %(m)d.")
                % {"n": limit, "m": len(files)}
            }
        )
    prepared: list[PreparedAttachment] = []
    for upload in files:
        name = _display_name(upload)
        if upload.size > max_bytes:
            errors.append(
                _("File terlalu besar: %(name)s (paling besar %(max)s).")
                % {"name": name, "max": filesizeformat(max_bytes)}
            )
            continue
        data = _read(upload)
        if not data:
            errors.append(_("File kosong: %(name)s") % {"name": name})
            continue
        content_type = sniff(data)
        if not content_type:
            errors.append(
                _(
                    "Jenis file tidak diterima: %(name)s. Kirim foto (JPEG, PNG, WebP), "
                    "rekaman suara (MP3, M4A, OGG, AMR, WAV) atau PDF."
                )
                % {"name": name}
            )
            continue
        kind, _ext, pillow_format = FORMATS[content_type]
        if pillow_format:
            try:
                data = _reencode(data, pillow_format, name)
            except ValidationError as exc:
                errors.extend(exc.messages)
                continue
        prepared.append(PreparedAttachment(kind, content_type, data, name))
    if errors:
        raise ValidationError({FIELD: errors})
    return prepared


# --- Storing and reading --------------------------------------------------------------------


def attachments_store(
    *, report: Report, prepared: Sequence[PreparedAttachment]
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
        row.blob = crypto.encrypt_bytes(item.data, context=str(row.public_id).encode())
        rows.append(row)
    return ReportAttachment.objects.bulk_create(rows)


def attachment_download_name(attachment: ReportAttachment) -> str:
    """A neutral file name: never the reporter's own (it may name the victim)."""
    ext = FORMATS.get(attachment.content_type, ("", "bin", ""))[1]
    return f"lampiran-{attachment.report.tracking_code}-{str(attachment.public_id)[:8]}.{ext}"


def attachment_read(
    *, actor: Any, attachment: ReportAttachment, request: HttpRequest | None = None
) -> bytes:
    """Decrypt an attachment for a download and record an ``export`` audit event (the file
    leaves the system). The caller has already fetched it through the scoped selector
    ``selectors.report_attachment_get``."""
    data = crypto.decrypt_bytes_verified(
        attachment.blob, context=str(attachment.public_id).encode(), sha256=attachment.sha256
    )
    audit_record(
        actor=actor,
        action=AuditAction.EXPORT,
        obj=attachment.report,
        categories="attachments",
        reason=f"attachment {attachment.public_id}",
        request=request,
    )
    return data


# --- Receiving the upload -------------------------------------------------------------------


class AttachmentUploadHandler(FileUploadHandler):
    """Keep each uploaded file in memory up to the size limit and only count the rest.

    Django's default handlers write files over ``FILE_UPLOAD_MAX_MEMORY_SIZE`` (2.5 MiB) to a
    temporary file: a victim's photo would touch the disk unencrypted. Here nothing does, and
    memory per request is bounded by max files × max bytes: a file beyond the limits is
    counted but not kept, and then refused by ``attachments_prepare`` with its real size."""

    def __init__(self, request: HttpRequest | None = None) -> None:
        super().__init__(request)
        self.max_bytes = conf.attachment_max_bytes()
        self.max_files = conf.attachment_max_files()
        self.seen = 0
        self.buffer: io.BytesIO | None = None

    def new_file(self, *args: Any, **kwargs: Any) -> None:
        super().new_file(*args, **kwargs)
        self.seen += 1
        self.buffer = io.BytesIO() if self.seen <= self.max_files else None
        raise StopFutureHandlers

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes | None:
        if self.buffer is not None:
            if start + len(raw_data) > self.max_bytes:
                self.buffer = None  # too large: stop keeping it
            else:
                self.buffer.write(raw_data)
        return None

    def file_complete(self, file_size: int) -> InMemoryUploadedFile:
        buffer = self.buffer or io.BytesIO()
        buffer.seek(0)
        self.buffer = None
        return InMemoryUploadedFile(
            file=buffer,
            field_name=self.field_name,
            name=self.file_name,
            content_type=self.content_type,
            size=file_size,
            charset=self.charset,
            content_type_extra=self.content_type_extra,
        )
