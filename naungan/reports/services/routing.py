"""Which UPTD PPA is responsible for a report's area (DESIGN §4: routed by area; no area →
the city unit)."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.db.models import Subquery
from django.db.models.functions import Coalesce, Length

from naungan.areas.models import Area, AreaLevel
from naungan.orgs.models import Organisation, OrgKind

from .. import conf


def _ancestor_codes(code: str) -> list[str]:
    parts = code.split(".")
    return [".".join(parts[: i + 1]) for i in range(len(parts))]


def report_route(area: Area | None) -> Organisation | None:
    """The responsible UPTD PPA: the deepest active unit whose home area contains the report's
    area; without an area (or no unit above it), the configured city unit, else the first
    city-level unit."""
    return Organisation.objects.filter(pk=_route_expression(area)).first()


def _route_expression(area: Area | None) -> Any:
    """The routing rule as one SQL expression, evaluated inside the report's INSERT (no extra
    round trip on the public hot path, nothing cached that could go stale)."""
    units = Organisation.objects.filter(kind=OrgKind.UPTD_PPA, active=True)
    slug = conf.default_org_slug()
    fallback = units.filter(slug=slug) if slug else units.filter(area__level=AreaLevel.REGENCY)
    candidates = [Subquery(fallback.order_by("id").values("id")[:1])]
    if area is not None:
        deepest = (
            units.filter(area__code__in=_ancestor_codes(area.code))
            .annotate(depth=Length("area__code"))
            .order_by("-depth", "id")
            .values("id")[:1]
        )
        candidates.insert(0, Subquery(deepest))
    candidates.append(Subquery(units.order_by("id").values("id")[:1]))
    return Coalesce(*candidates, output_field=models.BigIntegerField())
