"""Mediation is refused on sexual violence unless the perpetrator is a child (UU TPKS Pasal 23,
CONTRACT §6, DESIGN §6.5), every refused attempt audited; sessions and the agreement."""

from __future__ import annotations

from datetime import date

import pytest

from naungan.cases import services as case_services
from naungan.core.models import AuditEvent
from naungan.services.exceptions import MediationNotAllowed
from naungan.services.models import Mediation, ServiceEpisode
from naungan.services.services import (
    EpisodeIn,
    MediationIn,
    episode_open,
    mediation_agreement_record,
    mediation_refusal,
    mediation_session_record,
)

NO = dict.fromkeys(
    [
        "penetration",
        "sexual_contact",
        "physical_assault",
        "forced_marriage",
        "denial_of_resources",
        "psychological_abuse",
    ],
    False,
)


def _incident(personas, case, *, age=None, tpks="", **answers):
    return case_services.incident_record(
        actor=personas["caseworker_bpp"].user,
        case=case,
        answers=NO | answers,
        perpetrator_age=age,
        tpks_type=tpks,
    )


def _open(personas, case, who="caseworker_bpp"):
    return episode_open(
        actor=personas[who].user,
        case=case,
        data=EpisodeIn(service="mediation", mediation=MediationIn(matter="maintenance")),
    )


def _refusals(case):
    return AuditEvent.objects.filter(
        action="denied", object_id=str(case.public_id), outcome="refused"
    )


def test_mediation_opens_on_a_case_without_sexual_violence(make_bpp_case, personas):
    case = make_bpp_case(violence_types=["physical", "psychological"])
    _incident(personas, case, age=40, physical_assault=True)
    opened = _open(personas, case)
    assert Mediation.objects.get(episode=opened.episode).matter == "maintenance"
    assert not _refusals(case).exists()


@pytest.mark.parametrize(
    ("types", "incident"),
    [
        (["sexual"], None),  # typed sexual, no incident yet: the perpetrator's age is unknown
        (["sexual"], {"physical_assault": True, "age": 15}),  # no sexual incident recorded
        (["physical"], {"penetration": True, "age": 30}),  # rape, adult perpetrator
        (["physical"], {"sexual_contact": True}),  # sexual assault, age unknown
        (["psychological"], {"psychological_abuse": True, "tpks": "electronic", "age": 25}),
        (["physical"], {"sexual_contact": True, "age": 18}),  # 18 is not a child
    ],
)
def test_mediation_is_refused_on_sexual_violence_citing_the_article(
    make_bpp_case, personas, types, incident
):
    case = make_bpp_case(violence_types=types)
    if incident is not None:
        _incident(personas, case, **incident)
    with pytest.raises(MediationNotAllowed) as exc:
        _open(personas, case)
    assert exc.value.status == 409
    assert "UU TPKS Pasal 23" in exc.value.message
    assert not ServiceEpisode.objects.filter(case=case, service="mediation").exists()
    event = _refusals(case).get()
    assert event.actor == personas["caseworker_bpp"].user
    assert event.reason == "UU TPKS Pasal 23"


def test_every_refused_attempt_is_audited(make_bpp_case, personas):
    case = make_bpp_case(violence_types=["sexual"])
    for who in ("caseworker_bpp", "supervisor_bpp"):
        with pytest.raises(MediationNotAllowed):
            _open(personas, case, who)
    assert _refusals(case).count() == 2


def test_a_case_typed_sexual_without_incident_says_the_age_is_unknown(make_bpp_case):
    case = make_bpp_case(violence_types=["sexual"])
    reason = mediation_refusal(case)
    assert reason is not None
    assert "usia pelaku belum diketahui" in reason


def test_mediation_is_allowed_when_every_sexual_incident_had_a_child_perpetrator(
    make_bpp_case, personas
):
    case = make_bpp_case(violence_types=["sexual"])
    _incident(personas, case, sexual_contact=True, age=15)
    _incident(personas, case, penetration=True, tpks="rape", age=17)
    _incident(personas, case, physical_assault=True)  # not sexual: its age does not matter
    assert mediation_refusal(case) is None
    assert _open(personas, case).episode.service == "mediation"


def test_one_adult_perpetrator_among_child_ones_refuses(make_bpp_case, personas):
    case = make_bpp_case(violence_types=["sexual"])
    _incident(personas, case, sexual_contact=True, age=15)
    _incident(personas, case, sexual_contact=True, age=35)
    with pytest.raises(MediationNotAllowed):
        _open(personas, case)


def test_sessions_and_agreement_are_refused_once_the_case_turns_out_sexual(make_bpp_case, personas):
    cw = personas["caseworker_bpp"].user
    case = make_bpp_case(violence_types=["physical"])
    mediation = Mediation.objects.get(episode=_open(personas, case).episode)
    session = mediation_session_record(
        actor=cw, mediation=mediation, held_at=None, parties="Klien, suami, mediator"
    )
    assert session.parties == "Klien, suami, mediator"
    mediation = mediation_agreement_record(
        actor=cw,
        mediation=mediation,
        agreement="Nafkah anak Rp1.000.000 per bulan",
        follow_up_on=date(2027, 2, 1),
    )
    assert case.tasks.filter(kind="follow_up", source_rule__startswith="Tindak lanjut").exists()
    _incident(personas, case, sexual_contact=True, age=40)
    with pytest.raises(MediationNotAllowed):
        mediation_session_record(actor=cw, mediation=mediation, held_at=None, parties="Klien")
    assert _refusals(case).count() == 1
