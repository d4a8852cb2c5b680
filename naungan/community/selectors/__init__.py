"""Reads of the community tier, always scoped to the user, one module per sub-domain."""

from .activities import (
    SummaryRow,
    activities_visible_to,
    activity_summary,
    activity_summary_rows,
    month_parse,
    summary_area,
)

__all__ = [
    "SummaryRow",
    "activities_visible_to",
    "activity_summary",
    "activity_summary_rows",
    "month_parse",
    "summary_area",
]
