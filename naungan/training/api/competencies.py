"""Competencies API: the vocabulary, one's own, direct records, who needs which training
before it expires, the requirements of guarded actions and the check of one."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Query, Schema, Status

from naungan.accounts.access import api_role_required, request_user
from naungan.accounts.roles import COMPETENCY_EXPIRY_READERS, TRAINING_MANAGERS, TRAINING_READERS
from naungan.core.words import person_name

from .. import selectors, services
from ..actions import ACTIONS
from ..models import Competency, CompetencyGrant
from ..schemas.competencies import (
    CheckOut,
    CompetencyListOut,
    ExpiringListOut,
    GrantIn,
    GrantListOut,
    GrantOut,
    RequirementListOut,
)
from . import router


def grant_out(g: CompetencyGrant) -> dict[str, Any]:
    today = timezone.localdate()
    p = g.participant
    return {
        "id": g.public_id,
        "competency": g.competency,
        "label": str(g.get_competency_display()),
        "granted_on": g.granted_on,
        "expires_on": g.expires_on,
        "expired": g.expires_on is not None and g.expires_on < today,
        "source": g.source,
        "training": p.training.public_id if p else None,
        "certificate_number": p.certificate_number if p else None,
    }


@router.get(
    "/competencies",
    response=CompetencyListOut,
    summary="The competency vocabulary",
    description="The one standard for pendamping and volunteers (DESIGN §10).",
)
@api_role_required(TRAINING_READERS)
def competencies_list(request: HttpRequest) -> dict[str, Any]:
    items = [{"code": c.value, "label": str(c.label)} for c in Competency]
    return {"items": items, "count": len(items)}


@router.get(
    "/competencies/mine",
    response=GrantListOut,
    summary="My competencies",
    description="Every grant the caller holds or held, with date and expiry.",
)
@api_role_required(TRAINING_READERS)
def competencies_mine(request: HttpRequest) -> dict[str, Any]:
    items = [grant_out(g) for g in selectors.grants_of(request_user(request))]
    return {"items": items, "count": len(items)}


@router.post(
    "/competencies/grants",
    response={201: GrantOut},
    summary="Record a competency directly",
    description="Supervisors and administrators, for a staff member or activist in their area "
    "(422 `user` otherwise). 422 `expires_on` for an expired competency or one ending before "
    "it was obtained; 403 when the caller's unit requires a competency for "
    "`training.grant_direct` that the caller lacks.",
)
@api_role_required(TRAINING_MANAGERS)
def competencies_grant(request: HttpRequest, payload: GrantIn) -> Status[dict[str, Any]]:
    user = request_user(request)
    # Only people in the caller's area are found: the same words for "elsewhere" and "nobody".
    holder = (
        selectors.people_in_scope(user)
        .filter(username=payload.username)
        .select_related("area")
        .first()
    )
    if holder is None:
        raise ValidationError(
            {"user": _("Orang ini bukan staf atau aktivis di wilayah tugas Anda.")}
        )
    grant = services.competency_grant_record(
        actor=user,
        holder=holder,
        competency=payload.competency,
        granted_on=payload.granted_on,
        expires_on=payload.expires_on,
        note=payload.note,
    )
    return Status(201, grant_out(grant))


class ExpiringQuery(Schema):
    days: int | None = None
    organisation: str | None = None


@router.get(
    "/competencies/expiring",
    response=ExpiringListOut,
    summary="Who needs which training before it expires",
    description="Supervisors and administrators: the competencies of people in their area "
    "that expired or expire within `days` (default `NAUNGAN_TRAINING_EXPIRY_WARNING_DAYS`); "
    "analysts (the kecamatan's Kasi Kessos): those of the PPATBM activists of their area. "
    "`organisation` (slug) narrows to one unit.",
)
@api_role_required(COMPETENCY_EXPIRY_READERS)
def competencies_expiring(request: HttpRequest, query: Query[ExpiringQuery]) -> dict[str, Any]:
    user = request_user(request)
    days = query.days if query.days is not None else settings.TRAINING_EXPIRY_WARNING_DAYS
    if not 0 <= days <= 3650:
        raise ValidationError({"days": _("Jumlah hari harus antara 0 dan 3650.")})
    org = None
    if query.organisation:
        org = selectors.organisations_in_scope(user).filter(slug=query.organisation).first()
        if org is None:
            raise ValidationError({"organisation": _("Organisasi ini di luar wilayah Anda.")})
    lines = selectors.expiring_competencies(user=user, days=days, organisation=org)
    items = [
        {
            "username": x.person.username,
            "name": person_name(x.person),
            "organisation": x.organisation.name if x.organisation else None,
            "competency": x.held.grant.competency,
            "label": str(x.held.grant.get_competency_display()),
            "expires_on": x.held.grant.expires_on,
            "expired": x.held.expired,
            "days_left": x.held.days_left,
        }
        for x in lines
    ]
    return {"items": items, "count": len(items), "days": days}


@router.get(
    "/competencies/requirements",
    response=RequirementListOut,
    summary="Competencies required for actions",
    description="What the caller's unit requires (managers: every unit in their area). "
    "Configured by the administrator in the admin console.",
)
@api_role_required(TRAINING_READERS)
def competencies_requirements(request: HttpRequest) -> dict[str, Any]:
    items = [
        {
            "organisation": r.organisation.slug,
            "action": r.action,
            "action_label": r.action_label,
            "competency": r.competency,
            "label": str(r.get_competency_display()),
        }
        for r in selectors.requirements_for(request_user(request))
    ]
    return {"items": items, "count": len(items)}


class CheckQuery(Schema):
    # Optional in the schema so that the role check answers first (404 for a role without
    # training pages); empty or unknown is refused below (422 naming `action`).
    action: str = ""


@router.get(
    "/competencies/check",
    response=CheckOut,
    summary="May I do this action?",
    description="200 `allowed: true` when the caller holds every competency their unit "
    "requires for `action`; else **403** whose `detail` names the missing or expired "
    "competency, with `competency`, `action` and `expired_on`. 422 for an unknown action.",
)
@api_role_required(TRAINING_READERS)
def competencies_check(request: HttpRequest, query: Query[CheckQuery]) -> dict[str, Any]:
    if query.action not in ACTIONS:
        raise ValidationError({"action": _("Tindakan ini tidak dikenal.")})
    services.require_competency(request_user(request), query.action)
    return {"action": query.action, "allowed": True}
