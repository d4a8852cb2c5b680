"""Writes of the community tier, one module per sub-domain (the same names as ``selectors``,
``api``, ``views``). Each checks who may act, validates, runs in a transaction and records an
audit event. Re-exported here."""

from ._common import activist_group
from .accompaniment import LogInput, brief_close, brief_create, brief_log, brief_read_audit
from .activities import ActivityInput, activity_area, activity_create, activity_validate
from .groups import (
    MemberIn,
    group_create,
    group_profile_update,
    membership_add,
    membership_end,
    partner_add,
)
from .matters import MatterInput, matter_outcome, micro_matter_record
from .sync import SyncResult, accompaniment_log_once, sync_apply

__all__ = [
    "ActivityInput",
    "LogInput",
    "MatterInput",
    "MemberIn",
    "SyncResult",
    "accompaniment_log_once",
    "activist_group",
    "activity_area",
    "activity_create",
    "activity_validate",
    "brief_close",
    "brief_create",
    "brief_log",
    "brief_read_audit",
    "group_create",
    "group_profile_update",
    "matter_outcome",
    "membership_add",
    "membership_end",
    "micro_matter_record",
    "partner_add",
    "sync_apply",
]
