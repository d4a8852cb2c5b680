"""Reads of services on a case, one module per sub-domain; the case is always reached through
the cases app's scoped selectors first. Re-exported here."""

from .accompaniment import case_partner_clocks, episode_accompaniment
from .episodes import EpisodeCount, case_episode_get, case_episodes, service_episode_counts
from .mediation import episode_mediation
from .outreach import episode_visit_get, episode_visits
from .shelter import (
    Occupancy,
    case_active_stay,
    case_stays,
    shelter_address_visible,
    shelter_occupancy,
    shelter_usable_by,
    shelters_for,
    stay_extension_get,
)

__all__ = [
    "EpisodeCount",
    "Occupancy",
    "case_active_stay",
    "case_episode_get",
    "case_episodes",
    "case_partner_clocks",
    "case_stays",
    "episode_accompaniment",
    "episode_mediation",
    "episode_visit_get",
    "episode_visits",
    "service_episode_counts",
    "shelter_address_visible",
    "shelter_occupancy",
    "shelter_usable_by",
    "shelters_for",
    "stay_extension_get",
]
