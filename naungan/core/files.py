"""Encrypted files, for every app that keeps uploads (report attachments, case documents;
referrals and shelters next): DESIGN §3 Attachment and §12.

* **Type by content** (``sniff``): magic bytes, and for photos a full decode, never the name or
  the browser's content type. Accepted: photos (JPEG, PNG, WebP), audio (MP3, M4A, OGG, AMR,
  WAV) and PDF (``FORMATS``).
* **Photos re-encoded** (``reencode``) with Pillow, dropping EXIF (GPS position, camera, time),
  XMP, IPTC, ICC profiles and comments; the EXIF orientation is applied first so the picture
  stays upright; only the first frame of an animated image is kept. Audio and PDF are kept
  **as they are** (ID3 tags, PDF author are not stripped): staff treat them as sent.
* **Size and type checks** (``files_prepare``) with one ValidationError naming every refused
  file; the limits (``default_limits``) are the installation's
  ``NAUNGAN_REPORT_ATTACHMENT_MAX_*`` settings.
* **Encryption with the row context** (``file_encrypt`` / ``file_decrypt``): the field keyring,
  bound to the row's ``public_id`` so a blob moved to another row does not open.
* **The audited download** (``file_read`` records an ``export``; ``download_response`` is
  always a download, never rendered inline, never cached).
* ``MemoryUploadHandler`` keeps uploads in memory within the limits: never a plaintext
  temporary file on disk.
"""

from __future__ import annotations

import hashlib
import io
import os
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import InMemoryUploadedFile
from django.core.files.uploadhandler import FileUploadHandler, StopFutureHandlers
from django.db.models import Model
from django.http import HttpRequest, HttpResponse
from django.template.defaultfilters import filesizeformat
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from PIL import Image, ImageOps

from . import crypto
from .audit import audit_record
from .models import AuditAction

PHOTO, AUDIO, PDF = "photo", "audio", "pdf"

# Detected content type → (kind, download extension, Pillow format for photos).
FORMATS: dict[str, tuple[str, str, str]] = {
    "image/jpeg": (PHOTO, "jpg", "JPEG"),
    "image/png": (PHOTO, "png", "PNG"),
    "image/webp": (PHOTO, "webp", "WEBP"),
    "audio/mpeg": (AUDIO, "mp3", ""),
    "audio/mp4": (AUDIO, "m4a", ""),
    "audio/ogg": (AUDIO, "ogg", ""),
    "audio/amr": (AUDIO, "amr", ""),
    "audio/wav": (AUDIO, "wav", ""),
    "application/pdf": (PDF, "pdf", ""),
}
# What the file picker offers (a hint only: the content decides).
ACCEPT = "image/jpeg,image/png,image/webp,audio/*,.mp3,.m4a,.ogg,.amr,.wav,application/pdf"


def extension(content_type: str) -> str:
    """The download extension of an accepted type (``bin`` for anything else)."""
    return FORMATS.get(content_type, ("", "bin", ""))[1]


# --- Limits -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class FileLimits:
    max_files: int
    max_bytes: int
    max_pixels: int


def _setting_int(name: str, env_name: str, default: int) -> int:
    """``settings.<name>``, else the environment variable ``env_name``, else ``default``."""
    value = getattr(settings, name, None)
    if value is None:
        value = os.environ.get(env_name, "").strip() or default
    try:
        number = int(value)
    except (TypeError, ValueError):
        return default
    return number if number >= 0 else default


def default_limits() -> FileLimits:
    """Files per upload, bytes per file and pixels per photo (a small file can expand to
    gigabytes: a "decompression bomb"), read at call time so tests and operators can change
    them (``NAUNGAN_REPORT_ATTACHMENT_MAX_FILES`` / ``_MAX_BYTES`` / ``_MAX_PIXELS``)."""
    return FileLimits(
        max_files=_setting_int(
            "REPORT_ATTACHMENT_MAX_FILES", "NAUNGAN_REPORT_ATTACHMENT_MAX_FILES", 3
        ),
        max_bytes=_setting_int(
            "REPORT_ATTACHMENT_MAX_BYTES", "NAUNGAN_REPORT_ATTACHMENT_MAX_BYTES", 10 * 1024 * 1024
        ),
        max_pixels=_setting_int(
            "REPORT_ATTACHMENT_MAX_PIXELS", "NAUNGAN_REPORT_ATTACHMENT_MAX_PIXELS", 50_000_000
        ),
    )


# --- Type by content --------------------------------------------------------------------------


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


# --- Photos -----------------------------------------------------------------------------------


def reencode(data: bytes, pillow_format: str, name: str, *, max_pixels: int) -> bytes:
    """Decode and re-encode a photo, keeping pixels only (no EXIF/GPS, XMP, ICC, comments).
    Only the expected decoder is tried, so a photo cannot smuggle another format in."""
    try:
        with Image.open(io.BytesIO(data), formats=[pillow_format]) as img:
            if img.width * img.height > max_pixels:
                raise ValidationError(
                    _("Foto terlalu besar (lebih dari %(n)d megapiksel): %(name)s")
                    % {"n": max_pixels // 1_000_000, "name": name}
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


# --- Checking what was sent ---------------------------------------------------------------


@dataclass(frozen=True)
class PreparedFile:
    """A checked, cleaned file ready to be encrypted and stored."""

    kind: str
    content_type: str
    data: bytes
    original_name: str

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def read_upload(upload: Any) -> bytes:
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    return bytes(data)


def _display_name(upload: Any) -> str:
    return str(getattr(upload, "name", "") or "")[-80:]


def upload_digests(files: Sequence[Any]) -> list[str]:
    """SHA-256 of each uploaded file as sent (cheap; no decoding): e.g. part of an
    idempotency fingerprint."""
    return [f"{hashlib.sha256(read_upload(f)).hexdigest()}:{f.size}" for f in files]


def files_prepare(
    files: Sequence[Any], *, field: str, limits: FileLimits | None = None
) -> list[PreparedFile]:
    """Check and clean uploaded files: at most ``max_files``, each at most ``max_bytes``, of
    an accepted type **by content**; photos re-encoded without metadata. Raises one
    ValidationError on ``field`` naming every refused file; nothing is stored here."""
    limits = limits or default_limits()
    errors: list[str] = []
    if len(files) > limits.max_files:
        raise ValidationError(
            {
                field: _("Paling banyak %(n)d lampiran. Anda memilih %(m)d.")
                % {"n": limits.max_files, "m": len(files)}
            }
        )
    prepared: list[PreparedFile] = []
    for upload in files:
        name = _display_name(upload)
        if upload.size > limits.max_bytes:
            errors.append(
                _("File terlalu besar: %(name)s (paling besar %(max)s).")
                % {"name": name, "max": filesizeformat(limits.max_bytes)}
            )
            continue
        data = read_upload(upload)
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
                data = reencode(data, pillow_format, name, max_pixels=limits.max_pixels)
            except ValidationError as exc:
                errors.extend(exc.messages)
                continue
        prepared.append(PreparedFile(kind, content_type, data, name))
    if errors:
        raise ValidationError({field: errors})
    return prepared


# --- Encryption and the audited download ----------------------------------------------------


def file_encrypt(data: bytes, *, public_id: UUID) -> bytes:
    """Encrypt a file's bytes for the row ``public_id`` (the context binds blob and row)."""
    return crypto.encrypt_bytes(data, context=str(public_id).encode())


def file_decrypt(blob: bytes | memoryview, *, public_id: UUID, sha256: str) -> bytes:
    """Decrypt a row's file and check it is the file that was stored."""
    return crypto.decrypt_bytes_verified(blob, context=str(public_id).encode(), sha256=sha256)


def file_read(
    *,
    actor: Any,
    blob: bytes | memoryview,
    public_id: UUID,
    sha256: str,
    audit_obj: Model,
    categories: str,
    reason: str = "",
    area_code: str | None = None,
    request: HttpRequest | None = None,
) -> bytes:
    """Decrypt a file for a download and record an ``export`` audit event on ``audit_obj``
    (the file leaves the system). The caller fetched the row through its scoped selector."""
    data = file_decrypt(blob, public_id=public_id, sha256=sha256)
    extra: dict[str, Any] = {"area_code": area_code} if area_code is not None else {}
    audit_record(
        actor=actor,
        action=AuditAction.EXPORT,
        obj=audit_obj,
        categories=categories,
        reason=reason,
        request=request,
        **extra,
    )
    return data


def download_response(data: bytes, *, content_type: str, filename: str) -> HttpResponse:
    """Always a download (never rendered inline), never cached, nothing it could run."""
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=filename
    )
    response["Content-Length"] = str(len(data))
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "no-store"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


# --- Receiving the upload -------------------------------------------------------------------


class MemoryUploadHandler(FileUploadHandler):
    """Keep each uploaded file in memory up to the size limit and only count the rest.

    Django's default handlers write files over ``FILE_UPLOAD_MAX_MEMORY_SIZE`` (2.5 MiB) to a
    temporary file: a victim's photo would touch the disk unencrypted. Here nothing does, and
    memory per request is bounded by max files × max bytes: a file beyond the limits is
    counted but not kept, and then refused by ``files_prepare`` with its real size."""

    def __init__(self, request: HttpRequest | None = None) -> None:
        super().__init__(request)
        limits = default_limits()
        self.max_bytes = limits.max_bytes
        self.max_files = limits.max_files
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
