"""A case's accompaniment records and the partner clocks running on it."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404

from naungan.cases.models import Case, Task

from ..clocks import PARTNER_SOURCES
from ..models import Accompaniment, ServiceEpisode


def episode_accompaniment(*, episode: ServiceEpisode) -> Accompaniment:
    """The accompaniment of an accompaniment episode; any other episode: 404."""
    try:
        return Accompaniment.objects.select_related("episode__case__area").get(episode=episode)
    except Accompaniment.DoesNotExist as exc:
        raise Http404 from exc


def case_partner_clocks(*, case: Case) -> QuerySet[Task]:
    """The case's tasks that are partner clocks (cited by their legal source)."""
    return case.tasks.filter(source_rule__in=PARTNER_SOURCES).order_by("due_at", "id")
