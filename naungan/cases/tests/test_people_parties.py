"""Parties after the case is opened: the case's writers add a party, correct a person's details
(blind indexes and name tokens follow) and remove a party entered by mistake with a reason;
derived case data follows and every step is audited."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError

from naungan.cases import selectors, services
from naungan.cases.exceptions import (
    NotPermitted,
    PartyRemovalRefused,
    ReasonRequired,
    TransitionNotAllowed,
)
from naungan.cases.models import CaseParty, Person, Task
from naungan.cases.services import PersonIn
from naungan.cases.tests.factories import INCIDENT, assign, make_case
from naungan.core.fields import blind_index
from naungan.core.models import AuditEvent

NIK = "6471010101900001"


@pytest.fixture
def case(personas):
    """A physical-violence case (no police-report task yet) led by the Balikpapan caseworker."""
    case = make_case(personas["intake_bpp"].user)
    return assign(personas["supervisor_bpp"].user, case, personas["caseworker_bpp"].user)


def _cw(personas):
    return personas["caseworker_bpp"].user


def test_a_writer_adds_a_witness_after_the_case_was_opened(personas, case):
    party = services.party_add(
        actor=_cw(personas),
        case=case,
        role="witness",
        person=PersonIn(name="Rahmat Hidayat", phone="0812 3456 7890", age=40, sex="M"),
    )
    assert party.added_by == _cw(personas)
    assert [p.role for p in case.parties.all()] == ["victim", "witness"]
    person = party.person
    assert person.phone_index == blind_index("phone", "+6281234567890")
    matches, _hidden = selectors.person_matches(user=_cw(personas), name="Rahmat Hidayat")
    assert any(m["person"].pk == person.pk for m in matches)
    event = AuditEvent.objects.filter(object_id=str(party.public_id)).get()
    assert event.action == "create"
    assert event.reason == "party added witness"
    assert any(e["kind"] == "party" for e in selectors.case_timeline(case=case))


def test_a_second_victim_with_sexual_violence_extends_the_case_and_starts_the_clock(personas, case):
    assert not Task.objects.filter(case=case, kind="police_report").exists()
    services.party_add(
        actor=_cw(personas),
        case=case,
        role="victim",
        person=PersonIn(name="Adik korban", age=9, sex="F", violence_types=["sexual", "neglect"]),
    )
    case.refresh_from_db()
    assert case.violence_types == ["physical", "sexual", "neglect"]
    assert case.violence_key == ",neglect,physical,sexual,"
    task = Task.objects.get(case=case, kind="police_report")
    assert task.statutory
    assert task.due_at == case.received_at + timedelta(hours=72)


def test_a_perpetrator_and_a_guardian_carry_their_role_details(personas, case):
    victim = case.parties.get(role="victim")
    perpetrator = services.party_add(
        actor=_cw(personas),
        case=case,
        role="perpetrator",
        person=PersonIn(name="Budi", relationship="family", age=45),
    )
    guardian = services.party_add(
        actor=_cw(personas),
        case=case,
        role="guardian",
        person=PersonIn(name="Nenek korban"),
        guardian_of=victim,
    )
    assert perpetrator.relationship == "family"
    assert guardian.guardian_of == victim
    with pytest.raises(ValidationError) as err:
        services.party_add(
            actor=_cw(personas),
            case=case,
            role="guardian",
            person=PersonIn(name="Wali lain"),
            guardian_of=perpetrator,
        )
    assert "guardian_of" in err.value.message_dict


def test_linking_someone_already_in_a_visible_case_and_no_duplicate_role(personas, case):
    other = make_case(personas["intake_bpp"].user, victims=[{"name": "Sari", "nik": NIK}])
    assign(personas["supervisor_bpp"].user, other, _cw(personas))
    sari = other.parties.get(role="victim").person
    party = services.party_add(
        actor=_cw(personas), case=case, role="witness", person=PersonIn(person_id=sari.public_id)
    )
    assert party.person == sari
    assert Person.objects.filter(nik_index=blind_index("nik", NIK)).count() == 1
    with pytest.raises(ValidationError) as err:
        services.party_add(
            actor=_cw(personas),
            case=case,
            role="witness",
            person=PersonIn(person_id=sari.public_id),
        )
    assert "person_id" in err.value.message_dict


def test_correcting_a_person_updates_indexes_and_name_tokens(personas, case):
    victim = case.parties.get(role="victim")
    services.party_update(
        actor=_cw(personas),
        party=victim,
        person=PersonIn(
            name="Siti Aminah",
            nik=NIK,
            phone="081298765432",
            age=16,
            sex="F",
            violence_types=["physical", "psychological"],
        ),
    )
    person = Person.objects.get(pk=victim.person_id)
    assert (person.name, person.nik, person.age) == ("Siti Aminah", NIK, 16)
    assert person.nik_index == blind_index("nik", NIK)
    assert person.phone_index == blind_index("phone", "+6281298765432")
    matches, _ = selectors.person_matches(user=_cw(personas), name="Aminah Siti")
    assert [m["person"].pk for m in matches] == [person.pk]
    case.refresh_from_db()
    assert case.violence_types == ["physical", "psychological"]
    event = AuditEvent.objects.filter(object_id=str(victim.public_id), action="update").get()
    assert event.reason.startswith("party corrected victim: name, nik, phone, age, sex")
    assert "Siti" not in event.reason  # the audit names fields, never values
    assert NIK not in event.reason


def test_removing_a_party_entered_by_mistake_needs_a_reason_and_keeps_the_row(personas, case):
    witness = services.party_add(
        actor=_cw(personas), case=case, role="witness", person=PersonIn(name="Salah orang")
    )
    with pytest.raises(ReasonRequired):
        services.party_remove(actor=_cw(personas), party=witness, reason="  ")
    services.party_remove(actor=_cw(personas), party=witness, reason="Salah input kasus")
    assert [p.role for p in case.parties.all()] == ["victim"]
    kept = CaseParty.all_objects.get(pk=witness.pk)
    assert kept.removed_by == _cw(personas)
    assert kept.removed_reason == "Salah input kasus"
    assert AuditEvent.objects.filter(object_id=str(witness.public_id), action="delete").exists()
    steps = [e["step"] for e in selectors.case_timeline(case=case) if e["kind"] == "party"]
    assert sorted(steps) == ["added", "removed"]
    # Someone removed from this case by mistake may be added again in that role (here: a
    # person the caseworker also sees in another case).
    other = make_case(personas["intake_bpp"].user)
    assign(personas["supervisor_bpp"].user, other, _cw(personas))
    link = PersonIn(person_id=other.parties.get(role="victim").person.public_id)
    first = services.party_add(actor=_cw(personas), case=case, role="witness", person=link)
    services.party_remove(actor=_cw(personas), party=first, reason="Belum pasti saksi")
    again = services.party_add(actor=_cw(personas), case=case, role="witness", person=link)
    assert again.person == first.person


def test_the_only_victim_and_an_incident_survivor_stay(personas, case):
    victim = case.parties.get(role="victim")
    with pytest.raises(PartyRemovalRefused, match="satu-satunya korban"):
        services.party_remove(actor=_cw(personas), party=victim, reason="Salah")
    second = services.party_add(
        actor=_cw(personas), case=case, role="victim", person=PersonIn(name="Korban kedua")
    )
    services.incident_record(
        actor=_cw(personas),
        case=case,
        survivor=second.person,
        answers=INCIDENT["classification"],
        reporting_consent=True,
    )
    with pytest.raises(PartyRemovalRefused, match="penyintas"):
        services.party_remove(actor=_cw(personas), party=second, reason="Salah")
    services.party_remove(actor=_cw(personas), party=victim, reason="Data ganda")
    assert list(selectors.case_victims(case=case)) == [second.person]


def test_only_writers_of_an_open_case(personas, case):
    for user in [personas["intake_bpp"].user, personas["caseworker_kalteng"].user]:
        with pytest.raises(NotPermitted):
            services.party_add(actor=user, case=case, role="witness", person=PersonIn(name="X"))
    closure = services.closure_request(actor=_cw(personas), case=case, reason="moved")
    services.closure_decide(actor=personas["supervisor_bpp"].user, closure=closure, approve=True)
    with pytest.raises(TransitionNotAllowed):
        services.party_add(
            actor=_cw(personas), case=case, role="witness", person=PersonIn(name="X")
        )
