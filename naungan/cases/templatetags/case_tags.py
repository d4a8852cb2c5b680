from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import template

from naungan.core import words
from naungan.orgs.models import ServiceType

from ..models import CaseStatus, ClosureReason
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


@register.filter
def status_reason(change: Any) -> str:
    """The reason of a status change: a closure's reason is stored as its code, shown as its
    label; any other reason was written by a person and is shown as written."""
    if change.to_status == CaseStatus.CLOSED and change.reason in ClosureReason.values:
        return str(ClosureReason(change.reason).label)
    return str(change.reason)
