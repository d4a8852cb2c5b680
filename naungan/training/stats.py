"""The trainings' statistics (issue 15; ``core.registry.register_stats_source``): trainings
held in the period by organisers of the area, their participants, and the competencies held by
the staff of the area at the end of the period (or today) and those expiring within
``EXPIRING_DAYS`` after it. Aggregates only."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from naungan.core.registry import StatsSection
from naungan.core.stats_period import date_bounds

from .models import Competency, CompetencyGrant, Participant, Training

EXPIRING_DAYS = 90


def training_sections(
    *, area: Any, year: int, month: int | None, using: str = "default"
) -> list[StatsSection]:
    start, end = date_bounds(year, month)
    trainings = Training.objects.using(using).filter(
        area.contains_q("organiser__area__"), starts_on__gte=start, starts_on__lt=end
    )
    held = trainings.count()
    people = (
        Participant.objects.using(using)
        .filter(training__in=trainings)
        .aggregate(
            registered=Count("id"),
            attended=Count("id", filter=Q(attended=True)),
            passed=Count("id", filter=Q(passed=True)),
        )
    )
    on = min(end - timedelta(days=1), timezone.localdate())
    soon = on + timedelta(days=EXPIRING_DAYS)
    grants = CompetencyGrant.objects.using(using).filter(
        area.contains_q("user__area__"), granted_on__lte=on
    )
    valid = Q(expires_on__isnull=True) | Q(expires_on__gte=on)
    counts = grants.aggregate(
        **{
            f"held_{c}": Count("user_id", distinct=True, filter=valid & Q(competency=c))
            for c in Competency.values
        },
        **{
            f"soon_{c}": Count(
                "user_id",
                distinct=True,
                filter=Q(competency=c, expires_on__gte=on, expires_on__lte=soon),
            )
            for c in Competency.values
        },
    )
    if not held and not any(counts.values()):
        return []
    return [
        StatsSection(
            title=_("Pelatihan yang diselenggarakan"),
            rows=[
                (_("Pelatihan"), held),
                (_("Peserta terdaftar"), people["registered"]),
                (_("Peserta hadir"), people["attended"]),
                (_("Peserta lulus"), people["passed"]),
            ],
        ),
        StatsSection(
            # A person holds several competencies: the rows are not parts of a total.
            title=_("Petugas yang memegang kompetensi (berlaku)"),
            rows=[(str(label), counts[f"held_{v}"]) for v, label in Competency.choices],
        ),
        StatsSection(
            title=_("Kompetensi yang habis berlaku dalam %(days)s hari") % {"days": EXPIRING_DAYS},
            rows=[(str(label), counts[f"soon_{v}"]) for v, label in Competency.choices],
        ),
    ]
