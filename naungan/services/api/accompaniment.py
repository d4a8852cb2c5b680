"""Services API: the next hearing of an accompaniment and the partner clocks of a case."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.http import HttpRequest
from ninja import Status

from naungan.accounts.access import request_user
from naungan.cases import selectors as case_selectors
from naungan.cases.schemas.tasks import TaskOut

from .. import selectors, services
from ..schemas.accompaniment import NextHearingIn, PartnerClockStartIn
from ..schemas.episodes import EpisodeOut
from . import router
from .episodes import episode_out


@router.post(
    "/cases/{caseid:case_id}/services/{episode_id}/next-hearing",
    response=EpisodeOut,
    summary="Set the next hearing after an accompaniment",
    description="A `hearing` task due then (replacing an open one).",
)
def cases_accompaniment_hearing(
    request: HttpRequest, case_id: UUID, episode_id: UUID, payload: NextHearingIn
) -> dict[str, Any]:
    user = request_user(request)
    case = case_selectors.case_get_for_write(user=user, case_id=case_id)
    episode = selectors.case_episode_get(case=case, episode_id=episode_id)
    services.accompaniment_next_hearing(
        actor=user,
        accompaniment=selectors.episode_accompaniment(episode=episode),
        next_hearing_at=payload.next_hearing_at,
    )
    episode = selectors.case_episode_get(case=case, episode_id=episode_id)
    return episode_out(episode, user=user, request=request)


@router.post(
    "/cases/{caseid:case_id}/partner-clocks",
    response={201: TaskOut},
    summary="Start a partner's clock",
    description="Police temporary protection (UU PKDRT Pasal 16: 1×24 h, at most 7 days; UU "
    "TPKS Pasal 42), the court protection-order request (UU PKDRT Pasal 16(3)), the LPSK "
    "request (UU TPKS Pasal 43): a case task due from `started_at` (when the partner "
    "learned of the case), `source_rule` citing the law. The same clock running → 409.",
)
def cases_partner_clock(
    request: HttpRequest, case_id: UUID, payload: PartnerClockStartIn
) -> Status[Any]:
    user = request_user(request)
    case = case_selectors.case_get_for_write(user=user, case_id=case_id)
    task = services.partner_clock_start(
        actor=user, case=case, clock=payload.clock, started_at=payload.started_at
    )
    return Status(201, task)
