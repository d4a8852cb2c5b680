"""Shelter stays (DESIGN §6.4, CONTRACT §8): admission within the beds, 409 with free_beds,
a supervisor's audited override, the review task, extensions approved by another supervisor,
discharge, closure blocked by an active stay, and who may read the shelter's address."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from naungan.cases import services as case_services
from naungan.cases.exceptions import ClosureBlocked, NotPermitted
from naungan.core.models import AuditEvent
from naungan.orgs.services import org_create
from naungan.services import selectors
from naungan.services.exceptions import (
    DeciderIsRequester,
    ShelterFull,
    StayAlreadyActive,
)
from naungan.services.services import (
    EpisodeIn,
    StayIn,
    episode_open,
    free_beds,
    shelter_address_read,
    shelter_discharge,
    shelter_extension_decide,
    shelter_extension_request,
)

from .conftest import SHELTER_ADDRESS


def _admit(personas, case, shelter, who="caseworker_bpp", **stay):
    return episode_open(
        actor=personas[who].user,
        case=case,
        data=EpisodeIn(service="shelter", organisation=shelter, shelter=StayIn(**stay)),
    )


def test_admission_takes_beds_and_raises_a_review_task_at_the_maximum(
    bpp_case, personas, shelter, settings
):
    settings.SHELTER_MAX_DAYS = 7
    opened = _admit(personas, bpp_case, shelter, beds=2, children=1)
    stay = opened.episode.stay
    assert opened.warnings == []
    assert opened.episode.organisation == shelter
    assert stay.planned_end_at == stay.admitted_at + timedelta(days=7)
    task = bpp_case.tasks.get(kind="shelter_review")
    assert task.due_at == stay.planned_end_at
    assert free_beds(shelter) == 0


def test_the_maximum_stay_is_configured(bpp_case, personas, shelter, settings):
    settings.SHELTER_MAX_DAYS = 3
    stay = _admit(personas, bpp_case, shelter).episode.stay
    assert stay.planned_end_at - stay.admitted_at == timedelta(days=3)


def test_no_free_bed_is_refused_with_free_beds(make_bpp_case, personas, shelter):
    _admit(personas, make_bpp_case(), shelter)  # 1 of 2 beds left
    second = make_bpp_case()
    with pytest.raises(ShelterFull) as exc:
        _admit(personas, second, shelter, beds=2)
    assert exc.value.status == 409
    assert exc.value.extra == {"free_beds": 1}
    assert not second.service_episodes.filter(service="shelter").exists()


def test_a_caseworker_cannot_override_capacity(make_bpp_case, personas, shelter):
    _admit(personas, make_bpp_case(), shelter, beds=2)
    with pytest.raises(ShelterFull) as exc:
        _admit(personas, make_bpp_case(), shelter, capacity_override_reason="Darurat")
    assert exc.value.extra == {"free_beds": 0}


def test_a_supervisor_overrides_with_a_reason_audited_and_warned(make_bpp_case, personas, shelter):
    _admit(personas, make_bpp_case(), shelter, beds=2)
    case = make_bpp_case()
    with pytest.raises(ShelterFull):
        _admit(personas, case, shelter, who="supervisor_bpp")  # no reason: no override
    opened = _admit(
        personas, case, shelter, who="supervisor_bpp", capacity_override_reason="Nyawa terancam"
    )
    stay = opened.episode.stay
    assert stay.over_capacity
    assert stay.override_reason == "Nyawa terancam"
    assert stay.override_by == personas["supervisor_bpp"].user
    assert opened.warnings
    assert "melebihi kapasitas" in opened.warnings[0]
    event = AuditEvent.objects.get(outcome="over_capacity")
    assert event.reason == "Nyawa terancam"
    occupancy = selectors.shelter_occupancy(user=personas["caseworker_bpp"].user)
    assert [(o.beds, o.occupied, o.free, o.over_by) for o in occupancy] == [(2, 3, 0, 1)]


def test_one_stay_at_a_time_per_case(bpp_case, personas, shelter):
    _admit(personas, bpp_case, shelter)
    with pytest.raises(StayAlreadyActive):
        _admit(personas, bpp_case, shelter)


def test_only_shelters_covering_the_area_may_be_used(bpp_case, personas, orgs, shelter):
    far = org_create(
        actor=None,
        slug="t-rumah-aman-kalteng",
        name="Rumah Aman Kalteng",
        kind="provider",
        area_code="62",
        services=["shelter"],
        capacity=5,
    )
    with pytest.raises(ValidationError) as exc:
        _admit(personas, bpp_case, far)
    assert "organisation" in exc.value.message_dict
    with pytest.raises(ValidationError):
        _admit(personas, bpp_case, orgs["bpp"]["t-posbakum-bpp"])  # no beds: not a shelter
    assert [s.slug for s in selectors.shelters_for(personas["supervisor_bpp"].user)] == [
        shelter.slug
    ]
    assert selectors.shelters_for(personas["intake_bpp"].user) == []


def test_extension_needs_a_reason_and_another_supervisor(bpp_case, personas, shelter):
    cw, sup = personas["caseworker_bpp"].user, personas["supervisor_bpp"].user
    stay = _admit(personas, bpp_case, shelter).episode.stay
    later = stay.planned_end_at + timedelta(days=7)
    with pytest.raises(ValidationError) as exc:
        shelter_extension_request(actor=cw, stay=stay, until=later, reason=" ")
    assert "reason" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        shelter_extension_request(actor=cw, stay=stay, until=stay.admitted_at, reason="Belum aman")
    assert "until" in exc.value.message_dict
    ext = shelter_extension_request(actor=cw, stay=stay, until=later, reason="Pelaku belum ditahan")
    with pytest.raises(NotPermitted):
        shelter_extension_decide(actor=cw, extension=ext, approve=True)
    ext = shelter_extension_decide(actor=sup, extension=ext, approve=True)
    assert ext.status == "approved"
    stay.refresh_from_db()
    assert stay.planned_end_at == later
    reviews = bpp_case.tasks.filter(kind="shelter_review")
    assert sorted((t.status, t.due_at == later) for t in reviews) == [
        ("done", False),
        ("open", True),
    ]
    own = shelter_extension_request(
        actor=sup, stay=stay, until=later + timedelta(days=1), reason="Masih terancam"
    )
    with pytest.raises(DeciderIsRequester):
        shelter_extension_decide(actor=sup, extension=own, approve=True)


def test_a_rejected_extension_needs_a_note_and_keeps_the_end(bpp_case, personas, shelter):
    cw, sup = personas["caseworker_bpp"].user, personas["supervisor_bpp"].user
    stay = _admit(personas, bpp_case, shelter).episode.stay
    end = stay.planned_end_at
    ext = shelter_extension_request(
        actor=cw, stay=stay, until=end + timedelta(days=3), reason="Belum aman"
    )
    with pytest.raises(ValidationError):
        shelter_extension_decide(actor=sup, extension=ext, approve=False)
    shelter_extension_decide(actor=sup, extension=ext, approve=False, note="Rujuk ke keluarga")
    stay.refresh_from_db()
    assert stay.planned_end_at == end


def test_an_active_stay_blocks_closure_until_discharge(bpp_case, personas, shelter):
    cw, sup = personas["caseworker_bpp"].user, personas["supervisor_bpp"].user
    stay = _admit(personas, bpp_case, shelter).episode.stay
    with pytest.raises(ClosureBlocked) as exc:
        case_services.closure_request(actor=cw, case=bpp_case, reason="client_declined")
    assert "penampungan" in exc.value.message
    shelter_discharge(actor=cw, stay=stay, destination="Rumah bibi")
    stay.refresh_from_db()
    assert stay.episode.ended_at == stay.discharged_at
    assert not bpp_case.tasks.filter(kind="shelter_review", status="open").exists()
    assert free_beds(shelter) == 2
    closure = case_services.closure_request(actor=cw, case=bpp_case, reason="client_declined")
    case_services.closure_decide(actor=sup, closure=closure, approve=True)


def test_a_stay_admitted_before_closure_request_blocks_its_approval(bpp_case, personas, shelter):
    cw, sup = personas["caseworker_bpp"].user, personas["supervisor_bpp"].user
    closure = case_services.closure_request(actor=cw, case=bpp_case, reason="client_declined")
    _admit(personas, bpp_case, shelter)
    with pytest.raises(ClosureBlocked):
        case_services.closure_decide(actor=sup, closure=closure, approve=True)


def test_the_address_is_only_for_writers_while_the_stay_is_active(bpp_case, personas, shelter):
    cw = personas["caseworker_bpp"].user
    stay = _admit(personas, bpp_case, shelter).episode.stay
    assert shelter_address_read(actor=cw, stay=stay) == SHELTER_ADDRESS
    assert AuditEvent.objects.filter(categories="shelter_address", actor=cw).count() == 1
    for who in ("intake_bpp", "caseworker_kalteng", "supervisor_kalteng", "admin_bpp"):
        assert shelter_address_read(actor=personas[who].user, stay=stay) is None
    shelter_discharge(actor=cw, stay=stay)
    stay.refresh_from_db()
    assert shelter_address_read(actor=cw, stay=stay) is None


def test_discharge_is_not_before_admission_nor_twice(bpp_case, personas, shelter):
    cw = personas["caseworker_bpp"].user
    stay = _admit(personas, bpp_case, shelter).episode.stay
    with pytest.raises(ValidationError):
        shelter_discharge(actor=cw, stay=stay, discharged_at=stay.admitted_at - timedelta(hours=1))
    shelter_discharge(actor=cw, stay=stay, discharged_at=timezone.now())
    from naungan.services.exceptions import StayNotActive

    with pytest.raises(StayNotActive):
        shelter_discharge(actor=cw, stay=stay)
