"""Models of trainings and competencies, one module per sub-domain (the same names as
services, selectors, api, views, forms and schemas), re-exported here."""

from .competencies import Competency, CompetencyGrant, CompetencyRequirement, GrantSource
from .trainings import Participant, Training, TrainingCompetency

__all__ = [
    "Competency",
    "CompetencyGrant",
    "CompetencyRequirement",
    "GrantSource",
    "Participant",
    "Training",
    "TrainingCompetency",
]
