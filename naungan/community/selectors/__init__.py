"""Reads of the community tier, always scoped to the user, one module per sub-domain."""

from .accompaniment import brief_get, briefs_for_activist, case_brief_get, case_briefs
from .activities import (
    SummaryRow,
    activities_visible_to,
    activity_summary,
    activity_summary_rows,
    month_parse,
    summary_area,
)
from .coordination import Coordination, coordination_of
from .field_reports import (
    STATUS_ORDER,
    field_report_status,
    group_report_counts,
    own_field_reports,
)
from .groups import (
    DistrictCoverage,
    KelurahanCoverage,
    activists_in_scope,
    coverage,
    coverage_area,
    current_membership,
    group_get,
    group_managed_get,
    group_members,
    group_partnered_get,
    groups_visible_to,
    is_chair,
    membership_get,
)

__all__ = [
    "STATUS_ORDER",
    "Coordination",
    "DistrictCoverage",
    "KelurahanCoverage",
    "SummaryRow",
    "activists_in_scope",
    "activities_visible_to",
    "activity_summary",
    "activity_summary_rows",
    "brief_get",
    "briefs_for_activist",
    "case_brief_get",
    "case_briefs",
    "coordination_of",
    "coverage",
    "coverage_area",
    "current_membership",
    "field_report_status",
    "group_get",
    "group_managed_get",
    "group_members",
    "group_partnered_get",
    "group_report_counts",
    "groups_visible_to",
    "is_chair",
    "membership_get",
    "month_parse",
    "own_field_reports",
    "summary_area",
]
