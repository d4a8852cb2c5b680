"""The shared encrypted-file code (``naungan.core.files``): type by content, photos re-encoded
without metadata, the size and type checks, encryption bound to the row, the download answer.
The report attachment and case document tests cover the same code through HTTP."""

from __future__ import annotations

import io
import struct
import uuid

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import Image

from naungan.core.crypto import DecryptionError
from naungan.core.files import (
    FileLimits,
    download_response,
    extension,
    file_decrypt,
    file_encrypt,
    files_prepare,
    sniff,
)
from naungan.core.testing.samples import jpeg_with_gps as _jpeg_with_gps

PDF = b"%PDF-1.4\n1 0 obj << /Title (Visum Siti Aminah) >> endobj\ntrailer\n%%EOF\n"
LIMITS = FileLimits(max_files=2, max_bytes=100_000, max_pixels=1_000_000)


def _m4a(handler: bytes) -> bytes:
    hdlr = b"hdlr" + b"\0" * 8 + handler + b"\0" * 12
    return struct.pack(">I", 20) + b"ftypM4A \0\0\0\0isom" + struct.pack(">I", len(hdlr) + 4) + hdlr


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"\xff\xd8\xff\xe0\0\x10JFIF", "image/jpeg"),
        (b"\x89PNG\r\n\x1a\n\0\0", "image/png"),
        (b"RIFF\0\0\0\0WEBPVP8 ", "image/webp"),
        (b"RIFF\0\0\0\0WAVEfmt ", "audio/wav"),
        (b"ID3\x04\0\0\0\0\0\x00\xff\xfb\x90\x64", "audio/mpeg"),
        (b"\xff\xfb\x90\x64" + b"\0" * 20, "audio/mpeg"),
        (b"OggS\0\x02", "audio/ogg"),
        (b"#!AMR\n\x3c", "audio/amr"),
        (_m4a(b"soun"), "audio/mp4"),
        (PDF, "application/pdf"),
        (_m4a(b"vide"), ""),  # a video, not a voice recording
        (b"\xff\xf1\x50\x80", ""),  # AAC ADTS: layer bits 00, not MP3
        (b"MZ\x90\0\x03\0\0\0", ""),  # Windows executable
        (b"\x7fELF\x02\x01", ""),
        (b"<!doctype html><script>alert(1)</script>", ""),
        (b"PK\x03\x04", ""),  # zip / docx / apk
        (b"", ""),
    ],
)
def test_type_is_decided_by_content(data: bytes, expected: str) -> None:
    assert sniff(data) == expected


def test_a_photo_loses_its_gps_and_comment_and_is_turned_upright() -> None:
    upload = SimpleUploadedFile("rumah.jpg", _jpeg_with_gps((40, 20), orientation=6))
    (prepared,) = files_prepare([upload], field="file", limits=LIMITS)
    assert prepared.kind == "photo"
    with Image.open(io.BytesIO(prepared.data)) as img:
        assert not img.getexif()
        assert "comment" not in img.info
        assert img.size == (20, 40)


def test_a_photo_over_the_pixel_limit_is_refused_before_decoding() -> None:
    upload = SimpleUploadedFile("besar.jpg", _jpeg_with_gps((2000, 1000)))
    with translation.override("id"), pytest.raises(ValidationError) as caught:
        files_prepare([upload], field="file", limits=LIMITS)
    assert "megapiksel" in str(caught.value.message_dict["file"])


def test_every_refused_file_is_named_on_the_field() -> None:
    files = [
        SimpleUploadedFile("a.exe", b"MZ\x90\0\x03"),
        SimpleUploadedFile("kosong.pdf", b""),
    ]
    with pytest.raises(ValidationError) as caught:
        files_prepare(files, field="lampiran", limits=LIMITS)
    messages = caught.value.message_dict["lampiran"]
    assert len(messages) == 2
    assert "a.exe" in messages[0]
    assert "kosong.pdf" in messages[1]


def test_more_files_than_the_limit_are_refused() -> None:
    files = [SimpleUploadedFile(f"{n}.pdf", PDF) for n in range(3)]
    with pytest.raises(ValidationError):
        files_prepare(files, field="file", limits=LIMITS)


def test_a_pdf_is_kept_as_sent() -> None:
    (prepared,) = files_prepare([SimpleUploadedFile("v.pdf", PDF)], field="file", limits=LIMITS)
    assert (prepared.kind, prepared.content_type, prepared.data) == ("pdf", "application/pdf", PDF)
    assert extension(prepared.content_type) == "pdf"
    assert extension("text/html") == "bin"


def test_an_encrypted_file_opens_only_for_its_own_row() -> None:
    row, other = uuid.uuid4(), uuid.uuid4()
    blob = file_encrypt(PDF, public_id=row)
    assert PDF not in blob
    import hashlib

    digest = hashlib.sha256(PDF).hexdigest()
    assert file_decrypt(blob, public_id=row, sha256=digest) == PDF
    with pytest.raises(DecryptionError):
        file_decrypt(blob, public_id=other, sha256=digest)


def test_a_download_is_never_inline_cached_or_sniffed() -> None:
    response = download_response(PDF, content_type="application/pdf", filename="dokumen.pdf")
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Cache-Control"] == "no-store"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert response["Content-Length"] == str(len(PDF))
