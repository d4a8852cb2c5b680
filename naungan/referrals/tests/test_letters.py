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


def test_letter_lists_the_services_in_words_without_the_shelter(refer, adult_case, personas):
    from naungan.orgs.services import org_create
    from naungan.services import services as care

    shelter = org_create(
        actor=None,
        slug="t-ra",
        name="Rumah Aman Rahasia",
        kind="provider",
        area_code="64.71",
        services=["shelter"],
        capacity=3,
        confidential_address="Jl. Tersembunyi 9",
    )
    care.episode_open(
        actor=personas["caseworker_bpp"].user,
        case=adult_case,
        data=care.EpisodeIn(service="shelter", organisation=shelter),
    )
    referral = refer(adult_case, ["identity", "services"])
    text = " ".join(_pages(personas["provider_bpp"], referral))
    assert "Penampungan sementara" in text
    assert "Pengaduan" in text
    assert "Rumah Aman Rahasia" not in text
    assert "Tersembunyi" not in text
    assert "shelter" not in text


def test_letter_speaks_indonesian_words(refer, make_bpp_case, personas):
    """No vocabulary code, English phrase, second date format or username in the letter, for
    a victim whose age and sex are unknown (as ``cases/tests/test_exports_words.py``)."""
    from django.contrib.auth import get_user_model
    from django.utils import translation

    from naungan.core.testing import words

    for key, persona in personas.items():
        first, last = key.split("_")
        get_user_model().objects.filter(pk=persona.user.pk).update(
            first_name=f"Ibu {first.title()}", last_name=last.title()
        )
        persona.user.refresh_from_db()
    case = make_bpp_case(victims=[{"name": "Ani", "age": 30}])
    case.parties.get(role="victim").person.__class__.objects.filter(parties__case=case).update(
        age=None
    )
    referral = refer(case, ["identity", "narrative", "services", "contact"], note="Mohon dibantu")
    with translation.override("id"):
        pieces = _pages(personas["caseworker_bpp"], referral)
    found = words.problems(
        pieces,
        codes=words.vocabulary_codes(),
        usernames=[p.user.username for p in personas.values()],
    )
    assert found == []
