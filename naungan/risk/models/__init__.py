"""Models of risk assessment, one module per sub-domain (the same names as services,
selectors, api, views, forms and schemas), re-exported here."""

from .assessments import Answer, Level, ReferralReason, RiskAssessment
from .conferences import Conference
from .instruments import Instrument, InstrumentVersion, OrganisationBands
from .safety import SafetyPlan

__all__ = [
    "Answer",
    "Conference",
    "Instrument",
    "InstrumentVersion",
    "Level",
    "OrganisationBands",
    "ReferralReason",
    "RiskAssessment",
    "SafetyPlan",
]
