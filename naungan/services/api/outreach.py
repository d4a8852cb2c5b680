"""Services API: outreach visits (plan, safety check, departure, result)."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.http import HttpRequest
from ninja import Status

from naungan.accounts.access import request_user
from naungan.accounts.models import User
from naungan.cases import selectors as case_selectors

from .. import selectors, services
from ..models import OutreachVisit, ServiceEpisode
from ..schemas.episodes import EpisodeOut
from ..schemas.outreach import SafetyCheckIn, VisitPlanIn, VisitResultIn
from . import router
from .episodes import episode_out


def _episode(user: User, case_id: UUID, episode_id: UUID) -> ServiceEpisode:
    case = case_selectors.case_get_for_write(user=user, case_id=case_id)
    return selectors.case_episode_get(case=case, episode_id=episode_id)


def _visit(user: User, case_id: UUID, episode_id: UUID, visit_id: UUID) -> OutreachVisit:
    return selectors.episode_visit_get(
        episode=_episode(user, case_id, episode_id), visit_id=visit_id
    )


def _out(request: HttpRequest, user: User, visit: OutreachVisit) -> dict[str, Any]:
    episode = selectors.case_episode_get(
        case=visit.episode.case, episode_id=visit.episode.public_id
    )
    return episode_out(episode, user=user, request=request)


@router.post(
    "/cases/{caseid:case_id}/services/{episode_id}/visits",
    response={201: EpisodeOut},
    summary="Plan an outreach visit",
)
def cases_outreach_visit(
    request: HttpRequest, case_id: UUID, episode_id: UUID, payload: VisitPlanIn
) -> Status[dict[str, Any]]:
    user = request_user(request)
    visit = services.outreach_visit_plan(
        actor=user,
        episode=_episode(user, case_id, episode_id),
        visit=services.VisitIn(**payload.dict()),
    )
    return Status(201, _out(request, user, visit))


@router.post(
    "/cases/{caseid:case_id}/services/{episode_id}/visits/{visit_id}/safety-check",
    response=EpisodeOut,
    summary="Record the safety check before leaving",
)
def cases_outreach_safety(
    request: HttpRequest, case_id: UUID, episode_id: UUID, visit_id: UUID, payload: SafetyCheckIn
) -> dict[str, Any]:
    user = request_user(request)
    visit = services.outreach_safety_check(
        actor=user,
        visit=_visit(user, case_id, episode_id, visit_id),
        perpetrator_present=payload.perpetrator_present,
        safe_for_victim=payload.safe_for_victim,
        note=payload.note,
    )
    return _out(request, user, visit)


@router.post(
    "/cases/{caseid:case_id}/services/{episode_id}/visits/{visit_id}/depart",
    response=EpisodeOut,
    summary="The team leaves",
    description="409 without a safety check, when it found the visit unsafe, or when the "
    "perpetrator is there and no police go with the team.",
)
def cases_outreach_depart(
    request: HttpRequest, case_id: UUID, episode_id: UUID, visit_id: UUID
) -> dict[str, Any]:
    user = request_user(request)
    visit = services.outreach_depart(actor=user, visit=_visit(user, case_id, episode_id, visit_id))
    return _out(request, user, visit)


@router.post(
    "/cases/{caseid:case_id}/services/{episode_id}/visits/{visit_id}/result",
    response=EpisodeOut,
    summary="The result of a visit",
    description="`found`, `rescued`, `refused` or `not_found`; the same safety rule as leaving.",
)
def cases_outreach_result(
    request: HttpRequest, case_id: UUID, episode_id: UUID, visit_id: UUID, payload: VisitResultIn
) -> dict[str, Any]:
    user = request_user(request)
    visit = services.outreach_result(
        actor=user,
        visit=_visit(user, case_id, episode_id, visit_id),
        result=payload.result,
        note=payload.note,
        done_at=payload.done_at,
    )
    return _out(request, user, visit)
