"""Service episodes of synthetic cases (``generate_synthetic``): what the services would have
recorded. Every case has its complaint and case-management episodes (as opening a case records
them); some have outreach, accompaniment and a shelter stay. Stays in progress are only those
admitted in the last days, and never more than a shelter's beds, so that the occupancy view at
a million cases looks as it would in a real unit: a few active stays among many discharged."""

from __future__ import annotations

from collections import defaultdict
from datetime import timedelta
from typing import TYPE_CHECKING

from django.conf import settings
from django.db.models import Sum

from naungan.cases.models import CaseStatus
from naungan.demo.bulk_insert import insert_rows
from naungan.orgs.models import Organisation, ServiceType

from .models import AdmissionReason, Service, ServiceEpisode, ShelterStay

if TYPE_CHECKING:
    from naungan.demo.synthetic import BatchContext

SHELTER_SHARE = 0.08
OUTREACH_SHARE = 0.12
ACCOMPANIMENT_SHARE = 0.18


def _shelters_by_province() -> dict[str, list[Organisation]]:
    out: dict[str, list[Organisation]] = defaultdict(list)
    for o in Organisation.objects.filter(active=True, capacity__isnull=False).select_related(
        "area"
    ):
        if ServiceType.SHELTER in (o.services or []):
            out[o.area.province_code].append(o)
    return out


def _beds_taken() -> dict[int, int]:
    rows = (
        ShelterStay.objects.filter(discharged_at__isnull=True)
        .values("shelter_id")
        .annotate(n=Sum("beds"))
    )
    return defaultdict(int, {r["shelter_id"]: r["n"] for r in rows})


def add_services(batch: BatchContext) -> None:
    rng, now = batch.rng, batch.now
    shelters_of, taken = _shelters_by_province(), _beds_taken()
    max_days = settings.SHELTER_MAX_DAYS
    episodes: list[ServiceEpisode] = []
    stays: list[tuple[ServiceEpisode, ShelterStay]] = []
    for case in batch.cases:
        opened = min(case.received_at + timedelta(hours=rng.randrange(1, 48)), now)
        recorder = case.created_by
        common = {"case": case, "organisation": case.organisation, "recorded_by": recorder}
        episodes.append(
            ServiceEpisode(
                service=Service.COMPLAINT,
                staff=recorder,
                started_at=case.received_at,
                ended_at=opened,
                automatic=True,
                **common,
            )
        )
        episodes.append(
            ServiceEpisode(
                service=Service.CASE_MANAGEMENT,
                staff=case.lead,
                started_at=opened,
                ended_at=case.closed_at if case.closed_at and case.closed_at >= opened else None,
                automatic=True,
                **common,
            )
        )
        if case.status == CaseStatus.OPEN:
            continue
        worker = case.lead or recorder
        for service, share, outcome in (
            (Service.OUTREACH, OUTREACH_SHARE, "Korban ditemui dan aman."),
            (Service.ACCOMPANIMENT, ACCOMPANIMENT_SHARE, "Didampingi ke Unit PPA Polresta."),
        ):
            if rng.random() < share:
                start = opened + timedelta(hours=rng.randrange(2, 240))
                if start + timedelta(hours=4) > now:
                    continue  # not given yet
                episodes.append(
                    ServiceEpisode(
                        service=service,
                        staff=worker,
                        started_at=start,
                        ended_at=start + timedelta(hours=4),
                        outcome=outcome,
                        **{**common, "recorded_by": worker},
                    )
                )
        shelters = shelters_of.get(case.area.province_code, [])
        if shelters and rng.random() < SHELTER_SHARE:
            shelter = rng.choice(shelters)
            admitted = min(opened + timedelta(hours=rng.randrange(1, 72)), now)
            recent = now - admitted < timedelta(days=max_days)
            active = recent and case.status != CaseStatus.CLOSED
            child = rng.random() < 0.3
            beds = 2 if child else 1
            if active and taken[shelter.pk] + beds > (shelter.capacity or 0):
                active = False  # the shelter is full: this stay has ended already
            discharged = (
                None if active else min(admitted + timedelta(days=rng.randrange(1, max_days)), now)
            )
            if active:
                taken[shelter.pk] += beds
            episode = ServiceEpisode(
                service=Service.SHELTER,
                staff=worker,
                started_at=admitted,
                ended_at=discharged,
                **{**common, "organisation": shelter, "recorded_by": worker},
            )
            episodes.append(episode)
            stays.append(
                (
                    episode,
                    ShelterStay(
                        shelter=shelter,
                        beds=beds,
                        children=1 if child else 0,
                        reasons=[rng.choice(AdmissionReason.values)],
                        admitted_at=admitted,
                        planned_end_at=admitted + timedelta(days=max_days),
                        discharged_at=discharged,
                        destination="" if active else "Kembali ke keluarga",
                    ),
                )
            )
    from naungan.demo.synthetic import uuid_from

    for episode in episodes:
        episode.public_id = uuid_from(rng)
    insert_rows(ServiceEpisode, episodes, with_ids=True)
    for episode, stay in stays:
        stay.episode_id = episode.pk
        stay.public_id = uuid_from(rng)
    insert_rows(ShelterStay, [stay for _, stay in stays])
