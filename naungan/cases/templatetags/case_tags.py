from __future__ import annotations

from collections.abc import Iterable

from django import template

from naungan.core import words
from naungan.orgs.models import ServiceType

from ..models.incidents import ContextFlag

register = template.Library()


@register.filter
def violence_labels(values: Iterable[str] | None) -> str:
    """``["physical", "sexual"]`` → "Fisik, Seksual" in the active language."""
    return words.violence_labels(values)


@register.filter
def flag_labels(values: Iterable[str] | None) -> str:
    """An incident's context flags (``["IPV", "CSA"]``) as words."""
    return words.labels(values, ContextFlag)


@register.filter
def service_label(value: str | None) -> str:
    """A plan action's service: the label of a known service type, else the text as written."""
    return words.labels([value], ServiceType) if value else ""
