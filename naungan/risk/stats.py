"""The risk app's statistics (issue 15; ``core.registry.register_stats_source``): risk
assessments made in the period on the cases of the area, by instrument and by final level,
and the referrals to a multi-agency risk conference by reason. Aggregates only."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Q, TextField
from django.db.models.functions import Cast
from django.utils.translation import gettext as _

from naungan.core.registry import StatsSection
from naungan.core.stats_period import moment_bounds

from .models import Instrument, Level, ReferralReason, RiskAssessment


def risk_sections(
    *, area: Any, year: int, month: int | None, using: str = "default"
) -> list[StatsSection]:
    lo, hi = moment_bounds(area, year, month)
    qs = RiskAssessment.objects.using(using).filter(
        area.contains_q("case__area_"), assessed_at__gte=lo, assessed_at__lt=hi
    )
    by_instrument = dict(
        qs.values_list("instrument").annotate(n=Count("id")).order_by("instrument")
    )
    total = sum(by_instrument.values())
    if not total:
        return []
    names = {i.key: i.name for i in Instrument.objects.using(using).filter(key__in=by_instrument)}
    levels = qs.aggregate(
        **{v: Count("id", filter=Q(level=v)) for v in Level.values},
        none=Count("id", filter=Q(level="")),
    )
    # ``referral_reasons`` is a JSON list: a reason is counted where its quoted key appears.
    flagged = qs.filter(referral_required=True).annotate(
        reasons_text=Cast("referral_reasons", TextField())
    )
    reasons = flagged.aggregate(
        all=Count("id"),
        **{
            v: Count("id", filter=Q(reasons_text__contains=f'"{v}"')) for v in ReferralReason.values
        },
    )
    level_rows = [(str(label), levels[v]) for v, label in Level.choices]
    if levels["none"]:
        level_rows.append((_("Belum ditetapkan"), levels["none"]))
    return [
        StatsSection(
            title=_("Asesmen risiko menurut instrumen"),
            rows=[(str(names.get(k, k)), n) for k, n in by_instrument.items()],
            total=total,
        ),
        StatsSection(title=_("Asesmen risiko menurut tingkat"), rows=level_rows, total=total),
        StatsSection(
            # One assessment may give several reasons: the rows do not add up to a total.
            title=_("Rujukan ke rapat koordinasi risiko menurut alasan"),
            rows=[
                (_("Asesmen yang merujuk ke rapat koordinasi"), reasons["all"]),
                *[(str(label), reasons[v]) for v, label in ReferralReason.choices],
            ],
        ),
    ]
