"""The mediation record of an episode and its sessions."""

from __future__ import annotations

from django.http import Http404

from ..models import Mediation, ServiceEpisode


def episode_mediation(*, episode: ServiceEpisode) -> Mediation:
    """The mediation of a mediation episode; any other episode: 404."""
    try:
        return Mediation.objects.select_related("episode__case__area").get(episode=episode)
    except Mediation.DoesNotExist as exc:
        raise Http404 from exc
