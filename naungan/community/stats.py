"""The community network's statistics (issue 15; ``core.registry.register_stats_source``):
prevention activities held in the period in the area, by kind and by the areas one level down
(kecamatan, kelurahan), and their attendance by sex and adult/child. Aggregates only."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, F, Q, Sum
from django.utils.translation import gettext as _

from naungan.areas.models import Area
from naungan.core.registry import StatsSection
from naungan.core.stats_period import child_column, date_bounds

from .models import Activity, ActivityKind


def community_sections(
    *, area: Any, year: int, month: int | None, using: str = "default"
) -> list[StatsSection]:
    start, end = date_bounds(year, month)
    qs = Activity.objects.using(using).filter(
        area.contains_q("area__"), held_on__gte=start, held_on__lt=end
    )
    kinds = qs.aggregate(
        **{k: Count("id", filter=Q(kind=k)) for k in ActivityKind.values},
        women=Sum("women", default=0),
        men=Sum("men", default=0),
        girls=Sum("girls", default=0),
        boys=Sum("boys", default=0),
    )
    total = sum(kinds[k] for k in ActivityKind.values)
    if not total:
        return []
    attendance = [
        (_("Perempuan dewasa"), kinds["women"]),
        (_("Laki-laki dewasa"), kinds["men"]),
        (_("Anak perempuan"), kinds["girls"]),
        (_("Anak laki-laki"), kinds["boys"]),
    ]
    sections = [
        StatsSection(
            title=_("Kegiatan pencegahan menurut jenis"),
            rows=[(str(label), kinds[v]) for v, label in ActivityKind.choices],
            total=total,
        ),
        StatsSection(
            title=_("Peserta kegiatan pencegahan menurut jenis kelamin dan usia"),
            rows=attendance,
            total=sum(n for _label, n in attendance),
        ),
    ]
    column = child_column(area)
    if column is not None:
        per = {
            r["k"]: r
            for r in qs.annotate(k=F(f"area__{column}"))
            .values("k")
            .annotate(
                n=Count("id"),
                people=Sum(F("women") + F("men") + F("girls") + F("boys"), default=0),
            )
            .order_by("k")
        }
        children = list(Area.objects.using(using).filter(parent=area).order_by("code"))
        sections.append(
            StatsSection(
                title=_("Kegiatan pencegahan menurut wilayah"),
                rows=[(c.name, per[c.code]["n"] if c.code in per else 0) for c in children],
                total=total,
            )
        )
        sections.append(
            StatsSection(
                title=_("Peserta kegiatan pencegahan menurut wilayah"),
                rows=[(c.name, per[c.code]["people"] if c.code in per else 0) for c in children],
                total=sum(n for _label, n in attendance),
            )
        )
    return sections
