"""Trainings through the services: recording, the organiser's area, scores, passing and the
competencies it grants, certificates; bad input refused naming the field, nothing half-stored."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from naungan.training import services
from naungan.training.exceptions import CertificateNotIssued, NotTrainingManager
from naungan.training.models import CompetencyGrant, Participant, Training

from .conftest import new_training, results

pytestmark = pytest.mark.django_db


def test_supervisor_records_a_training_with_its_participants(personas: Any) -> None:
    t = services.training_create(actor=personas["supervisor_bpp"].user, data=new_training(personas))
    assert t.organiser.slug == "t-dinas-bpp"
    assert {p.user.username for p in t.participants.all()} == {"caseworker_bpp", "activist_bpp"}
    assert {c.competency: c.validity_months for c in t.competencies.all()} == {
        "kdrt_risk_assessment": 24,
        "lpsk_legal_protection": None,
    }


def test_end_before_start_is_refused_naming_the_field_and_nothing_is_stored(
    personas: Any,
) -> None:
    with pytest.raises(ValidationError) as err:
        services.training_create(
            actor=personas["supervisor_bpp"].user,
            data=new_training(personas, starts_on=date(2026, 3, 5), ends_on=date(2026, 3, 4)),
        )
    assert "ends_on" in err.value.message_dict
    assert "sebelum tanggal mulai" in err.value.message_dict["ends_on"][0]
    assert not Training.objects.exists()


def test_a_participant_outside_the_organisers_area_is_refused_by_name(personas: Any) -> None:
    outsider = personas["caseworker_kalteng"].user
    outsider.first_name, outsider.last_name = "Sari", "Palangka"
    outsider.save()
    with pytest.raises(ValidationError) as err:
        services.training_create(
            actor=personas["supervisor_bpp"].user,
            data=new_training(personas, participants=[personas["caseworker_bpp"].user, outsider]),
        )
    message = err.value.message_dict["participants"][0]
    assert "di luar wilayah penyelenggara" in message
    assert "Sari Palangka" in message
    assert not Training.objects.exists()
    assert not Participant.objects.exists()


def test_a_province_training_takes_people_of_every_kota_in_it(personas: Any) -> None:
    from naungan.orgs.models import Organisation

    t = services.training_create(
        actor=personas["supervisor_kalteng"].user,
        data=new_training(
            personas,
            organiser=Organisation.objects.get(slug="t-dinas-kalteng"),
            participants=[personas["activist_kalteng"].user],
        ),
    )
    assert t.participants.count() == 1


def test_an_organiser_outside_the_managers_area_is_refused(personas: Any) -> None:
    with pytest.raises(ValidationError) as err:
        services.training_create(
            actor=personas["supervisor_kalteng"].user, data=new_training(personas)
        )
    assert "organiser" in err.value.message_dict


def test_a_caseworker_may_not_record_a_training(personas: Any) -> None:
    with pytest.raises(NotTrainingManager):
        services.training_create(actor=personas["caseworker_bpp"].user, data=new_training(personas))


def test_an_analyst_or_provider_cannot_be_a_participant(personas: Any) -> None:
    with pytest.raises(ValidationError) as err:
        services.training_create(
            actor=personas["supervisor_bpp"].user,
            data=new_training(personas, participants=[personas["analyst_bpp"].user]),
        )
    assert "participants" in err.value.message_dict


def test_passing_grants_the_competencies_until_their_expiry(personas: Any, training: Any) -> None:
    services.training_results_record(
        actor=personas["supervisor_bpp"].user,
        training=training,
        results=results(training, caseworker_bpp=(True, 40, 85), activist_bpp=(True, 30, 60)),
    )
    cw = Participant.objects.get(training=training, user__username="caseworker_bpp")
    act = Participant.objects.get(training=training, user__username="activist_bpp")
    assert cw.passed
    assert cw.certificate_number
    assert cw.certificate_number.startswith("NGN-PLT-2026-")
    assert not act.passed
    assert act.certificate_number is None
    grants = {g.competency: g for g in CompetencyGrant.objects.filter(user=cw.user)}
    assert grants["kdrt_risk_assessment"].granted_on == date(2026, 3, 3)
    assert grants["kdrt_risk_assessment"].expires_on == date(2028, 3, 3)
    assert grants["lpsk_legal_protection"].expires_on is None
    assert not CompetencyGrant.objects.filter(user=act.user).exists()


def test_recording_again_without_passing_takes_the_grants_back(
    personas: Any, training: Any
) -> None:
    sup = personas["supervisor_bpp"].user
    services.training_results_record(
        actor=sup, training=training, results=results(training, caseworker_bpp=(True, 40, 85))
    )
    number = Participant.objects.get(user__username="caseworker_bpp").certificate_number
    services.training_results_record(
        actor=sup, training=training, results=results(training, caseworker_bpp=(False, None, None))
    )
    p = Participant.objects.get(user__username="caseworker_bpp")
    assert not p.passed
    assert p.certificate_number == number
    assert not CompetencyGrant.objects.filter(user=p.user).exists()


@pytest.mark.parametrize(("pre", "post", "field"), [(-1, 80, "pre_score"), (50, 101, "post_score")])
def test_scores_out_of_range_are_refused_and_nothing_is_stored(
    personas: Any, training: Any, pre: int, post: int, field: str
) -> None:
    with pytest.raises(ValidationError) as err:
        services.training_results_record(
            actor=personas["supervisor_bpp"].user,
            training=training,
            # The first row is fine: it must not be stored either.
            results=results(
                training, activist_bpp=(True, 50, 90), caseworker_bpp=(True, pre, post)
            ),
        )
    assert field in err.value.message_dict
    assert "antara 0 dan 100" in err.value.message_dict[field][0]
    assert not Participant.objects.filter(training=training, attended=True).exists()
    assert not CompetencyGrant.objects.exists()


def test_the_certificate_is_a_pdf_with_the_verification_number(
    personas: Any, training: Any
) -> None:
    services.training_results_record(
        actor=personas["supervisor_bpp"].user,
        training=training,
        results=results(training, caseworker_bpp=(True, 40, 85)),
    )
    p = Participant.objects.get(user__username="caseworker_bpp")
    html = services.certificate_html(p)
    assert p.certificate_number in html
    assert "Pendampingan KDRT" in html
    assert "http" not in html  # nothing from outside
    pdf = services.certificate_print(actor=p.user, participant=p)
    assert pdf.startswith(b"%PDF")


def test_no_certificate_before_passing(personas: Any, training: Any) -> None:
    p = Participant.objects.get(user__username="caseworker_bpp")
    with pytest.raises(CertificateNotIssued):
        services.certificate_print(actor=p.user, participant=p)
