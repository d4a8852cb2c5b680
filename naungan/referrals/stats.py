"""The referrals' statistics (issue 15; ``core.registry.register_stats_source``): referrals
sent in the period on the cases of the area, by provider, by status and by the time the
provider took to accept. Aggregates only (one ``GROUP BY`` or conditional count each)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.db.models import Count, F, Q
from django.utils.translation import gettext as _

from naungan.core.registry import StatsSection
from naungan.core.stats_period import moment_bounds

from .models import Referral, ReferralStatus

# Time from sending to acceptance, in these bands (upper bound included).
ACCEPTANCE_BANDS: list[tuple[timedelta | None, Any]] = [
    (timedelta(days=1), lambda: _("Diterima dalam 1 hari")),
    (timedelta(days=3), lambda: _("Diterima dalam 2–3 hari")),
    (timedelta(days=7), lambda: _("Diterima dalam 4–7 hari")),
    (None, lambda: _("Diterima setelah lebih dari 7 hari")),
]


def referral_sections(
    *, area: Any, year: int, month: int | None, using: str = "default"
) -> list[StatsSection]:
    lo, hi = moment_bounds(area, year, month)
    qs = Referral.objects.using(using).filter(
        area.contains_q("case__area_"), sent_at__gte=lo, sent_at__lt=hi
    )
    by_provider = list(
        qs.values("organisation__name").annotate(n=Count("id")).order_by("-n", "organisation__name")
    )
    statuses = qs.aggregate(**{s: Count("id", filter=Q(status=s)) for s in ReferralStatus.values})
    bands: dict[str, Any] = {}
    low: timedelta | None = None
    accepted = Q(accepted_at__isnull=False)
    for i, (high, _label) in enumerate(ACCEPTANCE_BANDS):
        cond = accepted
        if low is not None:
            cond &= Q(accepted_at__gt=F("sent_at") + low)
        if high is not None:
            cond &= Q(accepted_at__lte=F("sent_at") + high)
        bands[f"b{i}"] = Count("id", filter=cond)
        low = high
    bands["waiting"] = Count("id", filter=Q(status=ReferralStatus.SENT))
    timing = qs.aggregate(**bands)
    total = sum(statuses.values())
    if not total:
        return []
    return [
        StatsSection(
            title=_("Rujukan menurut penyedia layanan"),
            rows=[(r["organisation__name"], r["n"]) for r in by_provider],
            total=total,
        ),
        StatsSection(
            title=_("Rujukan menurut status"),
            rows=[(str(label), statuses[value]) for value, label in ReferralStatus.choices],
            total=total,
        ),
        StatsSection(
            title=_("Waktu sampai rujukan diterima"),
            rows=[
                *[(label(), timing[f"b{i}"]) for i, (_h, label) in enumerate(ACCEPTANCE_BANDS)],
                (_("Belum dijawab"), timing["waiting"]),
            ],
        ),
    ]
