"""A referral whose consent names ``risk`` carries the case's latest risk result to the
addressed provider (DESIGN §9); without that category the key is absent, not masked."""

from __future__ import annotations

import pytest

from .conftest import dash

pytestmark = pytest.mark.django_db


def _refer(personas, case, data):
    body = {
        "organisation": "t-posbakum-bpp",
        "service_type": "legal_aid",
        "consent": {"given_by": "victim", "data": data},
    }
    r = personas["caseworker_bpp"].api("POST", f"/api/v1/cases/{case.public_id}/referrals", body)
    assert r.status_code == 201, r.content
    return r.json()["id"]


def test_the_provider_reads_the_latest_risk_only_when_consented(bpp_case, personas):
    url = f"/api/v1/cases/{bpp_case.public_id}/risk-assessments"
    assert (
        personas["caseworker_bpp"]
        .api("POST", url, {"instrument": "dash", "answers": dash(15)})
        .status_code
        == 201
    )
    with_risk = _refer(personas, bpp_case, ["identity", "risk"])
    without = _refer(personas, bpp_case, ["identity"])
    provider = personas["provider_bpp"]
    case = provider.api("GET", f"/api/v1/referrals/{with_risk}").json()["case"]
    assert case["risk"]["score"] == 15
    assert case["risk"]["level"] == "high"
    assert case["risk"]["instrument"] == "dash"
    assert "risk" not in provider.api("GET", f"/api/v1/referrals/{without}").json()["case"]
