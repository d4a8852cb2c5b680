"""Services API: shelter stays (discharge, extensions) and the live occupancy of shelters."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.http import Http404, HttpRequest
from ninja import Status

from naungan.accounts.access import api_role_required, request_user
from naungan.accounts.models import User
from naungan.accounts.roles import CASE_WRITER_ROLES
from naungan.cases import selectors as case_selectors

from .. import selectors, services
from ..models import ShelterStay
from ..schemas.episodes import EpisodeOut
from ..schemas.shelter import (
    DischargeIn,
    ExtensionCreatedOut,
    ExtensionDecideIn,
    ExtensionIn,
    OccupancyListOut,
)
from . import router
from .episodes import episode_out


def _stay(user: User, case_id: UUID, episode_id: UUID) -> ShelterStay:
    case = case_selectors.case_get_for_write(user=user, case_id=case_id)
    episode = selectors.case_episode_get(case=case, episode_id=episode_id)
    stay = getattr(episode, "stay", None)
    if stay is None:
        raise Http404
    return stay  # type: ignore[no-any-return]


@router.post(
    "/cases/{caseid:case_id}/services/{episode_id}/discharge",
    response=EpisodeOut,
    summary="Discharge from a shelter",
    description="Ends the stay and its episode; the open `shelter_review` task is done.",
)
def cases_shelter_discharge(
    request: HttpRequest, case_id: UUID, episode_id: UUID, payload: DischargeIn
) -> dict[str, Any]:
    user = request_user(request)
    stay = _stay(user, case_id, episode_id)
    services.shelter_discharge(
        actor=user,
        stay=stay,
        discharged_at=payload.discharged_at,
        destination=payload.destination,
    )
    case = stay.episode.case
    return episode_out(
        selectors.case_episode_get(case=case, episode_id=episode_id), user=user, request=request
    )


@router.post(
    "/cases/{caseid:case_id}/services/{episode_id}/extensions",
    response={201: ExtensionCreatedOut},
    summary="Ask to extend a shelter stay",
    description="A reason and the new end; a supervisor of the area who did not ask decides.",
)
def cases_shelter_extension(
    request: HttpRequest, case_id: UUID, episode_id: UUID, payload: ExtensionIn
) -> Status[dict[str, Any]]:
    user = request_user(request)
    stay = _stay(user, case_id, episode_id)
    ext = services.shelter_extension_request(
        actor=user, stay=stay, until=payload.until, reason=payload.reason
    )
    return Status(201, {"id": ext.public_id, "status": ext.status})


@router.post(
    "/cases/{caseid:case_id}/services/{episode_id}/extensions/{extension_id}/decide",
    response=ExtensionCreatedOut,
    summary="Approve or reject a shelter extension",
    description="A supervisor of the case's area, not the one who asked (else 403/409); a "
    "rejection needs a note.",
)
def cases_shelter_extension_decide(
    request: HttpRequest,
    case_id: UUID,
    episode_id: UUID,
    extension_id: UUID,
    payload: ExtensionDecideIn,
) -> dict[str, Any]:
    user = request_user(request)
    stay = _stay(user, case_id, episode_id)
    ext = selectors.stay_extension_get(stay=stay, extension_id=extension_id)
    ext = services.shelter_extension_decide(
        actor=user, extension=ext, approve=payload.approve, note=payload.note
    )
    return {"id": ext.public_id, "status": ext.status}


@router.get(
    "/shelters",
    response=OccupancyListOut,
    summary="Live occupancy of the shelters",
    description="The shelters covering the caller's area: beds, occupied, free. "
    "Caseworkers and supervisors.",
)
@api_role_required(CASE_WRITER_ROLES)
def shelters(request: HttpRequest) -> dict[str, Any]:
    user = request_user(request)
    items = [
        {
            "slug": o.shelter.slug,
            "name": o.shelter.name,
            "area_code": o.shelter.area.code,
            "beds": o.beds,
            "occupied": o.occupied,
            "free": o.free,
            "children": o.children,
            "over_capacity": o.over_by > 0,
        }
        for o in selectors.shelter_occupancy(user=user)
    ]
    return {"items": items, "count": len(items)}
