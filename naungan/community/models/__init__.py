"""Models of the community tier (PPATBM groups and activists, DESIGN §10), one module per
sub-domain (the same names as services, selectors, api, views, forms and schemas)."""

from .accompaniment import AccompanimentBrief, AccompanimentLog, BriefStatus
from .activities import Activity, ActivityKind
from .groups import GroupProfile, GroupRole, Membership, Partner, PartnerKind
from .matters import MicroMatter, MicroMatterOutcome
from .sync import SyncItem, SyncItemType

__all__ = [
    "AccompanimentBrief",
    "AccompanimentLog",
    "Activity",
    "ActivityKind",
    "BriefStatus",
    "GroupProfile",
    "GroupRole",
    "Membership",
    "MicroMatter",
    "MicroMatterOutcome",
    "Partner",
    "PartnerKind",
    "SyncItem",
    "SyncItemType",
]
