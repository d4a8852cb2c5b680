"""The referral pages: the "Rujukan" section of the case page, "Buat rujukan" (two steps,
consent, eligibility warning, errors next to their field), the caseworker's queue and home
lines, the provider's portal (own organisation only, consented categories only, absent not
masked), the provider's answers (409 for a transition not allowed), withdrawal and the letter.
"""

from __future__ import annotations

import pytest

from naungan.core.models import AuditEvent
from naungan.referrals.models import Referral, SharingRecord
from naungan.referrals.services import referral_accept, referral_complete, referral_decline

from .conftest import ADDRESS, PHONE

pytestmark = pytest.mark.django_db


def _create(case):
    return f"/kasus/{case.public_id}/rujukan/baru/"


def _detail(referral):
    return f"/rujukan/{referral.pk}/"


def _form(**extra):
    data = {
        "service_type": "legal_aid",
        "organisation": "t-posbakum-bpp",
        "given_by": "victim",
        "method": "written",
        "categories": ["identity", "narrative"],
        "documents_held": ["sktm"],
        "note": "Mohon pendampingan hukum.",
    }
    data.update(extra)
    return {k: v for k, v in data.items() if v is not None}


def test_step_one_asks_for_the_service_and_step_two_lists_its_providers(
    adult_case, personas, posbakum
):
    cw = personas["caseworker_bpp"].client
    r = cw.get(_create(adult_case))
    assert r.status_code == 200
    body = r.content.decode()
    assert 'data-testid="choose-service-first"' in body
    assert "Posbakum (uji)" not in body
    r = cw.get(_create(adult_case), {"service_type": "legal_aid"})
    body = r.content.decode()
    assert 'value="t-posbakum-bpp"' in body
    assert "Syarat" in body
    assert "SKTM (Surat Keterangan Tidak Mampu) atau Kartu PKH" in body
    assert "Identitas (nama, umur, jenis kelamin)" in body
    # A caseworker is not offered what only a supervisor records.
    assert 'value="legal_duty"' not in body
    assert 'value="best_interest"' not in body
    sup = personas["supervisor_bpp"].client.get(_create(adult_case), {"service_type": "legal_aid"})
    assert 'value="best_interest"' in sup.content.decode()


def test_htmx_refreshes_only_the_provider_list(adult_case, personas, posbakum):
    r = personas["caseworker_bpp"].client.get(
        _create(adult_case), {"service_type": "legal_aid"}, headers={"HX-Request": "true"}
    )
    body = r.content.decode()
    assert body.lstrip().startswith('<div id="providers"')
    assert 'value="t-posbakum-bpp"' in body
    assert "<html" not in body


def test_no_consent_is_refused_next_to_the_field_with_the_input_kept(
    adult_case, personas, posbakum
):
    r = personas["caseworker_bpp"].client.post(
        _create(adult_case), _form(given_by=None, categories=None)
    )
    assert r.status_code == 422
    body = r.content.decode()
    assert 'data-testid="error-given_by"' in body
    assert 'data-testid="error-categories"' in body
    assert "Mohon pendampingan hukum." in body  # the note as typed
    assert 'value="t-posbakum-bpp" checked' in body
    assert not Referral.objects.exists()


def test_a_child_victim_cannot_consent_herself(make_bpp_case, personas, posbakum):
    case = make_bpp_case(victims=[{"name": "Ani", "age": 12, "sex": "F"}])
    r = personas["caseworker_bpp"].client.post(_create(case), _form())
    assert r.status_code == 422
    assert "orang tua atau wali" in r.content.decode()
    assert not Referral.objects.exists()


def test_unmet_eligibility_asks_a_reason_then_sends_with_the_warning(
    adult_case, personas, posbakum
):
    cw = personas["caseworker_bpp"].client
    r = cw.post(_create(adult_case), _form(documents_held=None))
    assert r.status_code == 422
    body = r.content.decode()
    assert 'data-testid="eligibility-warning"' in body
    assert 'data-testid="error-warning_reason"' in body
    assert not Referral.objects.exists()
    r = cw.post(
        _create(adult_case),
        _form(documents_held=None, warning_reason="SKTM sedang diurus kelurahan"),
    )
    referral = Referral.objects.get()
    assert r.status_code == 302
    assert r["Location"] == _detail(referral)
    assert referral.eligibility_unmet == ["sktm", "pkh"]
    page = cw.get(_detail(referral)).content.decode()
    assert "Syarat layanan mitra belum terpenuhi" in page
    assert "SKTM sedang diurus kelurahan" in page


def test_the_case_section_lists_referrals_with_feedback_and_actions(adult_case, personas, refer):
    referral = refer(adult_case)
    provider = personas["provider_bpp"].user
    referral_accept(actor=provider, referral=referral)
    referral_complete(
        actor=provider, referral=referral, outcome="Gugatan didaftarkan", service_given="Konsultasi"
    )
    cw = personas["caseworker_bpp"].client.get(f"/kasus/{adult_case.public_id}/")
    body = cw.content.decode()
    assert 'data-testid="case-referrals"' in body
    assert "Bantuan hukum" in body or "Posbakum (uji)" in body
    assert "Selesai" in body
    assert "Gugatan didaftarkan" in body
    assert "Konsultasi" in body
    assert f"/rujukan/{referral.pk}/surat.pdf" in body
    intake = personas["intake_bpp"].client.get(f"/kasus/{adult_case.public_id}/").content.decode()
    assert "Gugatan didaftarkan" in intake
    assert f"/rujukan/{referral.pk}/surat.pdf" not in intake  # readers: no actions
    assert f"/kasus/{adult_case.public_id}/rujukan/baru/" not in intake


def test_the_provider_sees_only_its_referrals_and_only_consented_data(adult_case, personas, refer):
    referral = refer(adult_case, ["identity", "narrative"])
    provider = personas["provider_bpp"].client
    listing = provider.get("/rujukan/").content.decode()
    assert _detail(referral) in listing
    other = personas["provider_kalteng"].client
    assert _detail(referral) not in other.get("/rujukan/").content.decode()
    assert other.get(_detail(referral)).status_code == 404
    assert other.post(f"{_detail(referral)}terima/").status_code == 404
    page = provider.get(_detail(referral))
    body = page.content.decode()
    assert "Rina" in body
    assert "Kronologi" in body
    assert PHONE not in body
    assert ADDRESS not in body
    assert "Telepon" not in body  # absent, not masked
    assert adult_case.registration_number not in body
    assert SharingRecord.objects.filter(referral=referral, channel="view").exists()


def test_contact_consented_shows_the_phone(adult_case, personas, refer):
    referral = refer(adult_case, ["identity", "contact"])
    body = personas["provider_bpp"].client.get(_detail(referral)).content.decode()
    assert PHONE in body
    assert "Telepon" in body
    assert "Kronologi kejadian" not in body.split('data-testid="referral-packet"')[1]


def test_accept_then_decline_is_refused_with_409_and_report_back(adult_case, personas, refer):
    referral = refer(adult_case)
    provider = personas["provider_bpp"].client
    r = provider.post(f"{_detail(referral)}terima/")
    assert r.status_code == 302
    r = provider.post(f"{_detail(referral)}tolak/", {"reason": "Penuh"})
    assert r.status_code == 409
    assert "tidak dapat menjadi" in r.content.decode()
    r = provider.post(f"{_detail(referral)}hasil/", {"service_given": "Konsultasi"})
    assert r.status_code == 422
    assert 'data-testid="complete-card"' in r.content.decode()
    assert "Konsultasi" in r.content.decode()
    r = provider.post(
        f"{_detail(referral)}hasil/", {"service_given": "Konsultasi", "outcome": "Didampingi"}
    )
    assert r.status_code == 302
    referral.refresh_from_db()
    assert referral.status == "completed"
    assert str(referral.outcome) == "Didampingi"


def test_case_staff_cannot_answer_for_the_provider(adult_case, personas, refer):
    referral = refer(adult_case)
    r = personas["caseworker_bpp"].client.post(f"{_detail(referral)}terima/")
    assert r.status_code == 404
    r = personas["caseworker_bpp"].client.post(f"{_detail(referral)}tolak/", {"reason": "x"})
    assert r.status_code == 404


def test_decline_needs_a_reason_and_the_caseworker_reads_it(adult_case, personas, refer):
    referral = refer(adult_case)
    provider = personas["provider_bpp"].client
    assert provider.post(f"{_detail(referral)}tolak/", {"reason": ""}).status_code == 422
    assert (
        provider.post(f"{_detail(referral)}tolak/", {"reason": "Di luar wilayah"}).status_code
        == 302
    )
    body = personas["caseworker_bpp"].client.get(f"/kasus/{adult_case.public_id}/").content.decode()
    assert "Ditolak mitra" in body
    assert "Di luar wilayah" in body


def test_withdraw_needs_a_reason_and_only_the_writers(adult_case, personas, refer):
    referral = refer(adult_case)
    cw = personas["caseworker_bpp"].client
    r = cw.post(f"{_detail(referral)}tarik/", {"reason": ""})
    assert r.status_code == 422
    assert (
        personas["provider_bpp"]
        .client.post(f"{_detail(referral)}tarik/", {"reason": "x"})
        .status_code
        == 404
    )
    assert (
        personas["intake_bpp"]
        .client.post(f"{_detail(referral)}tarik/", {"reason": "x"})
        .status_code
        == 403
    )
    r = cw.post(f"{_detail(referral)}tarik/", {"reason": "Korban pindah", "next": "case"})
    assert r.status_code == 302
    assert r["Location"].endswith("#rujukan")
    referral.refresh_from_db()
    assert referral.status == "withdrawn"
    assert personas["provider_bpp"].client.get(_detail(referral)).status_code == 200
    body = personas["provider_bpp"].client.get(_detail(referral)).content.decode()
    assert "Rina" not in body  # nothing shared any more


def test_consent_withdrawal_stops_sharing(adult_case, personas, refer):
    referral = refer(adult_case)
    referral_accept(actor=personas["provider_bpp"].user, referral=referral)
    cw = personas["caseworker_bpp"].client
    r = cw.post(f"{_detail(referral)}tarik-persetujuan/", {"reason": "Korban menelepon"})
    assert r.status_code == 302
    body = personas["provider_bpp"].client.get(_detail(referral)).content.decode()
    assert "Rina" not in body
    assert "tidak lagi dibagikan" in body
    r = personas["provider_bpp"].client.get(f"{_detail(referral)}surat.pdf")
    assert r.status_code == 409


def test_the_letter_for_writers_and_the_provider_only(adult_case, personas, refer):
    referral = refer(adult_case)
    url = f"{_detail(referral)}surat.pdf"
    for who in ("caseworker_bpp", "provider_bpp"):
        r = personas[who].client.get(url)
        assert r.status_code == 200, who
        assert r["Content-Type"] == "application/pdf"
        assert r.content.startswith(b"%PDF")
    assert personas["intake_bpp"].client.get(url).status_code == 404
    assert personas["provider_kalteng"].client.get(url).status_code == 404
    assert AuditEvent.objects.filter(action="print").count() == 2


def test_the_queue_and_the_home_pages(adult_case, personas, refer):
    referral = refer(adult_case)
    cw = personas["caseworker_bpp"].client
    assert _detail(referral) in cw.get("/").content.decode()
    listing = cw.get("/rujukan/").content.decode()
    assert _detail(referral) in listing
    assert adult_case.registration_number in listing
    assert _detail(referral) not in cw.get("/rujukan/", {"status": "completed"}).content.decode()
    home = personas["provider_bpp"].client.get("/").content.decode()
    assert 'data-testid="home-referrals-provider"' in home
    assert _detail(referral) in home
    referral_decline(actor=personas["provider_bpp"].user, referral=referral, reason="Penuh")
    home = cw.get("/").content.decode()
    assert 'data-testid="home-referral-answered"' in home
    assert "Penuh" in home
    for who in ("analyst_bpp", "activist_bpp", "admin_bpp"):
        assert personas[who].client.get("/rujukan/").status_code == 404, who
        assert personas[who].client.get(_detail(referral)).status_code == 404, who


def test_a_guardian_consents_for_a_child_through_the_form(make_bpp_case, personas, posbakum):
    case = make_bpp_case(victims=[{"name": "Ani", "age": 12, "sex": "F"}])
    r = personas["caseworker_bpp"].client.post(
        _create(case), _form(given_by="guardian", guardian_name="Ibu Ani")
    )
    assert r.status_code == 302
    consent = Referral.objects.get().consent
    assert consent.given_by == "guardian"
    assert str(consent.guardian_name) == "Ibu Ani"


def test_a_supervisor_records_a_best_interest_exception_with_every_part(
    make_bpp_case, personas, posbakum
):
    case = make_bpp_case(victims=[{"name": "Ani", "age": 12, "sex": "F"}])
    sup = personas["supervisor_bpp"].client
    r = sup.post(_create(case), _form(given_by="best_interest"))
    assert r.status_code == 422
    body = r.content.decode()
    assert "membahayakan anak" in body
    assert not Referral.objects.exists()
    r = sup.post(
        _create(case),
        _form(
            given_by="best_interest",
            exception_reason="Ayah tiri adalah terduga pelaku",
            alternative_basis="vital_interest",
            representative="Pekerja sosial UPTD",
            child_view="Anak ingin didampingi",
        ),
    )
    assert r.status_code == 302
    consent = Referral.objects.get().consent
    assert consent.given_by == "best_interest"
    assert consent.approved_by == personas["supervisor_bpp"].user
    # A caseworker cannot send what only a supervisor records (not offered, refused if sent).
    r = personas["caseworker_bpp"].client.post(_create(case), _form(given_by="best_interest"))
    assert r.status_code == 422
    assert Referral.objects.count() == 1


def test_a_supervisor_records_the_tpks_police_report_duty(make_bpp_case, personas, police):
    case = make_bpp_case(violence_types=["sexual"])
    r = personas["supervisor_bpp"].client.post(
        _create(case),
        _form(
            service_type="law_enforcement",
            organisation="t-polres-bpp",
            given_by="legal_duty",
            documents_held=None,
        ),
    )
    assert r.status_code == 302
    assert Referral.objects.get().consent.duty == "tpks_police_report"
