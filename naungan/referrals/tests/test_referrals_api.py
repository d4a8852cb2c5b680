"""The referrals API (CONTRACT §4, §8): shapes, the provider's view of consented data only,
404 for everyone else, the answers and the letter."""

from __future__ import annotations

import uuid

import pytest

from naungan.referrals.models import Referral, SharingRecord

from .conftest import ADDRESS, PHONE

pytestmark = pytest.mark.django_db


def _body(**overrides):
    body = {
        "organisation": "t-posbakum-bpp",
        "service_type": "legal_aid",
        "consent": {"given_by": "victim", "data": ["identity", "narrative"]},
        "note": "Mohon bantuan gugatan cerai",
    }
    return body | overrides


def _send(personas, case, **overrides):
    return personas["caseworker_bpp"].api(
        "POST", f"/api/v1/cases/{case.public_id}/referrals", _body(**overrides)
    )


def _loc(response):
    return {tuple(d["loc"])[-1] for d in response.json()["detail"]}


def test_caseworker_refers_201_with_id_status_and_warnings(personas, adult_case, posbakum):
    r = _send(personas, adult_case)
    assert r.status_code == 201, r.content
    body = r.json()
    assert body["status"] == "sent"
    uuid.UUID(body["id"])
    assert body["warnings"]
    assert "SKTM" in body["warnings"][0]
    assert body["reference"].startswith("RJK/")
    assert Referral.objects.get(pk=body["id"]).case == adult_case


def test_no_consent_422_naming_consent(personas, adult_case, posbakum):
    body = _body()
    del body["consent"]
    r = personas["caseworker_bpp"].api(
        "POST", f"/api/v1/cases/{adult_case.public_id}/referrals", body
    )
    assert r.status_code == 422
    assert "consent" in _loc(r)


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"service_type": "astrology"}, "service_type"),
        ({"organisation": "t-rsud-kalteng", "service_type": "health"}, "organisation"),
        ({"organisation": "no-such-org"}, "organisation"),
        ({"service_type": "health"}, "organisation"),
        ({"consent": {"given_by": "victim", "data": ["identity", "salary"]}}, "consent.data"),
    ],
)
def test_bad_input_422_naming_the_field(personas, adult_case, posbakum, overrides, field):
    r = _send(personas, adult_case, **overrides)
    assert r.status_code == 422, r.content
    assert field in _loc(r)


def test_legal_duty_by_a_caseworker_403(personas, make_bpp_case, police):
    case = make_bpp_case(violence_types=["sexual"])
    body = {
        "organisation": "t-polres-bpp",
        "service_type": "law_enforcement",
        "consent": {"given_by": "legal_duty", "data": ["identity", "narrative"]},
    }
    r = _send(personas, case, **body)
    assert r.status_code == 403
    r = personas["supervisor_bpp"].api("POST", f"/api/v1/cases/{case.public_id}/referrals", body)
    assert r.status_code == 201, r.content


def test_case_referrals_list_shape(personas, adult_case, posbakum):
    _send(personas, adult_case)
    r = personas["caseworker_bpp"].api("GET", f"/api/v1/cases/{adult_case.public_id}/referrals")
    assert r.status_code == 200
    body = r.json()
    assert body["count"] == 1
    item = body["items"][0]
    assert {"id", "organisation", "service_type", "status", "feedback"} <= set(item)
    assert item["organisation"] == "t-posbakum-bpp"
    assert item["feedback"] is None


def test_provider_sees_only_the_consented_categories_and_no_contact(personas, adult_case, posbakum):
    referral_id = _send(personas, adult_case).json()["id"]
    provider = personas["provider_bpp"]
    listing = provider.api("GET", "/api/v1/referrals").json()
    assert [i["id"] for i in listing["items"]] == [referral_id]
    assert listing["items"][0]["case_id"] is None
    r = provider.api("GET", f"/api/v1/referrals/{referral_id}")
    assert r.status_code == 200
    body = r.json()
    assert {"id", "status", "service_type", "case"} <= set(body)
    assert body["status"] == "sent"
    assert body["service_type"] == "legal_aid"
    assert set(body["case"]) == {"identity", "narrative"}
    assert "contact" not in body["case"]
    assert body["case"]["identity"]["name"] == "Rina"
    assert PHONE not in r.content.decode()
    assert ADDRESS not in r.content.decode()
    assert SharingRecord.objects.filter(referral_id=referral_id, user=provider.user).exists()


def test_provider_with_contact_consent_sees_the_phone(personas, adult_case, posbakum):
    referral_id = _send(
        personas, adult_case, consent={"given_by": "victim", "data": ["identity", "contact"]}
    ).json()["id"]
    body = personas["provider_bpp"].api("GET", f"/api/v1/referrals/{referral_id}").json()
    assert body["case"]["contact"]["phone"] == PHONE


ROUTES = [
    ("GET", "", None),
    ("POST", "/accept", {}),
    ("POST", "/decline", {"reason": "Penuh"}),
    ("POST", "/complete", {"outcome": "Selesai"}),
    ("POST", "/withdraw", {"reason": "x"}),
    ("POST", "/consent/withdraw", {"reason": "x"}),
    ("GET", "/letter.pdf", None),
]


@pytest.mark.parametrize(("method", "tail", "data"), ROUTES)
def test_another_provider_gets_the_404_of_a_random_id(
    personas, adult_case, posbakum, method, tail, data
):
    referral_id = _send(personas, adult_case).json()["id"]
    other = personas["provider_kalteng"]
    mine = other.api(method, f"/api/v1/referrals/{referral_id}{tail}", data)
    random = other.api(method, f"/api/v1/referrals/{uuid.uuid4()}{tail}", data)
    assert mine.status_code == random.status_code == 404
    assert mine.content == random.content
    assert Referral.objects.get(pk=referral_id).status == "sent"


@pytest.mark.parametrize("who", ["analyst_bpp", "activist_bpp", "admin_bpp"])
def test_analysts_activists_and_admins_see_no_referral(personas, adult_case, posbakum, who):
    referral_id = _send(personas, adult_case).json()["id"]
    assert personas[who].api("GET", "/api/v1/referrals").status_code == 404
    assert personas[who].api("GET", f"/api/v1/referrals/{referral_id}").status_code == 404


def test_provider_accepts_completes_and_caseworker_sees_the_feedback(
    personas, adult_case, posbakum
):
    referral_id = _send(personas, adult_case).json()["id"]
    provider = personas["provider_bpp"]
    r = provider.api("POST", f"/api/v1/referrals/{referral_id}/accept", {})
    assert r.status_code == 200
    assert r.json() == {"id": referral_id, "status": "accepted"}
    r = provider.api("POST", f"/api/v1/referrals/{referral_id}/decline", {"reason": "Penuh"})
    assert r.status_code == 409  # declining an accepted referral
    r = provider.api("POST", f"/api/v1/referrals/{referral_id}/complete", {"outcome": ""})
    assert r.status_code == 422
    r = provider.api(
        "POST",
        f"/api/v1/referrals/{referral_id}/complete",
        {"outcome": "Gugatan didaftarkan", "service_given": "Konsultasi hukum"},
    )
    assert r.json() == {"id": referral_id, "status": "completed"}
    items = (
        personas["caseworker_bpp"]
        .api("GET", f"/api/v1/cases/{adult_case.public_id}/referrals")
        .json()["items"]
    )
    assert items[0]["status"] == "completed"
    assert items[0]["feedback"]["outcome"] == "Gugatan didaftarkan"


def test_decline_without_reason_422_and_complete_declined_409(personas, adult_case, posbakum):
    referral_id = _send(personas, adult_case).json()["id"]
    provider = personas["provider_bpp"]
    r = provider.api("POST", f"/api/v1/referrals/{referral_id}/decline", {})
    assert r.status_code == 422
    assert "reason" in _loc(r)
    assert provider.api(
        "POST", f"/api/v1/referrals/{referral_id}/decline", {"reason": "Penuh"}
    ).json() == {"id": referral_id, "status": "declined"}
    r = provider.api("POST", f"/api/v1/referrals/{referral_id}/complete", {"outcome": "x"})
    assert r.status_code == 409


def test_caseworker_cannot_answer_for_the_provider(personas, adult_case, posbakum):
    referral_id = _send(personas, adult_case).json()["id"]
    r = personas["caseworker_bpp"].api("POST", f"/api/v1/referrals/{referral_id}/accept", {})
    assert r.status_code == 404


def test_consent_withdrawal_empties_the_providers_view(personas, adult_case, posbakum):
    referral_id = _send(personas, adult_case).json()["id"]
    provider = personas["provider_bpp"]
    provider.api("POST", f"/api/v1/referrals/{referral_id}/accept", {})
    r = personas["caseworker_bpp"].api(
        "POST", f"/api/v1/referrals/{referral_id}/consent/withdraw", {"reason": "Korban menarik"}
    )
    assert r.status_code == 200
    assert r.json()["status"] == "accepted"
    body = provider.api("GET", f"/api/v1/referrals/{referral_id}").json()
    assert body["case"] == {}
    assert body["consent"]["withdrawn_at"]
    assert provider.api("GET", f"/api/v1/referrals/{referral_id}/letter.pdf").status_code == 409


def test_withdraw_by_caseworker(personas, adult_case, posbakum):
    referral_id = _send(personas, adult_case).json()["id"]
    r = personas["caseworker_bpp"].api(
        "POST", f"/api/v1/referrals/{referral_id}/withdraw", {"reason": "Korban pindah"}
    )
    assert r.json() == {"id": referral_id, "status": "withdrawn"}


def test_provider_list_query_count_does_not_grow_with_referrals(
    personas, adult_case, posbakum, django_assert_max_num_queries
):
    provider = personas["provider_bpp"]
    _send(personas, adult_case)
    provider.api("GET", "/api/v1/referrals")  # the token is looked up and cached once
    with django_assert_max_num_queries(6):
        assert provider.api("GET", "/api/v1/referrals").json()["count"] == 1
    for _ in range(4):
        _send(personas, adult_case)
    with django_assert_max_num_queries(6):
        assert provider.api("GET", "/api/v1/referrals").json()["count"] == 5


def test_consent_time_without_zone_is_read_in_the_case_area_and_never_in_the_future(
    personas, adult_case, posbakum
):
    consent = {"given_by": "victim", "data": ["identity"], "given_at": "2026-03-01T10:00:00"}
    r = _send(personas, adult_case, consent=consent)
    assert r.status_code == 201, r.content
    assert r.json()["consent"]["given_at"].startswith("2026-03-01T02:00:00")  # WITA, UTC+8
    r = _send(personas, adult_case, consent=consent | {"given_at": "2999-01-01T00:00:00"})
    assert r.status_code == 422
    assert "consent.given_at" in _loc(r)
