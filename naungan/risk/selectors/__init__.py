"""Reads of risk data; the case is always reached through the cases app's scoped selectors
first. Re-exported here."""

from .assessments import (
    RiskPoint,
    case_assessment_get,
    case_assessments,
    case_risk_points,
    latest_risk_summary,
)
from .conferences import case_conferences, conference_get
from .instruments import instrument_current
from .safety import case_safety_plan_get, case_safety_plans

__all__ = [
    "RiskPoint",
    "case_assessment_get",
    "case_assessments",
    "case_conferences",
    "case_risk_points",
    "case_safety_plan_get",
    "case_safety_plans",
    "conference_get",
    "instrument_current",
    "latest_risk_summary",
]
