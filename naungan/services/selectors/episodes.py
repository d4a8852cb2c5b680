"""The services of a case, one episode, and the counts for statistics. The case itself is
always looked up first through the cases app's scoped selectors (``case_get`` for readers,
``case_get_for_write`` for writers): a case outside them is a 404 before anything here runs."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from django.db.models import Count, QuerySet
from django.db.models.functions import TruncMonth

from naungan.accounts.models import User
from naungan.accounts.roles import STATISTICS_READERS, user_in
from naungan.areas.models import Area
from naungan.cases.models import Case
from naungan.orgs.models import Organisation

from ..models import ServiceEpisode
from ._common import get_public


def case_episodes(*, case: Case) -> QuerySet[ServiceEpisode]:
    """The services given on ``case``, newest first, with what their pages show."""
    return ServiceEpisode.objects.filter(case=case).select_related(
        "organisation", "staff", "stay__shelter", "mediation", "accompaniment"
    )


def case_episode_get(*, case: Case, episode_id: UUID | str) -> ServiceEpisode:
    """One episode of ``case``; another case's, a missing or a malformed id: 404."""
    return get_public(case_episodes(case=case).select_related("case__area"), episode_id)


@dataclass(frozen=True)
class EpisodeCount:
    service: str
    organisation: Organisation
    month: datetime
    count: int


def service_episode_counts(*, user: User, area: Area, year: int) -> list[EpisodeCount]:
    """Services given in ``year`` on the cases of ``area`` (and the areas inside it), by
    service, giving unit and month of the start (DESIGN §13), for supervisors and analysts
    whose scope holds ``area``; anyone else gets nothing. Aggregates only: the stats pages
    suppress small cells for analysts."""
    if not user_in(user, STATISTICS_READERS) or not user.in_scope(area):
        return []
    rows = (
        ServiceEpisode.objects.filter(started_at__year=year)
        # The area codes copied onto the case (``Case.area_*``): no join to the areas.
        .filter(area.contains_q("case__area_"))
        .annotate(month=TruncMonth("started_at"))
        .values("service", "organisation", "month")
        .annotate(n=Count("id"))
        .order_by("month", "service", "organisation")
    )
    orgs = Organisation.objects.in_bulk({r["organisation"] for r in rows})
    return [EpisodeCount(r["service"], orgs[r["organisation"]], r["month"], r["n"]) for r in rows]
