"""Services API: open, list, show and end the services of a case (CONTRACT §4, §8)."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Status

from naungan.accounts.access import request_user
from naungan.accounts.models import User
from naungan.cases import selectors as case_selectors

from .. import selectors, services
from ..models import Service, ServiceEpisode
from ..schemas.episodes import EndIn, EpisodeIn, EpisodeListOut, EpisodeOut
from . import router


def episode_item(e: ServiceEpisode) -> dict[str, Any]:
    return {
        "id": e.public_id,
        "service": e.service,
        "organisation": e.organisation.slug,
        "organisation_name": e.organisation.name,
        "staff": e.staff.username if e.staff else None,
        "started_at": e.started_at,
        "ended_at": e.ended_at,
        "in_progress": e.in_progress,
        "automatic": e.automatic,
    }


def episode_out(
    e: ServiceEpisode, *, user: User, request: HttpRequest, warnings: list[str] | None = None
) -> dict[str, Any]:
    """One episode with its service's details. The shelter's address only for those who must
    take the victim there (``shelter_address_read``, audited)."""
    out = episode_item(e) | {
        "place": e.place,
        "outcome": e.outcome,
        "notes": e.notes,
        "warnings": warnings or [],
    }
    if e.service == Service.SHELTER and hasattr(e, "stay"):
        s = e.stay
        out["shelter"] = {
            "shelter": s.shelter.slug,
            "beds": s.beds,
            "children": s.children,
            "admission_reasons": s.reasons,
            "admitted_at": s.admitted_at,
            "planned_end_at": s.planned_end_at,
            "over_capacity": s.over_capacity,
            "discharged_at": s.discharged_at,
            "destination": s.destination,
            "address": services.shelter_address_read(actor=user, stay=s, request=request),
            "extensions": [
                {
                    "id": x.public_id,
                    "until": x.until,
                    "reason": x.reason,
                    "status": x.status,
                    "requested_by": x.requested_by.username,
                    "decided_by": x.decided_by.username if x.decided_by else None,
                    "decision_note": x.decision_note,
                }
                for x in s.extensions.select_related("requested_by", "decided_by")
            ],
        }
    elif e.service == Service.OUTREACH:
        out["visits"] = [
            {
                "id": v.public_id,
                "planned_at": v.planned_at,
                "team": v.team,
                "with_police": v.with_police,
                "with_health": v.with_health,
                "transport": v.transport,
                "address_verified": v.address_verified,
                "needs": v.needs,
                "status": v.status,
                "perpetrator_present": v.perpetrator_present,
                "safe_for_victim": v.safe_for_victim,
                "safety_checked_at": v.safety_checked_at,
                "departed_at": v.departed_at,
                "done_at": v.done_at,
                "result": v.result or None,
            }
            for v in selectors.episode_visits(episode=e)
        ]
    elif e.service == Service.MEDIATION and hasattr(e, "mediation"):
        m = e.mediation
        out["mediation"] = {
            "matter": m.matter or None,
            "readiness_checked": m.readiness_checked,
            "client_agrees": m.client_agrees,
            "mediator": m.mediator,
            "agreement": m.agreement,
            "agreement_signed_on": m.agreement_signed_on,
            "follow_up_on": m.follow_up_on,
            "sessions": [
                {
                    "id": x.public_id,
                    "held_at": x.held_at,
                    "parties": x.parties,
                    "minutes": x.minutes,
                }
                for x in m.sessions.all()
            ],
        }
    elif e.service == Service.ACCOMPANIMENT and hasattr(e, "accompaniment"):
        a = e.accompaniment
        out["accompaniment"] = {
            "destination": a.destination or None,
            "purpose": a.purpose,
            "companions": a.companions,
            "next_hearing_at": a.next_hearing_at,
        }
    return out


def episode_input(user: User, payload: EpisodeIn) -> services.EpisodeIn:
    """The API body as the service's input (organisation and staff looked up; unknown → 422
    naming the field)."""
    organisation = None
    if payload.organisation:
        organisation = case_selectors.organisation_by_slug(payload.organisation)
        if organisation is None:
            raise ValidationError({"organisation": _("Organisasi tidak dikenal.")})
    staff = None
    if payload.staff:
        staff = case_selectors.user_by_username(payload.staff)
        if staff is None:
            raise ValidationError({"staff": _("Pengguna tidak dikenal.")})
    visit = None
    if payload.visit_planned_at is not None:
        visit = services.VisitIn(
            planned_at=payload.visit_planned_at,
            team=payload.visit_team,
            with_police=payload.visit_with_police,
            with_health=payload.visit_with_health,
            transport=payload.visit_transport,
            address_verified=payload.visit_address_verified,
            needs=payload.visit_needs,
        )
    return services.EpisodeIn(
        service=payload.service,
        started_at=payload.started_at,
        organisation=organisation,
        staff=staff,
        place=payload.place,
        notes=payload.notes,
        shelter=services.StayIn(
            beds=payload.beds,
            children=payload.children,
            reasons=list(payload.admission_reasons),
            capacity_override_reason=payload.capacity_override_reason or "",
        ),
        mediation=services.MediationIn(
            matter=payload.matter or "",
            readiness_checked=payload.readiness_checked,
            client_agrees=payload.client_agrees,
            mediator=payload.mediator,
        ),
        accompaniment=services.AccompanimentIn(
            destination=payload.destination or "",
            purpose=payload.purpose,
            companions=payload.companions,
            outcome=payload.outcome,
            next_hearing_at=payload.next_hearing_at,
            partner_clocks=list(payload.partner_clocks),
        ),
        visit=visit,
    )


@router.post(
    "/cases/{caseid:case_id}/services",
    response={201: EpisodeOut},
    summary="Open a service on a case",
    description="One of the six UPTD PPA services. `shelter`: `organisation` is the shelter; "
    "no free bed → 409 with `free_beds`, unless a supervisor adds "
    "`capacity_override_reason` (then 201 with a warning in `warnings`); a `shelter_review` "
    "task is due at `started_at` plus `NAUNGAN_SHELTER_MAX_DAYS`. `mediation` on sexual "
    "violence → 409 citing UU TPKS Pasal 23 unless every sexual incident's perpetrator is "
    "known to be under 18. The case's writers only.",
)
def cases_service_open(
    request: HttpRequest, case_id: UUID, payload: EpisodeIn
) -> Status[dict[str, Any]]:
    user = request_user(request)
    case = case_selectors.case_get_for_write(user=user, case_id=case_id)
    opened = services.episode_open(actor=user, case=case, data=episode_input(user, payload))
    episode = selectors.case_episode_get(case=case, episode_id=opened.episode.public_id)
    return Status(201, episode_out(episode, user=user, request=request, warnings=opened.warnings))


@router.get(
    "/cases/{caseid:case_id}/services",
    response=EpisodeListOut,
    summary="The services of a case",
    description="Every episode, newest first, the complaint and case management that "
    "opening the case recorded included (`automatic`).",
)
def cases_services(request: HttpRequest, case_id: UUID) -> dict[str, Any]:
    user = request_user(request)
    case = case_selectors.case_get(user=user, case_id=case_id)
    items = [episode_item(e) for e in selectors.case_episodes(case=case)]
    services.episodes_read_audit(actor=user, case=case, request=request)
    return {"items": items, "count": len(items)}


@router.get(
    "/cases/{caseid:case_id}/services/{episode_id}",
    response=EpisodeOut,
    summary="One service of a case, with its details",
)
def cases_service(request: HttpRequest, case_id: UUID, episode_id: UUID) -> dict[str, Any]:
    user = request_user(request)
    case = case_selectors.case_get(user=user, case_id=case_id)
    episode = selectors.case_episode_get(case=case, episode_id=episode_id)
    services.episodes_read_audit(
        actor=user, case=case, categories="services,narrative", request=request
    )
    return episode_out(episode, user=user, request=request)


@router.post(
    "/cases/{caseid:case_id}/services/{episode_id}/end",
    response=EpisodeOut,
    summary="End a service with its outcome",
    description="Not for a shelter stay (use `/discharge`).",
)
def cases_service_end(
    request: HttpRequest, case_id: UUID, episode_id: UUID, payload: EndIn
) -> dict[str, Any]:
    user = request_user(request)
    case = case_selectors.case_get_for_write(user=user, case_id=case_id)
    episode = selectors.case_episode_get(case=case, episode_id=episode_id)
    services.episode_end(
        actor=user, episode=episode, ended_at=payload.ended_at, outcome=payload.outcome
    )
    episode = selectors.case_episode_get(case=case, episode_id=episode_id)
    return episode_out(episode, user=user, request=request)
