"""Risk conferences API (CONTRACT §4 ``POST /api/v1/cases/{id}/conferences``)."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Status

from naungan.accounts.access import request_user
from naungan.cases import selectors as case_selectors
from naungan.cases.models import Case

from .. import selectors, services
from ..models import Conference
from ..schemas.conferences import ConferenceIn, ConferenceListOut, ConferenceOut
from ..services.conferences import ConferenceIn as ServiceConferenceIn
from . import router


def conference_out(c: Conference) -> dict[str, Any]:
    return {
        "id": c.public_id,
        "held_on": c.held_on,
        "agencies": [o.slug for o in c.agencies.all()],
        "cases": [x.public_id for x in c.cases.all()],
        "outcome": c.outcome,
        "actions": [
            {
                "id": t.public_id,
                "title": t.title,
                "due_at": t.due_at,
                "owner": t.owner.username if t.owner else None,
                "status": t.status,
            }
            for t in c.actions.select_related("owner")
        ],
    }


def _input(user: Any, case: Case, payload: ConferenceIn) -> ServiceConferenceIn:
    agencies = []
    for slug in payload.agencies:
        org = case_selectors.organisation_by_slug(slug)
        if org is None:
            raise ValidationError({"agencies": _("Organisasi tidak dikenal.")})
        agencies.append(org)
    others = [case_selectors.case_get_for_write(user=user, case_id=i) for i in payload.other_cases]
    actions = []
    for a in payload.actions:
        owner = None
        if a.owner:
            owner = case_selectors.user_by_username(a.owner)
            if owner is None:
                raise ValidationError({"actions": _("Pengguna tidak dikenal.")})
        actions.append(services.ActionIn(description=a.description, due_on=a.due_on, owner=owner))
    return ServiceConferenceIn(
        held_on=payload.held_on,
        agencies=agencies,
        other_cases=others,
        outcome=payload.outcome,
        actions=actions,
    )


@router.post(
    "/cases/{caseid:case_id}/conferences",
    response={201: ConferenceOut},
    summary="Record a multi-agency risk conference held on a case",
    description="`held_on` (not in the future) becomes the case's last conference for the "
    "`repeat` referral rule. Optional agencies present, other cases discussed, outcome and "
    "actions (each a task with owner and due date). The case's writers only.",
)
def cases_conference_create(
    request: HttpRequest, case_id: UUID, payload: ConferenceIn
) -> Status[dict[str, Any]]:
    user = request_user(request)
    case = case_selectors.case_get_for_write(user=user, case_id=case_id)
    conference = services.conference_record(actor=user, case=case, data=_input(user, case, payload))
    return Status(201, conference_out(conference))


@router.get(
    "/cases/{caseid:case_id}/conferences",
    response=ConferenceListOut,
    summary="The risk conferences that discussed a case, newest first",
)
def cases_conferences(request: HttpRequest, case_id: UUID) -> dict[str, Any]:
    user = request_user(request)
    case = case_selectors.case_get(user=user, case_id=case_id)
    items = [conference_out(c) for c in selectors.case_conferences(case=case)]
    services.conferences_read_audit(actor=user, case=case, request=request)
    return {"items": items, "count": len(items)}
