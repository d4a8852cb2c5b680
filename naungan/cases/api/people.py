"""Cases API: the people search before create (DESIGN §4) and the parties of a case."""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import Status

from naungan.accounts.access import api_role_required, request_user
from naungan.accounts.models import User
from naungan.accounts.roles import CASE_ROLES
from naungan.cases import selectors, services
from naungan.cases.api import router
from naungan.cases.api.cases import person_in
from naungan.cases.models import Case, CaseParty, PartyRole, Person
from naungan.cases.schemas.people import (
    MatchListOut,
    PartyIn,
    PartyListOut,
    PartyPatchIn,
    PartyRemovedOut,
    PartyRemoveIn,
    PartyWrittenOut,
)


@router.get(
    "/matches",
    response=MatchListOut,
    summary="Search before create",
    description="Existing people in visible cases: exact by `nik` or `phone` (blind index), "
    "fuzzy by `name` (+ `birth_year` or `age`). Matches outside scope are never shown; they "
    "are recorded for the supervisors of that area.",
)
@api_role_required(CASE_ROLES)
def cases_matches(
    request: HttpRequest,
    nik: str = "",
    phone: str = "",
    name: str = "",
    birth_year: int | None = None,
    age: int | None = None,
) -> dict[str, Any]:
    user = request_user(request)
    matches, hidden = selectors.person_matches(
        user=user, nik=nik, phone=phone, name=name, birth_year=birth_year, age=age
    )
    services.match_hidden_alert(actor=user, cases=hidden)
    items = [
        {
            "person_id": m["person"].public_id,
            "case_id": m["case"].public_id,
            "registration_number": m["case"].registration_number,
            "role": m["role"],
            "match": m["match"],
        }
        for m in matches
    ]
    return {"items": items, "count": len(items)}


# --- the parties of a case -------------------------------------------------------------------


def party_out(party: CaseParty) -> dict[str, Any]:
    person = party.person
    return {
        "id": party.public_id,
        "role": party.role,
        "person_id": person.public_id,
        "name": person.name,
        "age": person.age,
        "sex": person.sex,
        "nik": person.nik,
        "phone": person.phone,
        "address": person.address,
        "birth_date": person.birth_date or None,
        "disability": person.disability,
        "education": person.education,
        "occupation": person.occupation,
        "marital_status": person.marital_status,
        "violence_types": party.violence_types,
        "place": party.place,
        "relationship": party.relationship,
        "guardian_of": party.guardian_of.public_id if party.guardian_of else None,
        "added_by": party.added_by.username if party.added_by else None,
        "created_at": party.created_at,
    }


def _guardian_of(case: Case, party_id: UUID | None) -> CaseParty | None:
    if party_id is None:
        return None
    try:
        return selectors.case_party_get(case=case, party_id=party_id)
    except Http404 as exc:
        raise ValidationError({"guardian_of": _("Korban ini tidak ada pada kasus.")}) from exc


def _warnings(
    user: User, data: services.PersonIn, *, exclude: Person | None, name_changed: bool = True
) -> list[str]:
    """Search before create on the party's identity: matches in cases the user sees (by NIK or
    phone always, by name and age when the name is new); out-of-scope ones only recorded."""
    matches, hidden = selectors.party_duplicates(
        user=user,
        nik=data.nik,
        phone=data.phone,
        name=data.name,
        birth_year=data.birth_date.year if data.birth_date else None,
        age=data.age,
        exclude_person=exclude,
    )
    services.match_hidden_alert(actor=user, cases=hidden)
    return [
        _("Mungkin orang yang sama dengan %(role)s pada kasus %(number)s (cocok pada %(match)s).")
        % {
            "role": PartyRole(m["role"]).label,
            "number": m["case"].registration_number,
            "match": m["match"],
        }
        for m in matches
        if m["match"] != "name" or name_changed
    ]


@router.get(
    "/{caseid:case_id}/parties",
    response=PartyListOut,
    summary="Parties of a case",
    description="Victims, alleged perpetrators, reporters, witnesses, guardians and household "
    "members, in the order added (removed ones left out), with `id` (the party) and "
    "`person_id`. Everyone who sees the case. Audited.",
)
def cases_parties(request: HttpRequest, case_id: UUID) -> dict[str, Any]:
    user = request_user(request)
    case = selectors.case_get(user=user, case_id=case_id)
    parties = list(selectors.case_party_list(case=case))
    services.case_read_audit(actor=user, case=case, categories="identity,contact", request=request)
    return {"items": [party_out(p) for p in parties], "count": len(parties)}


@router.post(
    "/{caseid:case_id}/parties",
    response={201: PartyWrittenOut},
    summary="Add a party to an open case",
    description="The case's writers. A new person, or `person_id` of someone in a case the "
    "caller sees (`GET /cases/matches` first). A victim's `violence_types` join the case's; "
    "sexual violence starts the 72-hour police-report task. `warnings` names people already "
    "recorded who may be this one. Same person in the same role twice → 422; a closed case "
    "→ 409.",
)
def cases_party_add(request: HttpRequest, case_id: UUID, payload: PartyIn) -> Status[Any]:
    user = request_user(request)
    case = selectors.case_get_for_write(user=user, case_id=case_id)
    data = person_in(
        payload,
        violence_types=list(payload.violence_types),
        place=payload.place or "",
        relationship=payload.relationship or "",
    )
    party = services.party_add(
        actor=user,
        case=case,
        role=payload.role,
        person=data,
        guardian_of=_guardian_of(case, payload.guardian_of),
    )
    warnings = [] if data.person_id else _warnings(user, data, exclude=party.person)
    party = selectors.case_party_get(case=case, party_id=party.public_id)
    return Status(201, party_out(party) | {"warnings": warnings})


@router.patch(
    "/{caseid:case_id}/parties/{party_id}",
    response=PartyWrittenOut,
    summary="Correct a party",
    description="The case's writers: the fields sent replace the stored ones (the person's "
    "identity, re-encrypted with its blind indexes, and what the role records). The person "
    "is the same in every case they are a party of. The audit names the fields changed. A "
    "removed or another case's party → 404; a closed case → 409.",
)
def cases_party_update(
    request: HttpRequest, case_id: UUID, party_id: UUID, payload: PartyPatchIn
) -> dict[str, Any]:
    user = request_user(request)
    case = selectors.case_get_for_write(user=user, case_id=case_id)
    party = selectors.case_party_get(case=case, party_id=party_id)
    person = party.person
    current = party_out(party)
    changes = payload.model_dump(exclude_unset=True)
    merged = {k: (changes[k] if k in changes else current[k]) for k in current}
    data = services.PersonIn(
        name=merged["name"] or "",
        age=merged["age"],
        sex=merged["sex"] or "",
        nik=merged["nik"] or "",
        phone=merged["phone"] or "",
        address=merged["address"] or "",
        birth_date=_date(merged["birth_date"]),
        disability=bool(merged["disability"]),
        education=merged["education"] or "",
        occupation=merged["occupation"] or "",
        marital_status=merged["marital_status"] or "",
        violence_types=list(merged["violence_types"] or []),
        place=merged["place"] or "",
        relationship=merged["relationship"] or "",
    )
    guardian = changes.get("guardian_of", current["guardian_of"])
    services.party_update(
        actor=user, party=party, person=data, guardian_of=_guardian_of(case, guardian)
    )
    warnings = _warnings(user, data, exclude=person, name_changed=data.name != person.name)
    party = selectors.case_party_get(case=case, party_id=party.public_id)
    return party_out(party) | {"warnings": warnings}


def _date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


@router.post(
    "/{caseid:case_id}/parties/{party_id}/remove",
    response=PartyRemovedOut,
    summary="Remove a party entered by mistake",
    description="The case's writers, with `reason` (422 without). The party no longer shows on "
    "the case; the record, who removed it and why are kept and audited. The case's only "
    "victim, or a victim who is the survivor of a recorded incident → 409.",
)
def cases_party_remove(
    request: HttpRequest, case_id: UUID, party_id: UUID, payload: PartyRemoveIn
) -> dict[str, Any]:
    user = request_user(request)
    case = selectors.case_get_for_write(user=user, case_id=case_id)
    party = selectors.case_party_get(case=case, party_id=party_id)
    party = services.party_remove(actor=user, party=party, reason=payload.reason)
    return {"id": party.public_id, "removed_at": party.removed_at}
