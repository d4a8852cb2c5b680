"""Writes of trainings and competencies, one module per sub-domain, re-exported here. The
check other apps call is ``require_competency(user, action)`` (``requirements``)."""

from .certificates import certificate_filename, certificate_html, certificate_print
from .grants import competency_grant_record
from .requirements import require_competency, required_competencies
from .trainings import (
    CompetencyIn,
    ResultIn,
    TrainingIn,
    check_participants,
    default_pass_mark,
    training_create,
    training_participants_add,
    training_results_record,
)

__all__ = [
    "CompetencyIn",
    "ResultIn",
    "TrainingIn",
    "certificate_filename",
    "certificate_html",
    "certificate_print",
    "check_participants",
    "competency_grant_record",
    "default_pass_mark",
    "require_competency",
    "required_competencies",
    "training_create",
    "training_participants_add",
    "training_results_record",
]
