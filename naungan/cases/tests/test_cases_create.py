"""Creating cases: statutory clock, people, encryption, who may create."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from naungan.cases.exceptions import NotPermitted
from naungan.cases.models import Case, Person, Task
from naungan.core.models import AuditEvent

from .factories import make_case

RECEIVED = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)


def test_sexual_case_gets_police_report_due_exactly_72_hours_after_receipt(personas):
    case = make_case(personas["intake_bpp"].user, violence_types=["sexual"], received_at=RECEIVED)
    task = Task.objects.get(case=case)
    assert task.kind == "police_report"
    assert task.due_at == datetime(2026, 3, 5, 2, 0, tzinfo=UTC)
    assert task.statutory
    assert task.status == "open"


def test_non_sexual_case_gets_no_police_report(personas):
    case = make_case(personas["intake_bpp"].user, violence_types=["physical"])
    assert not Task.objects.filter(case=case).exists()


def test_victim_violence_types_join_the_case_union(personas):
    case = make_case(
        personas["intake_bpp"].user,
        violence_types=["physical"],
        victims=[{"name": "A", "violence_types": ["sexual"]}],
    )
    assert case.violence_types == ["physical", "sexual"]
    assert Task.objects.filter(case=case, kind="police_report").exists()


def test_registration_numbers_are_sequential_per_unit_and_year(personas):
    a = make_case(personas["intake_bpp"].user, received_at=RECEIVED)
    b = make_case(personas["intake_bpp"].user, received_at=RECEIVED)
    assert a.registration_number == "64.71/2026/00001"
    assert b.registration_number == "64.71/2026/00002"


def test_personal_data_is_encrypted_at_rest_and_findable_by_blind_index(personas):
    make_case(
        personas["intake_bpp"].user,
        victims=[{"name": "Siti Rahma", "nik": "6471 0101 0101 0001", "phone": "0812-345-678"}],
    )
    person = Person.objects.get()
    assert person.name == "Siti Rahma"
    assert person.nik == "6471010101010001"
    with connection.cursor() as cur:
        cur.execute("SELECT name, nik, phone FROM cases_person")
        raw = cur.fetchone()
    assert all(value.startswith("v2:") for value in raw)
    assert "Siti" not in "".join(raw)
    from naungan.core.fields import blind_index

    assert Person.objects.filter(phone_index=blind_index("phone", "+62812345678")).exists()


def test_invalid_nik_is_a_field_error_and_nothing_is_saved(personas):
    with pytest.raises(ValidationError) as exc:
        make_case(personas["intake_bpp"].user, victims=[{"name": "A", "nik": "123"}])
    assert "victims[0]" in exc.value.message_dict
    assert Case.objects.count() == 0
    assert Person.objects.count() == 0


def test_future_received_at_is_refused(personas):
    with pytest.raises(ValidationError):
        make_case(
            personas["intake_bpp"].user,
            received_at=datetime.now(UTC) + timedelta(hours=2),
        )


@pytest.mark.parametrize("role", ["caseworker", "activist", "provider", "analyst", "admin"])
def test_only_intake_and_supervisors_create_cases(personas, role):
    with pytest.raises(NotPermitted):
        make_case(personas[f"{role}_bpp"].user)


def test_area_outside_scope_is_refused(personas):
    with pytest.raises(ValidationError) as exc:
        make_case(personas["intake_bpp"].user, area="62.71")
    assert "area_code" in exc.value.message_dict


def test_creation_is_audited(personas):
    case = make_case(personas["intake_bpp"].user)
    event = AuditEvent.objects.get(object_id=str(case.public_id), action="create")
    assert event.actor == personas["intake_bpp"].user
    assert event.area_code == "64.71.01"
