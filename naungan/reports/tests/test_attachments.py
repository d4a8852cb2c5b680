"""Attachments on the public form: type by content, photo metadata stripped, limits, stored
encrypted in the report's transaction, downloaded only by staff in scope (audited)."""

from __future__ import annotations

import io
import re
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from PIL import Image

from naungan.core import crypto
from naungan.core.models import AuditEvent
from naungan.core.testing.samples import jpeg_with_gps as _jpeg_with_gps
from naungan.reports import services
from naungan.reports.models import Report, ReportAttachment

pytestmark = pytest.mark.django_db

FORM = {
    "kind": "complaint",
    "reporter_relation": "victim",
    "anonymous": "1",
    "description": "Saya dipukul suami dan ini foto lukanya.",
    "violence_types": ["physical"],
    "kecamatan": "64.71.01",
    "kelurahan": "64.71.01.1001",
    "location_detail": "Jl. Melati RT 05",
    "submission": "attach-token-1",
}
PDF = b"%PDF-1.4\n1 0 obj << /Title (Visum Siti Aminah) >> endobj\ntrailer\n%%EOF\n"


def _png() -> bytes:
    from PIL.PngImagePlugin import PngInfo

    info = PngInfo()
    info.add_text("Location", "Balikpapan, Jl. Melati")
    out = io.BytesIO()
    Image.new("RGBA", (8, 8), (0, 0, 255, 128)).save(out, "PNG", pnginfo=info)
    return out.getvalue()


def _file(name: str, data: bytes, content_type: str = "application/octet-stream") -> Any:
    return SimpleUploadedFile(name, data, content_type=content_type)


def _submit(client: Client, *files: Any, **extra: Any) -> Any:
    return client.post("/lapor/", {**FORM, **extra, "attachments": list(files)})


def _code_and_pin(html: str) -> tuple[str, str]:
    code = re.search(r'data-testid="tracking-code">([^<]+)<', html)
    pin = re.search(r'data-testid="pin">([^<]+)<', html)
    assert code
    assert pin
    return code.group(1), pin.group(1)


def _plain(attachment: ReportAttachment) -> bytes:
    row = ReportAttachment.objects.get(pk=attachment.pk)
    return crypto.decrypt_bytes(bytes(row.blob), context=str(row.public_id).encode())


# --- The public form ------------------------------------------------------------------------


def test_photo_with_gps_is_stored_without_exif_and_upright(client: Client) -> None:
    photo = _jpeg_with_gps(size=(40, 20), orientation=6)  # "rotate 90°": upright is 20 × 40
    response = _submit(client, _file("IMG_siti_rumah.jpg", photo, "image/jpeg"))
    assert response.status_code == 201
    assert 'data-testid="attachment-count"' in response.content.decode()
    attachment = ReportAttachment.objects.get()
    assert attachment.kind == "photo"
    assert attachment.content_type == "image/jpeg"
    stored = _plain(attachment)
    assert stored != photo
    with Image.open(io.BytesIO(stored)) as img:
        assert img.format == "JPEG"
        assert not img.getexif()
        assert "exif" not in img.info
        assert "comment" not in img.info
        assert "icc_profile" not in img.info
        assert img.size == (20, 40)
    assert b"KameraHP" not in stored
    assert attachment.size == len(stored)


def test_png_text_chunks_are_removed_and_the_name_does_not_decide_the_type(client: Client) -> None:
    png = _png()
    assert b"Balikpapan" in png
    response = _submit(client, _file("surat.pdf", png, "application/pdf"))
    assert response.status_code == 201
    attachment = ReportAttachment.objects.get()
    assert attachment.content_type == "image/png"  # the content, not ".pdf" nor the header
    stored = _plain(attachment)
    assert b"Balikpapan" not in stored
    with Image.open(io.BytesIO(stored)) as img:
        assert img.mode == "RGBA"
        assert img.getpixel((0, 0)) == (0, 0, 255, 128)


@pytest.mark.parametrize(
    ("name", "data", "content_type"),
    [
        ("foto.jpg", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" + b"\0" * 100, "image/jpeg"),
        ("foto.jpg", b"<html><body><script>alert(document.cookie)</script>", "image/jpeg"),
        ("rekaman.mp3", b"#!/bin/sh\nrm -rf /\n", "audio/mpeg"),
        ("foto.jpg", b"\xff\xd8\xff\xe0 but not really a jpeg", "image/jpeg"),  # corrupt
    ],
)
def test_disguised_or_corrupt_file_is_refused_and_nothing_is_stored(
    client: Client, name: str, data: bytes, content_type: str
) -> None:
    response = _submit(client, _file("bukti.pdf", PDF), _file(name, data, content_type))
    assert response.status_code == 422
    html = response.content.decode()
    assert 'id="err-attachments"' in html
    assert name in html
    # The rest of the input is kept, and the reporter is told to pick the files again.
    assert "Saya dipukul suami" in html
    assert "Jl. Melati RT 05" in html
    assert 'data-testid="reselect-files"' in html
    assert Report.objects.count() == 0
    assert ReportAttachment.objects.count() == 0


def test_wrong_type_message_is_english_when_the_ui_is_english(client: Client) -> None:
    client.cookies["naungan_lang"] = "en"
    response = _submit(client, _file("foto.jpg", b"<html></html>", "image/jpeg"))
    assert response.status_code == 422
    assert "File type not accepted: foto.jpg" in response.content.decode()


def test_oversized_file_is_refused(client: Client, settings: Any) -> None:
    settings.REPORT_ATTACHMENT_MAX_BYTES = 1024
    big = PDF + b"%" * 2048
    response = _submit(client, _file("visum.pdf", big, "application/pdf"))
    assert response.status_code == 422
    assert 'id="err-attachments"' in response.content.decode()
    assert "visum.pdf" in response.content.decode()
    assert Report.objects.count() == 0
    # At the limit it is accepted.
    ok = PDF + b"%" * (1024 - len(PDF))
    assert _submit(client, _file("visum.pdf", ok), submission="t2").status_code == 201


def test_more_files_than_the_maximum_are_refused(client: Client, settings: Any) -> None:
    settings.REPORT_ATTACHMENT_MAX_FILES = 3

    def files(n: int) -> list[Any]:
        return [_file(f"d{i}.pdf", PDF + bytes([i])) for i in range(n)]

    response = _submit(client, *files(4))
    assert response.status_code == 422
    assert "Paling banyak 3 lampiran" in response.content.decode()
    assert Report.objects.count() == 0
    assert _submit(client, *files(3), submission="t3").status_code == 201
    assert ReportAttachment.objects.count() == 3


def test_stored_bytes_are_ciphertext_of_the_plaintext(client: Client) -> None:
    assert _submit(client, _file("Visum Siti Aminah.pdf", PDF)).status_code == 201
    attachment = ReportAttachment.objects.get()
    with connection.cursor() as cur:
        cur.execute(
            "SELECT blob, original_name FROM reports_reportattachment WHERE id = %s",
            [attachment.pk],
        )
        blob, name = cur.fetchone()
    blob = bytes(blob)
    assert b"%PDF" not in blob
    assert b"Siti" not in blob
    assert "Siti" not in name  # the original file name is encrypted too
    assert _plain(attachment) == PDF  # PDF kept as sent
    assert attachment.original_name == "Visum Siti Aminah.pdf"
    assert attachment.size == len(PDF)


def test_double_submit_with_files_stores_them_once(client: Client) -> None:
    first = _submit(client, _file("a.pdf", PDF), _file("b.png", _png()))
    again = _submit(client, _file("a.pdf", PDF), _file("b.png", _png()))
    assert first.status_code == 201
    assert again.status_code == 200
    assert _code_and_pin(again.content.decode()) == _code_and_pin(first.content.decode())
    assert Report.objects.count() == 1
    assert ReportAttachment.objects.count() == 2


def test_same_form_token_with_other_files_is_refused(client: Client) -> None:
    assert _submit(client, _file("a.pdf", PDF)).status_code == 201
    response = _submit(client, _file("a.pdf", PDF + b"lain"))
    assert response.status_code == 422
    assert ReportAttachment.objects.count() == 1


def test_form_without_files_still_works_and_keeps_its_fingerprint(client: Client) -> None:
    response = client.post("/lapor/", FORM)
    assert response.status_code == 201
    assert 'data-testid="attachment-count"' not in response.content.decode()
    assert ReportAttachment.objects.count() == 0


def test_a_failing_file_store_leaves_no_report(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(**kwargs: Any) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(services.submit, "attachments_store", broken)
    data = services.ReportInput(
        description="Saya diancam setiap malam oleh tetangga.", violence_types=["psychological"]
    )
    with pytest.raises(RuntimeError):
        services.report_submit(
            actor=None,
            data=data,
            idempotency_key="k1",
            idempotency_scope="web",
            attachments=[_file("a.pdf", PDF)],
        )
    assert Report.objects.count() == 0
    assert not AuditEvent.objects.filter(object_type="reports.report").exists()


def test_public_form_still_checks_the_csrf_token() -> None:
    client = Client(enforce_csrf_checks=True)
    response = client.post("/lapor/", {**FORM, "attachments": [_file("a.pdf", PDF)]})
    assert response.status_code == 403
    assert Report.objects.count() == 0


def test_public_form_offers_the_attachment_field_as_multipart(client: Client) -> None:
    html = client.get("/lapor/").content.decode()
    assert 'enctype="multipart/form-data"' in html
    assert 'type="file" name="attachments"' in html
    assert "multiple" in html


# --- Staff download -------------------------------------------------------------------------


@pytest.fixture
def with_attachment(client: Client) -> tuple[Report, ReportAttachment, str, str]:
    response = _submit(client, _file("Visum Siti Aminah.pdf", PDF, "application/pdf"))
    assert response.status_code == 201
    code, pin = _code_and_pin(response.content.decode())
    report = Report.objects.get(tracking_code=code)
    return report, report.attachments.get(), code, pin


def _url(report: Report, attachment: ReportAttachment) -> str:
    return f"/laporan/{report.public_id}/lampiran/{attachment.public_id}/"


def test_intake_in_scope_downloads_the_attachment_and_it_is_audited(
    personas: Any, with_attachment: Any
) -> None:
    report, attachment, _code, _pin = with_attachment
    detail = personas["intake_bpp"].client.get(f"/laporan/{report.public_id}/")
    assert _url(report, attachment) in detail.content.decode()
    assert "Visum Siti Aminah.pdf" in detail.content.decode()
    response = personas["intake_bpp"].client.get(_url(report, attachment))
    assert response.status_code == 200
    assert response.content == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "Siti" not in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"]
    event = AuditEvent.objects.filter(action="export", object_id=str(report.public_id)).get()
    assert event.actor == personas["intake_bpp"].user
    assert event.categories == "attachments"


@pytest.mark.parametrize("who", ["intake_kalteng", "provider_bpp", "caseworker_bpp", "analyst_bpp"])
def test_staff_out_of_scope_get_404(personas: Any, with_attachment: Any, who: str) -> None:
    report, attachment, _code, _pin = with_attachment
    assert personas[who].client.get(_url(report, attachment)).status_code == 404
    assert not AuditEvent.objects.filter(action="export").exists()


def test_attachment_of_another_report_or_unknown_id_is_404(
    personas: Any, with_attachment: Any, client: Client
) -> None:
    report, attachment, _code, _pin = with_attachment
    other = client.post("/lapor/", {**FORM, "submission": "other"})
    assert other.status_code == 201
    other_report = Report.objects.exclude(pk=report.pk).get()
    intake = personas["intake_bpp"].client
    assert intake.get(_url(other_report, attachment)).status_code == 404
    unknown = f"/laporan/{report.public_id}/lampiran/00000000-0000-0000-0000-000000000000/"
    assert intake.get(unknown).status_code == 404


def test_anonymous_visitor_cannot_download(client: Client, with_attachment: Any) -> None:
    report, attachment, _code, _pin = with_attachment
    response = client.get(_url(report, attachment))
    assert response.status_code in (302, 404)
    assert response.content != PDF


def test_public_status_page_never_shows_attachments(client: Client, with_attachment: Any) -> None:
    _report, attachment, code, pin = with_attachment
    response = client.post("/lapor/status/", {"tracking_code": code, "pin": pin})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-testid="status-label"' in html  # it is the real status page
    assert str(attachment.public_id) not in html
    assert "/lampiran/" not in html
    assert "Visum" not in html
    assert "Lampiran" not in html
