"""Reads of risk assessments. The case comes from ``case_get`` (scoped): these never widen it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID

from django.db.models import QuerySet

from naungan.cases.models import Case

from ..models import RiskAssessment
from ._common import get_public


def case_assessments(*, case: Case) -> QuerySet[RiskAssessment]:
    """The case's assessments, newest first."""
    return case.risk_assessments.select_related("version", "version__instrument", "assessed_by")


def case_assessment_get(*, case: Case, assessment_id: UUID | str) -> RiskAssessment:
    return get_public(case_assessments(case=case), assessment_id)


def latest_risk_summary(case: Case) -> dict[str, Any] | None:
    """The newest assessment of ``case`` as a plain dict (``instrument``, ``version``,
    ``assessed_at``, ``score``, ``level``), or ``None``. For the referrals app's ``risk``
    category: the caller has already decided that the reader may see it (consent)."""
    a = case_assessments(case=case).first()
    if a is None:
        return None
    return {
        "instrument": a.instrument,
        "version": a.version.number,
        "assessed_at": a.assessed_at.isoformat(),
        "score": a.score,
        "level": a.level or None,
    }


@dataclass(frozen=True)
class RiskPoint:
    """One point of the case's risk history chart."""

    assessed_at: datetime
    instrument: str
    score: int
    max_score: int
    level: str
    level_label: str


def case_risk_points(*, case: Case) -> list[RiskPoint]:
    """Oldest first: what the history chart draws."""
    return [
        RiskPoint(
            assessed_at=a.assessed_at,
            instrument=a.instrument,
            score=a.score,
            max_score=len(a.version.questions),
            level=a.level,
            level_label=str(a.get_level_display()) if a.level else "",
        )
        for a in reversed(list(case_assessments(case=case)))
    ]
