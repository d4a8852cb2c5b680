"""Documents on a case: type by content, photo metadata stripped, stored encrypted, downloaded
only by those who see the case (404 otherwise), audited."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from naungan.cases.models import CaseDocument
from naungan.core.models import AuditAction, AuditEvent

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _jpeg_with_exif() -> bytes:
    img = Image.new("RGB", (8, 8), "red")
    exif = Image.Exif()
    exif[0x010F] = "KameraRahasia"  # Make
    out = io.BytesIO()
    img.save(out, "JPEG", exif=exif.tobytes())
    return out.getvalue()


def _upload(client, case, data: bytes, name: str, kind: str = "visum"):
    return client.post(
        f"/kasus/{case.public_id}/dokumen/",
        {"kind": kind, "title": "Hasil visum", "file": SimpleUploadedFile(name, data)},
    )


def test_upload_stores_encrypted_and_download_is_audited(personas, bpp_case):
    client = personas["caseworker_bpp"].client
    assert _upload(client, bpp_case, PDF, "visum-siti.pdf").status_code == 302
    doc = CaseDocument.objects.get(case=bpp_case)
    assert doc.content_type == "application/pdf"
    assert PDF not in bytes(doc.blob)
    assert doc.original_name == "visum-siti.pdf"
    page = client.get(f"/kasus/{bpp_case.public_id}/").content.decode()
    assert f"/kasus/{bpp_case.public_id}/dokumen/{doc.public_id}/" in page
    response = client.get(f"/kasus/{bpp_case.public_id}/dokumen/{doc.public_id}/")
    assert response.status_code == 200
    assert response.content == PDF
    assert response["Cache-Control"] == "no-store"
    assert "siti" not in response["Content-Disposition"]
    assert f"document {doc.public_id}" in {
        e.reason for e in AuditEvent.objects.filter(action=AuditAction.EXPORT)
    }


def test_type_is_checked_by_content(personas, bpp_case):
    client = personas["caseworker_bpp"].client
    _upload(client, bpp_case, b"MZ\x90\x00 not a pdf", "visum.pdf")
    assert not CaseDocument.objects.exists()


def test_photos_lose_their_metadata(personas, bpp_case):
    data = _jpeg_with_exif()
    assert b"KameraRahasia" in data
    _upload(personas["supervisor_bpp"].client, bpp_case, data, "ktp.jpg", kind="id_card")
    doc = CaseDocument.objects.get()
    response = personas["supervisor_bpp"].client.get(
        f"/kasus/{bpp_case.public_id}/dokumen/{doc.public_id}/"
    )
    assert response.content.startswith(b"\xff\xd8\xff")
    assert b"KameraRahasia" not in response.content


def test_other_area_and_roles_without_access_get_404(personas, bpp_case):
    _upload(personas["caseworker_bpp"].client, bpp_case, PDF, "a.pdf")
    doc = CaseDocument.objects.get()
    url = f"/kasus/{bpp_case.public_id}/dokumen/{doc.public_id}/"
    for key in ("supervisor_kalteng", "caseworker_kalteng", "admin_bpp", "analyst_bpp"):
        assert personas[key].client.get(url).status_code == 404, key
        assert _upload(personas[key].client, bpp_case, PDF, "b.pdf").status_code == 404, key
    assert CaseDocument.objects.count() == 1
    assert personas["supervisor_bpp"].client.get(url).status_code == 200
