"""The parties of an open case: adding one after the case was opened, correcting a person's
details, removing a party entered by mistake (DESIGN §3 CaseParty, §4 search before create).

Callers: the case's writers (its caseworkers and the supervisors of its area). A closed case is
reopened first. Adding a victim carries their violence types into the case's (the union over
victims, DESIGN §3) and starts the police-report clock for sexual violence; a type is never
dropped from the case by an edit or a removal, since the case's own types may have come from
the report or the intake and a statutory clock, once started, is waived by a supervisor with
a reason, not by an edit."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from naungan.accounts.models import User
from naungan.core.models import AuditAction

from ..exceptions import PartyRemovalRefused, ReasonRequired, TransitionNotAllowed
from ..models import (
    Case,
    CaseParty,
    CaseStatus,
    Incident,
    PartyRole,
    Person,
    PersonNameToken,
    ViolenceType,
)
from ..names import name_token_hashes
from ._common import (
    PersonIn,
    _audit,
    _check_violence_types,
    _ensure_police_report_task,
    _lock,
    _person_from,
    _require_writer,
    _save,
    person_fill,
)

# The person's details a correction may change, as named in the audit (never their values).
PERSON_FIELDS = (
    "name",
    "nik",
    "phone",
    "address",
    "birth_date",
    "age",
    "sex",
    "disability",
    "education",
    "occupation",
    "marital_status",
)


def _require_not_closed(case: Case) -> None:
    if case.status == CaseStatus.CLOSED:
        raise TransitionNotAllowed(
            _("Kasus sudah ditutup; buka kembali kasus untuk mengubah pihak.")
        )


def _victim_of(case: Case, guardian_of: CaseParty | None) -> CaseParty | None:
    if guardian_of is None:
        return None
    if guardian_of.case_id != case.pk or guardian_of.role != PartyRole.VICTIM:
        raise ValidationError({"guardian_of": _("Wali harus untuk korban dalam kasus ini.")})
    return guardian_of


def _set_role_details(party: CaseParty, data: PersonIn, *, guardian_of: CaseParty | None) -> None:
    """What a party's role records: a victim's violence types and place, a perpetrator's
    relationship to the victims, a guardian's victim."""
    party.violence_types = []
    party.place = ""
    party.relationship = ""
    party.guardian_of = None
    if party.role == PartyRole.VICTIM:
        party.violence_types = _check_violence_types(data.violence_types)
        party.place = data.place
    elif party.role == PartyRole.PERPETRATOR:
        party.relationship = data.relationship
    elif party.role == PartyRole.GUARDIAN:
        party.guardian_of = _victim_of(party.case, guardian_of)


def _carry_violence_types(case: Case, party: CaseParty) -> list[str]:
    """A victim's types join the case's (union over victims); sexual violence starts the
    police-report clock from ``received_at`` (UU TPKS Pasal 41). Returns the types added."""
    if party.role != PartyRole.VICTIM:
        return []
    added = [t for t in party.violence_types if t not in (case.violence_types or [])]
    if added:
        case.violence_types = [*(case.violence_types or []), *added]
        _save(case)
    if ViolenceType.SEXUAL in (case.violence_types or []):
        _ensure_police_report_task(case)
    return added


@transaction.atomic
def party_add(
    *,
    actor: User,
    case: Case,
    role: str,
    person: PersonIn,
    guardian_of: CaseParty | None = None,
) -> CaseParty:
    """Add a victim, alleged perpetrator, reporter, witness, guardian or household member to a
    case after it was opened: a new person, or (``person.person_id``) someone already in a case
    the actor sees, so that nobody is entered twice (search first: ``selectors.
    party_duplicates``). The same person in the same role twice → 422."""
    _require_writer(actor, case)
    case = _lock(case)
    _require_not_closed(case)
    if role not in PartyRole.values:
        raise ValidationError({"role": _("Peran pihak tidak dikenal.")})
    party = CaseParty(case=case, role=role, added_by=actor)
    _set_role_details(party, person, guardian_of=guardian_of)
    party.person = _person_from(actor=actor, data=person, field_name="person")
    if CaseParty.objects.filter(case=case, person=party.person, role=role).exists():
        raise ValidationError(
            {
                "person_id": _("Orang ini sudah tercatat sebagai %(role)s pada kasus ini.")
                % {"role": PartyRole(role).label}
            }
        )
    _save(party)
    added = _carry_violence_types(case, party)
    _audit(
        actor,
        AuditAction.CREATE,
        party,
        case,
        categories="identity,contact",
        reason=f"party added {role}" + (f"; case types +{','.join(added)}" if added else ""),
    )
    return party


@transaction.atomic
def party_update(
    *,
    actor: User,
    party: CaseParty,
    person: PersonIn,
    guardian_of: CaseParty | None = None,
) -> CaseParty:
    """Correct a party: the person's details (identity re-encrypted, blind indexes and name
    tokens recomputed) and what the role records. ``person`` is the whole new state (the API's
    partial update fills it from the stored one). The person is the same in every case they
    are a party of, so a correction shows there too. The audit names the changed fields, never
    their values."""
    case = _lock(party.case)
    _require_writer(actor, case)
    _require_not_closed(case)
    party = CaseParty.objects.select_for_update().select_related("person").get(pk=party.pk)
    party.case = case
    subject: Person = party.person
    before = {f: getattr(subject, f) for f in PERSON_FIELDS}
    role_before = (party.violence_types, party.place, party.relationship, party.guardian_of_id)
    person_fill(subject, person, field_name="person")
    changed = [f for f in PERSON_FIELDS if getattr(subject, f) != before[f]]
    if changed:
        subject.save()
        if "name" in changed:
            subject.name_tokens.all().delete()
            PersonNameToken.objects.bulk_create(
                [PersonNameToken(person=subject, token=t) for t in name_token_hashes(subject.name)]
            )
    _set_role_details(party, person, guardian_of=guardian_of)
    role_after = (party.violence_types, party.place, party.relationship, party.guardian_of_id)
    if role_after != role_before:
        changed.append("role_details")
        _save(party)
    added = _carry_violence_types(case, party)
    if changed:
        _audit(
            actor,
            AuditAction.UPDATE,
            party,
            case,
            categories="identity,contact",
            reason=f"party corrected {party.role}: {', '.join(changed)}"
            + (f"; case types +{','.join(added)}" if added else ""),
        )
    return party


@transaction.atomic
def party_remove(*, actor: User, party: CaseParty, reason: str) -> CaseParty:
    """Remove a party entered by mistake, with a reason (kept, encrypted, on the party and in
    the audit). The row stays (``CaseParty.all_objects``); the case no longer shows it. A
    victim who is the survivor of a recorded incident, or the case's only victim, stays
    (409): correct the incident, or add the right victim first."""
    case = _lock(party.case)
    _require_writer(actor, case)
    _require_not_closed(case)
    party = CaseParty.objects.select_for_update().get(pk=party.pk)
    if not reason.strip():
        raise ReasonRequired(_("Tulis alasan menghapus pihak ini."))
    if party.role == PartyRole.VICTIM:
        if Incident.objects.filter(case=case, survivor_id=party.person_id).exists():
            raise PartyRemovalRefused(
                _(
                    "Korban ini adalah penyintas pada insiden yang tercatat. Koreksi atau tarik "
                    "insiden itu dulu."
                )
            )
        if (
            not CaseParty.objects.filter(case=case, role=PartyRole.VICTIM)
            .exclude(pk=party.pk)
            .exists()
        ):
            raise PartyRemovalRefused(
                _("Ini satu-satunya korban kasus. Tambahkan korban yang benar dulu.")
            )
    party.removed_at = timezone.now()
    party.removed_by = actor
    party.removed_reason = reason.strip()
    _save(party)
    _audit(
        actor,
        AuditAction.DELETE,
        party,
        case,
        categories="identity",
        reason=f"party removed {party.role}: {reason.strip()}",
    )
    return party
