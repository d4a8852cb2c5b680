"""The referrals section of the case page: status and the provider's feedback in words."""

from __future__ import annotations

import pytest
from django.urls import reverse

from naungan.referrals.services import referral_accept, referral_complete, referral_decline

pytestmark = pytest.mark.django_db


def test_case_page_lists_referrals_with_status_and_feedback(refer, adult_case, personas):
    provider = personas["provider_bpp"].user
    declined = referral_decline(actor=provider, referral=refer(adult_case), reason="Kuota penuh")
    done = referral_accept(actor=provider, referral=refer(adult_case))
    referral_complete(actor=provider, referral=done, outcome="Gugatan didaftarkan")
    page = personas["caseworker_bpp"].client.get(
        reverse("cases:detail", args=[adult_case.public_id])
    )
    body = page.content.decode()
    assert 'data-testid="case-referrals"' in body
    assert declined.reference in body
    assert "Ditolak mitra" in body
    assert "Kuota penuh" in body
    assert "Gugatan didaftarkan" in body
    assert "Bantuan hukum" in body
    assert "legal_aid" not in body


def test_case_page_says_when_there_is_no_referral(adult_case, personas):
    page = personas["caseworker_bpp"].client.get(
        reverse("cases:detail", args=[adult_case.public_id])
    )
    assert "Belum ada rujukan ke mitra untuk kasus ini." in page.content.decode()
