from __future__ import annotations

from django.db.models import QuerySet

from .models import Area


def area_children(*, parent_code: str | None) -> QuerySet[Area]:
    """Direct children of an area, or the provinces when no parent is given."""
    qs = Area.objects.only("code", "name", "level")
    if parent_code:
        return qs.filter(parent__code=parent_code).order_by("name")
    return qs.filter(parent__isnull=True).order_by("name")


def area_get(code: str) -> Area | None:
    return Area.objects.filter(code=code).first()
