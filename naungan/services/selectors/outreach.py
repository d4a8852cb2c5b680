"""The visits of an outreach episode."""

from __future__ import annotations

from uuid import UUID

from django.db.models import QuerySet

from ..models import OutreachVisit, ServiceEpisode
from ._common import get_public


def episode_visits(*, episode: ServiceEpisode) -> QuerySet[OutreachVisit]:
    return episode.visits.select_related("safety_checked_by").order_by("planned_at", "id")


def episode_visit_get(*, episode: ServiceEpisode, visit_id: UUID | str) -> OutreachVisit:
    """One visit of ``episode``; another episode's, a missing or a malformed id: 404."""
    return get_public(episode_visits(episode=episode).select_related("episode__case"), visit_id)
