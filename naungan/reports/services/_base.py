"""Shared constants and domain exceptions of the report services."""

from __future__ import annotations

from naungan.core.exceptions import DomainError

from ..models import (
    TriageLevel,
)

STAFF_ROLES = {"intake", "supervisor"}
TRIAGE_ORDER = [TriageLevel.LOW, TriageLevel.MEDIUM, TriageLevel.HIGH, TriageLevel.EMERGENCY]
CATEGORIES = "identity,contact,narrative"


class ReportError(DomainError):
    """A domain rule of reporting refused the action; ``message`` is translated for the user."""

    status = 409


class TransitionNotAllowed(ReportError):
    pass


class NotAllowed(ReportError):
    status = 404


class IdempotencyMismatch(ReportError):
    status = 422


class SubmissionInProgress(ReportError):
    status = 409
