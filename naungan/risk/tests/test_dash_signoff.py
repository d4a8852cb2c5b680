"""Signing a DASH assessment needs the competency the person's unit requires
(``training.actions.DASH_SIGNOFF``, DESIGN §10): refused (403, the missing competency named,
nothing stored) without it or once it has expired; allowed with it; the Danger Assessment and
units without a requirement are not guarded."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from naungan.cases.models import Task
from naungan.risk.models import RiskAssessment
from naungan.training.actions import DASH_SIGNOFF
from naungan.training.models import (
    Competency,
    CompetencyGrant,
    CompetencyRequirement,
    GrantSource,
)

from .conftest import dash

LABEL = str(Competency.KDRT_RISK_ASSESSMENT.label)


@pytest.fixture
def required(personas):
    """The caseworker's unit requires KDRT risk assessment for signing DASH."""
    user = personas["caseworker_bpp"].user
    return CompetencyRequirement.objects.create(
        organisation=user.organisation,
        action=DASH_SIGNOFF,
        competency=Competency.KDRT_RISK_ASSESSMENT,
    )


def _grant(user, *, expires_on=None):
    today = timezone.localdate()
    return CompetencyGrant.objects.create(
        user=user,
        competency=Competency.KDRT_RISK_ASSESSMENT,
        granted_on=today - timedelta(days=400),
        expires_on=expires_on,
        source=GrantSource.DIRECT,
    )


def _api(personas, case, body):
    return personas["caseworker_bpp"].api(
        "POST", f"/api/v1/cases/{case.public_id}/risk-assessments", body
    )


def test_api_refused_without_the_competency_and_nothing_stored(bpp_case, personas, required):
    r = _api(personas, bpp_case, {"instrument": "dash", "answers": dash(20)})
    assert r.status_code == 403, r.content
    assert LABEL in r.json()["detail"]
    assert not RiskAssessment.objects.exists()
    # Nothing followed either: no supervisor's task for the (unrecorded) high result.
    assert not Task.objects.filter(case=bpp_case, kind="risk_high").exists()


def test_api_refused_when_the_competency_expired_says_when(bpp_case, personas, required):
    expired = timezone.localdate() - timedelta(days=3)
    _grant(personas["caseworker_bpp"].user, expires_on=expired)
    r = _api(personas, bpp_case, {"instrument": "dash", "answers": dash(3)})
    assert r.status_code == 403
    detail = r.json()["detail"]
    assert LABEL in detail
    assert date_format(expired) in detail
    assert not RiskAssessment.objects.exists()


def test_api_allowed_with_the_competency(bpp_case, personas, required):
    _grant(personas["caseworker_bpp"].user, expires_on=timezone.localdate())
    r = _api(personas, bpp_case, {"instrument": "dash", "answers": dash(14)})
    assert r.status_code == 201, r.content
    assert r.json()["level"] == "high"
    assert RiskAssessment.objects.count() == 1


def test_danger_assessment_and_units_without_requirement_are_not_guarded(
    bpp_case, personas, required
):
    assert _api(personas, bpp_case, {"instrument": "da", "answers": {}}).status_code == 201
    required.delete()
    assert _api(personas, bpp_case, {"instrument": "dash", "answers": {}}).status_code == 201


def test_page_shows_the_refusal_and_keeps_nothing(bpp_case, personas, required):
    r = personas["caseworker_bpp"].client.post(
        reverse("risk:assess", args=[bpp_case.public_id]), {"instrumen": "dash", **dash(5)}
    )
    assert r.status_code == 403
    html = r.content.decode()
    assert LABEL in html
    assert 'data-testid="form-errors"' in html
    assert not RiskAssessment.objects.exists()


def test_judgement_on_a_dash_result_is_a_signoff_too(bpp_case, personas, required):
    user = personas["caseworker_bpp"].user
    grant = _grant(user)
    r = _api(personas, bpp_case, {"instrument": "dash", "answers": dash(2)})
    assert r.status_code == 201
    grant.delete()
    aid = r.json()["id"]
    r = personas["caseworker_bpp"].api(
        "POST",
        f"/api/v1/cases/{bpp_case.public_id}/risk-assessments/{aid}/judgement",
        {"professional_judgement": "high", "judgement_reason": "Ancaman baru kemarin"},
    )
    assert r.status_code == 403
    assert LABEL in r.json()["detail"]
    assert RiskAssessment.objects.count() == 1
