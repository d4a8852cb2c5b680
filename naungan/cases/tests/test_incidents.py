"""Recording incidents: one survivor, computed type and flags, stored trace, clocks."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from django.core.exceptions import ValidationError

from naungan.cases import services
from naungan.cases.models import Person, Task

from .factories import answers, assign, make_case


def record(actor, case, **kw):
    given = kw.pop("answers", answers("physical_assault"))
    return services.incident_record(actor=actor, case=case, answers=given, **kw)


def test_incident_type_flags_and_trace(personas, bpp_case):
    cw = personas["caseworker_bpp"].user
    incident = record(
        cw,
        bpp_case,
        answers=answers("sexual_contact", "physical_assault"),
        survivor_age=14,
        perpetrator_relationship="intimate_partner",
    )
    assert incident.gbv_type == "sexual_assault"
    assert incident.context_flags == ["IPV", "CSA"]
    (entry,) = incident.answer_trace
    assert entry["by"] == "caseworker_bpp"
    assert [q["question"] for q in entry["questions"]] == ["penetration", "sexual_contact"]
    assert incident.survivor == bpp_case.parties.get(role="victim").person


def test_survivor_must_be_a_victim_of_this_case(personas, bpp_case):
    other = make_case(personas["intake_bpp"].user)
    outsider = Person.objects.get(parties__case=other)
    with pytest.raises(ValidationError):
        record(personas["caseworker_bpp"].user, bpp_case, survivor=outsider)


def test_sexual_incident_in_non_sexual_case_starts_clock_from_receipt(personas):
    received = datetime.now(UTC) - timedelta(hours=10)
    case = make_case(personas["intake_bpp"].user, violence_types=["physical"], received_at=received)
    sup = personas["supervisor_bpp"].user
    assert not Task.objects.filter(case=case).exists()
    record(sup, case, answers=answers("penetration"))
    task = Task.objects.get(case=case, kind="police_report")
    assert task.due_at == received + timedelta(hours=72)
    record(sup, case, answers=answers("penetration"))
    assert Task.objects.filter(case=case, kind="police_report").count() == 1


def test_reclassification_keeps_old_trace(personas, bpp_case, make_user):
    cw = personas["caseworker_bpp"].user
    incident = record(cw, bpp_case, answers=answers("psychological_abuse"))
    services.incident_reclassify(
        actor=personas["supervisor_bpp"].user,
        incident=incident,
        answers=answers("physical_assault"),
        reason="keterangan baru",
    )
    incident.refresh_from_db()
    assert incident.gbv_type == "physical_assault"
    assert [e["gbv_type"] for e in incident.answer_trace] == [
        "psychological_abuse",
        "physical_assault",
    ]
    assert incident.answer_trace[1]["reason"] == "keterangan baru"


def test_two_sisters_are_two_incidents(personas):
    sup = personas["supervisor_bpp"].user
    case = make_case(sup, victims=[{"name": "Ani", "age": 9}, {"name": "Ina", "age": 12}])
    assign(sup, case, personas["caseworker_bpp"].user)
    ani, ina = (p.person for p in case.parties.order_by("id"))
    a = record(sup, case, survivor=ani, survivor_age=9, answers=answers("sexual_contact"))
    b = record(sup, case, survivor=ina, survivor_age=12, answers=answers("sexual_contact"))
    assert (a.survivor, b.survivor) == (ani, ina)
    assert a.context_flags == b.context_flags == ["CSA"]
