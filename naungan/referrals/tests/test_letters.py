"""The referral letter PDF: the reference, the consented categories only, the recipient and
date on every page, never the phone when contact is not consented nor a shelter address."""

from __future__ import annotations

import pytest
from django.utils import timezone
from weasyprint import CSS, HTML
from weasyprint.formatting_structure.boxes import TextBox

from naungan.cases.services.summary import PDF_CSS
from naungan.referrals.models import SharingRecord
from naungan.referrals.services.letters import referral_letter_html

from .conftest import PHONE

pytestmark = pytest.mark.django_db


def _pages(persona, referral) -> list[str]:
    """Download the letter (a PDF), then the text WeasyPrint lays out on each page of the same
    letter (no pdftotext on this machine; as ``cases/tests/test_summary.py``)."""
    r = persona.api("GET", f"/api/v1/referrals/{referral.pk}/letter.pdf")
    assert r.status_code == 200, r.content
    assert r["Content-Type"] == "application/pdf"
    assert r.content.startswith(b"%PDF")
    html = referral_letter_html(actor=persona.user, referral=referral, at=timezone.now())
    document = HTML(string=html).render(stylesheets=[CSS(string=PDF_CSS)])
    out = []
    for page in document.pages:
        boxes = page._page_box.descendants(placeholders=True)
        out.append(" ".join(b.text for b in boxes if isinstance(b, TextBox)))
    return out


def test_letter_has_the_reference_and_not_the_phone_without_contact_consent(
    refer, adult_case, personas
):
    referral = refer(adult_case, ["identity", "narrative"])
    pages = _pages(personas["provider_bpp"], referral)
    text = " ".join(pages)
    assert referral.reference in text
    assert "Rina" in text
    assert "Kronologi uji" in text
    assert PHONE not in text
    assert all("Posbakum (uji)" in page for page in pages)  # the watermark, every page
    record = SharingRecord.objects.get(referral=referral, channel="letter")
    assert record.categories == ["identity", "narrative"]


def test_letter_with_contact_consent_has_the_phone(refer, adult_case, personas):
    referral = refer(adult_case, ["identity", "contact"])
    text = " ".join(_pages(personas["caseworker_bpp"], referral))
    assert PHONE in text


def test_letter_is_for_the_provider_and_the_case_writers(refer, adult_case, personas):
    referral = refer(adult_case)
    r = personas["intake_bpp"].api("GET", f"/api/v1/referrals/{referral.pk}/letter.pdf")
    assert r.status_code == 404
