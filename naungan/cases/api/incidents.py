"""Cases API: incidents, their correction, reclassification and withdrawal (DESIGN §7)."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Status

from naungan.accounts.access import request_user
from naungan.cases import selectors, services
from naungan.cases.api import router
from naungan.cases.models import Case, Incident, Person
from naungan.cases.schemas.incidents import (
    IncidentCorrectIn,
    IncidentCreatedOut,
    IncidentIn,
    IncidentWithdrawnOut,
    ReclassifyIn,
    WithdrawIn,
)


def incident_out(i: Incident) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": i.public_id,
        "survivor": i.survivor.public_id,
        "occurred_on": i.occurred_on,
        "gbv_type": i.gbv_type,
        "context_flags": i.context_flags,
        "tpks_type": i.tpks_type or None,
        "perpetrator_relationship": i.perpetrator_relationship,
        "perpetrator_age": i.perpetrator_age,
        "survivor_age": i.survivor_age,
        "reporting_consent": i.reporting_consent,
        "reported_elsewhere": i.reported_elsewhere,
        "answer_trace": i.answer_trace,
    }
    if i.withdrawn_at is not None:
        out |= {
            "withdrawn_at": i.withdrawn_at,
            "withdrawn_by": i.withdrawn_by.get_username() if i.withdrawn_by else "",
            "withdrawn_reason": i.withdrawn_reason,
        }
    return out


def _survivor(case: Case, payload: IncidentIn) -> Person | None:
    if payload.survivor is None:
        return None
    survivor = selectors.case_victim_find(case=case, person_id=payload.survivor)
    if survivor is None:
        raise ValidationError({"survivor": _("Penyintas harus korban dalam kasus ini.")})
    return survivor


def _details(payload: IncidentIn) -> services.IncidentDetails:
    """The body of CONTRACT §6 as the services take it."""
    return {
        "occurred_on": payload.occurred_on,
        "occurred_on_approximate": payload.occurred_on_approximate,
        "survivor_age": payload.survivor_age_at_incident,
        "perpetrator_relationship": payload.perpetrator_relationship or "",
        "perpetrator_age": payload.perpetrator_age,
        "money_goods_exchanged": payload.money_goods_exchanged,
        "abduction": payload.abduction,
        "harmful_traditional_practice": payload.harmful_traditional_practice,
        "tpks_type": payload.tpks_type or "",
        "reporting_consent": payload.reporting_consent,
        "reported_elsewhere": payload.reported_elsewhere,
        "place": payload.place or "",
        "violence_types": list(payload.violence_types),
        "narrative": payload.narrative,
    }


@router.post(
    "/{caseid:case_id}/incidents",
    response={201: IncidentCreatedOut},
    summary="Record an incident",
    description="One survivor (a victim of the case; default the first). All six "
    "`classification` answers are required, `true` or `false`: a missing or `null` one is a "
    "422 naming it. The GBVIMS type is the first “yes” of the six ordered questions; "
    "`context_flags` are derived (DESIGN §7).",
)
def cases_incident(
    request: HttpRequest, case_id: UUID, payload: IncidentIn
) -> Status[dict[str, Any]]:
    user = request_user(request)
    case = selectors.case_get_for_write(user=user, case_id=case_id)
    incident = services.incident_record(
        actor=user,
        case=case,
        survivor=_survivor(case, payload),
        answers=payload.classification.dict(),
        **_details(payload),
    )
    return Status(201, incident_out(incident))


@router.put(
    "/{caseid:case_id}/incidents/{incident_id}",
    response=IncidentCreatedOut,
    summary="Correct an incident",
    description="The case's writers send the whole incident again (the body of recording it, "
    "all six answers required) with an optional `reason`. The type and flags are recomputed; "
    "changed answers add an entry to `answer_trace`, earlier entries are kept. A withdrawn "
    "incident → 409.",
)
def cases_incident_correct(
    request: HttpRequest, case_id: UUID, incident_id: UUID, payload: IncidentCorrectIn
) -> dict[str, Any]:
    user = request_user(request)
    case = selectors.case_get_for_write(user=user, case_id=case_id)
    incident = selectors.case_incident_get(case=case, incident_id=incident_id)
    incident = services.incident_correct(
        actor=user,
        incident=incident,
        survivor=_survivor(case, payload),
        answers=payload.classification.dict(),
        reason=payload.reason,
        **_details(payload),
    )
    return incident_out(incident)


@router.post(
    "/{caseid:case_id}/incidents/{incident_id}/withdraw",
    response=IncidentWithdrawnOut,
    summary="Withdraw an incident",
    description="The case's writers, with a `reason` (required). The incident is kept but no "
    "longer counted, printed in the case summary or read by the case's rules; it leaves the "
    "case's `incidents`. Already withdrawn → 409.",
)
def cases_incident_withdraw(
    request: HttpRequest, case_id: UUID, incident_id: UUID, payload: WithdrawIn
) -> dict[str, Any]:
    user = request_user(request)
    case = selectors.case_get_for_write(user=user, case_id=case_id)
    incident = selectors.case_incident_get(case=case, incident_id=incident_id)
    incident = services.incident_withdraw(actor=user, incident=incident, reason=payload.reason)
    return incident_out(incident)


@router.post(
    "/{caseid:case_id}/incidents/{incident_id}/reclassify",
    response=IncidentCreatedOut,
    summary="Reclassify an incident",
    description="Supervisor, with a reason and all six answers; earlier answer traces are "
    "kept. A withdrawn incident → 409.",
)
def cases_incident_reclassify(
    request: HttpRequest, case_id: UUID, incident_id: UUID, payload: ReclassifyIn
) -> dict[str, Any]:
    user = request_user(request)
    case = selectors.case_get_for_write(user=user, case_id=case_id)
    incident = selectors.case_incident_get(case=case, incident_id=incident_id)
    incident = services.incident_reclassify(
        actor=user, incident=incident, answers=payload.classification.dict(), reason=payload.reason
    )
    return incident_out(incident)
