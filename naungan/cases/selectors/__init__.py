"""Reads of case management, always scoped to the user (role, area, assignment): one module per
sub-domain, the same names as ``services``, ``api``, ``views``. The public functions are re-exported
here, so ``from naungan.cases import selectors`` keeps working."""

from .assignment import (
    CASELOAD_COLUMNS,
    DEFAULT_CASELOAD_WARNING,
    Caseload,
    caseload_warning,
    caseloads,
    cases_assignable,
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
)
from .documents import case_document_get, case_documents
from .incidents import case_incident_get, case_incidents
from .messages import case_thread
from .notifications import notification_get, notifications_for, notifications_unread_count
from .people import (
    case_party_get,
    case_party_list,
    case_victim_find,
    case_victims,
    party_duplicates,
    person_matches,
    person_other_cases,
    persons_linkable_by,
)
from .plans import case_monitoring, case_plan_get, case_plans, plan_current, plan_organisations
from .references import area_by_code, organisation_by_slug, user_by_username
from .saved_filters import saved_filter_get, saved_filters_of
from .tasks import TASK_CHUNK, case_task_get, case_tasks, tasks_needing
from .transfers import (
    case_open_transfer,
    transfer_destinations,
    transfer_get,
    transfers_incoming,
    transfers_outgoing,
    transfers_visible_to,
)
from .workflow import case_closure_get, case_pending_closure, case_timeline

__all__ = [
    "CASELOAD_COLUMNS",
    "DEFAULT_CASELOAD_WARNING",
    "NONE_Q",
    "TASK_CHUNK",
    "CaseFilters",
    "Caseload",
    "area_by_code",
    "assigned_case_ids",
    "case_closure_get",
    "case_detail",
    "case_document_get",
    "case_documents",
    "case_from_report",
    "case_get",
    "case_get_for_write",
    "case_incident_get",
    "case_incidents",
    "case_is_writable",
    "case_list",
    "case_list_page",
    "case_monitoring",
    "case_open_transfer",
    "case_parties",
    "case_party_get",
    "case_party_list",
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
    "cases_assignable",
    "cases_visible_to",
    "cases_writable_by",
    "notification_get",
    "notifications_for",
    "notifications_unread_count",
    "organisation_by_slug",
    "party_duplicates",
    "person_matches",
    "person_other_cases",
    "persons_linkable_by",
    "plan_current",
    "plan_organisations",
    "report_has_case",
    "saved_filter_get",
    "saved_filters_of",
    "tasks_needing",
    "transfer_destinations",
    "transfer_get",
    "transfers_incoming",
    "transfers_outgoing",
    "transfers_visible_to",
    "unit_workers",
    "user_by_username",
]
