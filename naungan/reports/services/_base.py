"""Shared constants and domain exceptions of the report services."""

from __future__ import annotations

from ..models import (
    TriageLevel,
)

STAFF_ROLES = {"intake", "supervisor"}
TRIAGE_ORDER = [TriageLevel.LOW, TriageLevel.MEDIUM, TriageLevel.HIGH, TriageLevel.EMERGENCY]
CATEGORIES = "identity,contact,narrative"


class ReportError(Exception):
    """A domain rule refused the action; ``message`` is translated for the user."""

    status_code = 409

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class TransitionNotAllowed(ReportError):
    pass


class NotAllowed(ReportError):
    status_code = 404


class IdempotencyMismatch(ReportError):
    status_code = 422


class SubmissionInProgress(ReportError):
    status_code = 409
