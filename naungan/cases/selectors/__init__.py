"""Reads of case management, always scoped to the user (role, area, assignment): one module per
sub-domain, the same names as ``services``, ``api``, ``views``. The public functions are re-exported
here, so ``from naungan.cases import selectors`` keeps working."""

from .assignment import (
    CASELOAD_COLUMNS,
    DEFAULT_CASELOAD_WARNING,
    Caseload,
    assignments_unseen,
    caseload_warning,
    caseloads,
    cases_unassigned,
    unit_workers,
)
from .cases import (
    NONE_Q,
    CaseFilters,
    assigned_case_ids,
    case_detail,
    case_from_report,
    case_get,
    case_get_for_write,
    case_is_writable,
    case_list,
    case_list_page,
    case_parties,
    cases_visible_to,
    cases_writable_by,
    report_has_case,
    triage_rank,
)
from .documents import case_document_get, case_documents
from .incidents import case_incident_get
from .messages import case_thread, cases_with_unread_messages
from .notifications import notification_get, notifications_for, notifications_unread_count
from .people import case_victim_find, case_victims, person_matches, persons_linkable_by
from .plans import (
    case_monitoring,
    case_plan_get,
    case_plans,
    plan_current,
    plans_awaiting_decision,
)
from .references import area_by_code, organisation_by_slug, user_by_username
from .saved_filters import saved_filter_get, saved_filters_of
from .tasks import TASK_CHUNK, case_task_get, case_tasks, tasks_needing, tasks_overdue_in_scope
from .transfers import (
    case_open_transfer,
    transfer_destinations,
    transfer_get,
    transfers_incoming,
    transfers_outgoing,
    transfers_visible_to,
)
from .workflow import (
    case_closure_get,
    case_pending_closure,
    case_timeline,
    closures_awaiting_decision,
)

__all__ = [
    "CASELOAD_COLUMNS",
    "DEFAULT_CASELOAD_WARNING",
    "NONE_Q",
    "TASK_CHUNK",
    "CaseFilters",
    "Caseload",
    "area_by_code",
    "assigned_case_ids",
    "assignments_unseen",
    "case_closure_get",
    "case_detail",
    "case_document_get",
    "case_documents",
    "case_from_report",
    "case_get",
    "case_get_for_write",
    "case_incident_get",
    "case_is_writable",
    "case_list",
    "case_list_page",
    "case_monitoring",
    "case_open_transfer",
    "case_parties",
    "case_pending_closure",
    "case_plan_get",
    "case_plans",
    "case_task_get",
    "case_tasks",
    "case_thread",
    "case_timeline",
    "case_victim_find",
    "case_victims",
    "caseload_warning",
    "caseloads",
    "cases_unassigned",
    "cases_visible_to",
    "cases_with_unread_messages",
    "cases_writable_by",
    "closures_awaiting_decision",
    "notification_get",
    "notifications_for",
    "notifications_unread_count",
    "organisation_by_slug",
    "person_matches",
    "persons_linkable_by",
    "plan_current",
    "plans_awaiting_decision",
    "report_has_case",
    "saved_filter_get",
    "saved_filters_of",
    "tasks_needing",
    "tasks_overdue_in_scope",
    "transfer_destinations",
    "transfer_get",
    "transfers_incoming",
    "transfers_outgoing",
    "transfers_visible_to",
    "triage_rank",
    "unit_workers",
    "user_by_username",
]
