"""Writes of services on a case, one module per sub-domain (the same names as ``selectors``,
``api``, ``views``). Each checks who may act, calls ``full_clean()`` before saving, runs in a
transaction and records an audit event (DESIGN §6, §12). Re-exported here."""

from ..clocks import CLOCKS
from ._common import Opened
from .accompaniment import (
    AccompanimentIn,
    accompaniment_next_hearing,
    partner_clock_start,
)
from .episodes import (
    EpisodeIn,
    episode_end,
    episode_open,
    episodes_on_case_event,
    episodes_read_audit,
)
from .mediation import (
    MediationIn,
    mediation_agreement_record,
    mediation_refusal,
    mediation_session_record,
)
from .outreach import (
    VisitIn,
    outreach_depart,
    outreach_result,
    outreach_safety_check,
    outreach_visit_plan,
)
from .shelter import (
    StayIn,
    free_beds,
    shelter_address_read,
    shelter_admit,
    shelter_closure_blockers,
    shelter_discharge,
    shelter_extension_decide,
    shelter_extension_request,
)

__all__ = [
    "CLOCKS",
    "AccompanimentIn",
    "EpisodeIn",
    "MediationIn",
    "Opened",
    "StayIn",
    "VisitIn",
    "accompaniment_next_hearing",
    "episode_end",
    "episode_open",
    "episodes_on_case_event",
    "episodes_read_audit",
    "free_beds",
    "mediation_agreement_record",
    "mediation_refusal",
    "mediation_session_record",
    "outreach_depart",
    "outreach_result",
    "outreach_safety_check",
    "outreach_visit_plan",
    "partner_clock_start",
    "shelter_address_read",
    "shelter_admit",
    "shelter_closure_blockers",
    "shelter_discharge",
    "shelter_extension_decide",
    "shelter_extension_request",
]
