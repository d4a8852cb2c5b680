"""Services API: mediation sessions and the agreement."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.http import HttpRequest
from ninja import Status

from naungan.accounts.access import request_user
from naungan.accounts.models import User
from naungan.cases import selectors as case_selectors

from .. import selectors, services
from ..models import Mediation
from ..schemas.episodes import EpisodeOut
from ..schemas.mediation import AgreementIn, SessionIn
from . import router
from .episodes import episode_out


def _mediation(user: User, case_id: UUID, episode_id: UUID) -> Mediation:
    case = case_selectors.case_get_for_write(user=user, case_id=case_id)
    return selectors.episode_mediation(
        episode=selectors.case_episode_get(case=case, episode_id=episode_id)
    )


def _out(request: HttpRequest, user: User, mediation: Mediation) -> dict[str, Any]:
    episode = selectors.case_episode_get(
        case=mediation.episode.case, episode_id=mediation.episode.public_id
    )
    return episode_out(episode, user=user, request=request)


@router.post(
    "/cases/{caseid:case_id}/services/{episode_id}/sessions",
    response={201: EpisodeOut},
    summary="Record a mediation session",
    description="Who attended and the minutes (berita acara). 409 (UU TPKS Pasal 23) when the "
    "case has since turned out to be sexual violence.",
)
def cases_mediation_session(
    request: HttpRequest, case_id: UUID, episode_id: UUID, payload: SessionIn
) -> Status[dict[str, Any]]:
    user = request_user(request)
    mediation = _mediation(user, case_id, episode_id)
    services.mediation_session_record(
        actor=user,
        mediation=mediation,
        held_at=payload.held_at,
        parties=payload.parties,
        minutes=payload.minutes,
    )
    return Status(201, _out(request, user, mediation))


@router.post(
    "/cases/{caseid:case_id}/services/{episode_id}/agreement",
    response=EpisodeOut,
    summary="Record the mediation agreement",
    description="A follow-up date becomes a `follow_up` task.",
)
def cases_mediation_agreement(
    request: HttpRequest, case_id: UUID, episode_id: UUID, payload: AgreementIn
) -> dict[str, Any]:
    user = request_user(request)
    mediation = _mediation(user, case_id, episode_id)
    services.mediation_agreement_record(
        actor=user,
        mediation=mediation,
        agreement=payload.agreement,
        signed_on=payload.signed_on,
        follow_up_on=payload.follow_up_on,
    )
    return _out(request, user, mediation)
