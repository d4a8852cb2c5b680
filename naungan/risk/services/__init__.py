"""Writes of risk assessment, one module per sub-domain (the same names as ``selectors``,
``api``, ``views``). Every function is one transaction, checks who may act, calls
``full_clean()`` before saving and records an audit event (DESIGN §8, §12)."""

from .assessments import (
    AssessmentIn,
    assessment_create,
    assessment_judge,
    assessments_read_audit,
    referral_reasons_for,
)
from .conferences import ActionIn, conference_action_add, conference_record, conferences_read_audit
from .instruments import instrument_bands_set, instrument_version_add
from .safety import SafetyPlanIn, safety_plan_print_audit, safety_plan_save, safety_plans_read_audit

__all__ = [
    "ActionIn",
    "AssessmentIn",
    "SafetyPlanIn",
    "assessment_create",
    "assessment_judge",
    "assessments_read_audit",
    "conference_action_add",
    "conference_record",
    "conferences_read_audit",
    "instrument_bands_set",
    "instrument_version_add",
    "referral_reasons_for",
    "safety_plan_print_audit",
    "safety_plan_save",
    "safety_plans_read_audit",
]
