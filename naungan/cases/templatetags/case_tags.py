from __future__ import annotations

from collections.abc import Iterable

from django import template

from naungan.cases.models import ViolenceType

register = template.Library()
_LABELS = dict(ViolenceType.choices)


@register.filter
def violence_labels(values: Iterable[str] | None) -> str:
    """``["physical", "sexual"]`` → "Fisik, Seksual" in the active language."""
    return ", ".join(str(_LABELS.get(v, v)) for v in values or [])
