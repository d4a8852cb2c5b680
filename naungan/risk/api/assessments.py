"""Risk assessments API (CONTRACT §7)."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Status

from naungan.accounts.access import request_user
from naungan.cases import selectors as case_selectors

from .. import selectors, services
from ..models import RiskAssessment
from ..schemas.assessments import AssessmentIn, AssessmentListOut, AssessmentOut, JudgementIn
from . import router
from ._common import victim_of


def score_text(a: RiskAssessment) -> str:
    return _("%(score)s dari %(max)s") % {"score": a.score, "max": a.max_score}


def assessment_out(a: RiskAssessment) -> dict[str, Any]:
    weighted = None
    if a.instrument == "da" and not a.version.weighted_enabled:
        weighted = _(
            "Tingkat berbobot belum aktif: belum ada tabel bobot yang terverifikasi. "
            "Hanya jumlah jawaban ya yang ditampilkan."
        )
    return {
        "id": a.public_id,
        "instrument": a.instrument,
        "version": a.version.number,
        "assessed_at": a.assessed_at,
        "score": a.score,
        "max_score": a.max_score,
        "score_text": score_text(a),
        "scored_level": a.scored_level or None,
        "professional_judgement": a.judged_level or None,
        "level": a.level or None,
        "referral_required": a.referral_required,
        "referral_reasons": list(a.referral_reasons),
        "escalation_incidents": a.escalation_count,
        "children_in_household": a.children_in_household,
        "bands": a.bands,
        "weighted_levels": weighted,
        "revises": a.revises.public_id if a.revises_id and a.revises else None,
    }


@router.post(
    "/cases/{caseid:case_id}/risk-assessments",
    response={201: AssessmentOut},
    summary="Record a risk assessment",
    description="CONTRACT §7. `dash`: score = number of yes, ≥ 14 high, 10–13 medium "
    "(the unit's bands), 0–9 standard. `da`: raw count `n dari 20`, no level. A professional "
    "judgement (`medium`/`high`, with `judgement_reason`) raises the level, never lowers it "
    "(422, audited). `referral_reasons`: `score`, `judgement`, `escalation`, `repeat`. Every "
    "bad input: 422 naming the field, nothing stored. The case's writers only.",
)
def cases_risk_assessment_create(
    request: HttpRequest, case_id: UUID, payload: AssessmentIn
) -> Status[dict[str, Any]]:
    user = request_user(request)
    case = case_selectors.case_get_for_write(user=user, case_id=case_id)
    assessment = services.assessment_create(
        actor=user,
        case=case,
        data=services.AssessmentIn(
            instrument=payload.instrument,
            answers=payload.answers,
            assessed_at=payload.assessed_at,
            professional_judgement=payload.professional_judgement,
            judgement_reason=payload.judgement_reason,
            children_in_household=payload.children_in_household,
            victim=victim_of(case, payload.victim),
        ),
    )
    return Status(201, assessment_out(assessment))


@router.get(
    "/cases/{caseid:case_id}/risk-assessments",
    response=AssessmentListOut,
    summary="The risk assessments of a case, newest first",
)
def cases_risk_assessments(request: HttpRequest, case_id: UUID) -> dict[str, Any]:
    user = request_user(request)
    case = case_selectors.case_get(user=user, case_id=case_id)
    items = [assessment_out(a) for a in selectors.case_assessments(case=case)]
    services.assessments_read_audit(actor=user, case=case, request=request)
    return {"items": items, "count": len(items)}


@router.get(
    "/cases/{caseid:case_id}/risk-assessments/{assessment_id}",
    response=AssessmentOut,
    summary="One risk assessment",
)
def cases_risk_assessment(request: HttpRequest, case_id: UUID, assessment_id: UUID) -> Any:
    user = request_user(request)
    case = case_selectors.case_get(user=user, case_id=case_id)
    assessment = selectors.case_assessment_get(case=case, assessment_id=assessment_id)
    services.assessments_read_audit(actor=user, case=case, request=request)
    return assessment_out(assessment)


@router.post(
    "/cases/{caseid:case_id}/risk-assessments/{assessment_id}/judgement",
    response={201: AssessmentOut},
    summary="A professional judgement on a past result",
    description="Makes a new assessment with the same answers, version and bands; the old one "
    "stays as it was. Raises only; a reason is required (422, audited).",
)
def cases_risk_assessment_judge(
    request: HttpRequest, case_id: UUID, assessment_id: UUID, payload: JudgementIn
) -> Status[dict[str, Any]]:
    user = request_user(request)
    case = case_selectors.case_get_for_write(user=user, case_id=case_id)
    assessment = selectors.case_assessment_get(case=case, assessment_id=assessment_id)
    new = services.assessment_judge(
        actor=user,
        assessment=assessment,
        level=payload.professional_judgement,
        reason=payload.judgement_reason,
    )
    return Status(201, assessment_out(new))
