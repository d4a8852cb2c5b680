"""Writes of case management, one module per sub-domain (the same names as ``selectors``,
``api``, ``views``). Every function is one transaction, checks who may act, calls
``full_clean()`` before saving and records an audit event (DESIGN §5, §6, §11, §12). The most
used functions are re-exported here (``from naungan.cases import services``)."""

from ._common import (
    CLOCK_SKEW,
    POLICE_REPORT_HOURS,
    POLICE_REPORT_RULE,
    TRANSITIONS,
    PersonIn,
    task_create,
)
from .assignment import assignment_seen, case_assign, case_unassign, cases_bulk_assign
from .cases import (
    case_create,
    case_list_audit,
    case_read_audit,
    match_hidden_alert,
    report_convert,
)
from .incidents import (
    IncidentDetails,
    incident_correct,
    incident_reclassify,
    incident_record,
    incident_withdraw,
)
from .messages import NoReporterThread, case_message_reply, case_thread_read
from .people import party_add, party_remove, party_update
from .tasks import note_add, task_complete, task_waive
from .workflow import case_reopen, case_transition, closure_decide, closure_request

__all__ = [
    "CLOCK_SKEW",
    "POLICE_REPORT_HOURS",
    "POLICE_REPORT_RULE",
    "TRANSITIONS",
    "IncidentDetails",
    "NoReporterThread",
    "PersonIn",
    "assignment_seen",
    "case_assign",
    "case_create",
    "case_list_audit",
    "case_message_reply",
    "case_read_audit",
    "case_reopen",
    "case_thread_read",
    "case_transition",
    "case_unassign",
    "cases_bulk_assign",
    "closure_decide",
    "closure_request",
    "incident_correct",
    "incident_reclassify",
    "incident_record",
    "incident_withdraw",
    "match_hidden_alert",
    "note_add",
    "party_add",
    "party_remove",
    "party_update",
    "report_convert",
    "task_complete",
    "task_create",
    "task_waive",
]
