"""Writes on reports (DESIGN §4): submission (public and staff), the reporter's thread, triage
and the status workflow. Every write and every read of report content is audited here.

The package's modules: ``submit`` (the submit flow: rate limit, idempotency, storage),
``validation`` (the field rules of a report), ``routing`` (responsible unit), ``store`` (the
single-statement insert), ``reporter`` (code + PIN side), ``intake`` (staff)."""

from ._base import (
    CATEGORIES,
    TRIAGE_ORDER,
    IdempotencyMismatch,
    NotAllowed,
    ReporterLocked,
    ReporterNotFound,
    ReportError,
    SubmissionInProgress,
    SubmissionsThrottled,
    TransitionNotAllowed,
)
from .intake import (
    report_close,
    report_curhat_to_complaint,
    report_hand_over,
    report_mark_converted,
    report_message_from_staff,
    report_triage,
    report_view,
    triage_clocks,
    triage_hours,
)
from .reporter import (
    PUBLIC_STATUS,
    ReporterAccess,
    public_status,
    report_for_reporter,
    report_message_from_reporter,
    report_message_text,
    report_reporter_access,
    report_reporter_get,
    report_reporter_view,
)
from .routing import report_route
from .store import _signals_listen
from .submit import (
    Submission,
    report_actor_check,
    report_replay,
    report_submission,
    report_submit,
)
from .triage import (
    triage_checklist_clean,
    triage_checklist_items,
    triage_is_below,
    triage_suggest,
    triage_suggestion,
    triage_suggestion_with_reported,
)
from .validation import ReportInput, ValidReport, report_validate

__all__ = [
    "CATEGORIES",
    "PUBLIC_STATUS",
    "TRIAGE_ORDER",
    "IdempotencyMismatch",
    "NotAllowed",
    "ReportError",
    "ReportInput",
    "ReporterAccess",
    "ReporterLocked",
    "ReporterNotFound",
    "Submission",
    "SubmissionInProgress",
    "SubmissionsThrottled",
    "TransitionNotAllowed",
    "ValidReport",
    "_signals_listen",
    "public_status",
    "report_actor_check",
    "report_close",
    "report_curhat_to_complaint",
    "report_for_reporter",
    "report_hand_over",
    "report_mark_converted",
    "report_message_from_reporter",
    "report_message_from_staff",
    "report_message_text",
    "report_replay",
    "report_reporter_access",
    "report_reporter_get",
    "report_reporter_view",
    "report_route",
    "report_submission",
    "report_submit",
    "report_triage",
    "report_validate",
    "report_view",
    "triage_checklist_clean",
    "triage_checklist_items",
    "triage_clocks",
    "triage_hours",
    "triage_is_below",
    "triage_suggest",
    "triage_suggestion",
    "triage_suggestion_with_reported",
]
