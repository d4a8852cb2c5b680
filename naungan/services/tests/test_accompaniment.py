"""Accompaniment (DESIGN §6.6) with the next hearing as a task, and the partner clocks as tasks
citing their legal source (DESIGN §6 clock table)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from naungan.services.exceptions import ClockRunning
from naungan.services.models import Accompaniment
from naungan.services.services import (
    AccompanimentIn,
    EpisodeIn,
    accompaniment_next_hearing,
    episode_open,
    partner_clock_start,
)


def test_accompaniment_records_the_visit_and_the_next_hearing_as_a_task(bpp_case, personas):
    cw = personas["caseworker_bpp"].user
    hearing = timezone.now() + timedelta(days=14)
    episode = episode_open(
        actor=cw,
        case=bpp_case,
        data=EpisodeIn(
            service="accompaniment",
            place="Pengadilan Negeri Balikpapan",
            accompaniment=AccompanimentIn(
                destination="court",
                purpose="Sidang pembuktian",
                companions="Rina (pendamping), paralegal Posbakum",
                outcome="Korban memberi keterangan",
                next_hearing_at=hearing,
            ),
        ),
    ).episode
    record = Accompaniment.objects.get(episode=episode)
    assert (record.destination, record.companions) == (
        "court",
        "Rina (pendamping), paralegal Posbakum",
    )
    assert episode.outcome == "Korban memberi keterangan"
    task = bpp_case.tasks.get(kind="hearing")
    assert task.due_at == hearing
    later = hearing + timedelta(days=7)
    accompaniment_next_hearing(actor=cw, accompaniment=record, next_hearing_at=later)
    assert [(t.status, t.due_at) for t in bpp_case.tasks.filter(kind="hearing").order_by("id")] == [
        ("cancelled", hearing),
        ("open", later),
    ]


def test_an_accompaniment_to_the_police_starts_the_partner_clocks(bpp_case, personas):
    cw = personas["caseworker_bpp"].user
    at = timezone.now() - timedelta(hours=2)
    episode_open(
        actor=cw,
        case=bpp_case,
        data=EpisodeIn(
            service="accompaniment",
            started_at=at,
            accompaniment=AccompanimentIn(
                destination="police",
                partner_clocks=["kdrt_temporary_protection", "kdrt_protection_order"],
            ),
        ),
    )
    tasks = {t.kind: t for t in bpp_case.tasks.filter(source_rule__startswith="UU PKDRT")}
    assert tasks["partner_protection"].due_at == at + timedelta(hours=24)
    assert tasks["partner_protection"].source_rule == "UU PKDRT Pasal 16 ayat (1)–(2)"
    assert tasks["protection_order"].due_at == at + timedelta(hours=48)


@pytest.mark.parametrize(
    ("clock", "kind", "source"),
    [
        ("tpks_temporary_protection", "partner_protection", "UU TPKS Pasal 42"),
        ("lpsk_request", "lpsk_request", "UU TPKS Pasal 43"),
    ],
)
def test_a_partner_clock_is_a_task_due_24_hours_after_the_start(
    bpp_case, personas, clock, kind, source
):
    at = timezone.now() - timedelta(hours=3)
    task = partner_clock_start(
        actor=personas["caseworker_bpp"].user, case=bpp_case, clock=clock, started_at=at
    )
    assert (task.kind, task.source_rule, task.due_at) == (kind, source, at + timedelta(hours=24))
    with pytest.raises(ClockRunning):
        partner_clock_start(actor=personas["supervisor_bpp"].user, case=bpp_case, clock=clock)


def test_a_hearing_before_the_accompaniment_or_an_unknown_place_is_refused(bpp_case, personas):
    cw = personas["caseworker_bpp"].user
    with pytest.raises(ValidationError) as exc:
        episode_open(
            actor=cw,
            case=bpp_case,
            data=EpisodeIn(
                service="accompaniment",
                accompaniment=AccompanimentIn(next_hearing_at=timezone.now() - timedelta(days=1)),
            ),
        )
    assert "next_hearing_at" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        episode_open(
            actor=cw,
            case=bpp_case,
            data=EpisodeIn(
                service="accompaniment", accompaniment=AccompanimentIn(destination="moon")
            ),
        )
    assert "destination" in exc.value.message_dict
