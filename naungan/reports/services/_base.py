"""Shared constants and the domain errors of the report services. Every error derives from
``core.exceptions.DomainError``: the API's one handler answers it (status, message, headers),
views show ``core.http.error_text``. Report answers are never cached (``Cache-Control``)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy

from naungan.core.exceptions import DomainError, RateLimited

from ..models import TriageLevel

TRIAGE_ORDER = [TriageLevel.LOW, TriageLevel.MEDIUM, TriageLevel.HIGH, TriageLevel.EMERGENCY]
CATEGORIES = "identity,contact,narrative"
NO_STORE = {"Cache-Control": "no-store"}


class ReportError(DomainError):
    """A domain rule of reporting refused the action; ``message`` is translated for the user."""

    status = 409
    headers = NO_STORE


class TransitionNotAllowed(ReportError):
    """The report's state does not allow the action (closed already, lowering triage…)."""


class NotAllowed(ReportError):
    """The caller may not act on reports at all: answered exactly like a missing record."""

    status = 404
    default_message: Any = gettext_lazy("Tidak ditemukan.")


class IdempotencyMismatch(ReportError):
    """The same Idempotency-Key came with another body (CONTRACT §4)."""

    status = 422


class SubmissionInProgress(ReportError):
    """A retry raced the first submission with its key: try again in a second."""

    status = 409
    headers = {**NO_STORE, "Retry-After": "1"}


class SubmissionsThrottled(ReportError, RateLimited):
    """Too many new reports from one client address (429, Retry-After)."""

    status = 429


class ReporterLocked(ReportError, RateLimited):
    """Too many wrong PINs, from this client or on this tracking code (429, Retry-After)."""

    status = 429


class ReporterNotFound(ReportError):
    """A wrong PIN or an unknown tracking code: the same 404 as any missing record."""

    status = 404
