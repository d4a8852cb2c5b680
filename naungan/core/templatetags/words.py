"""``{% load words %}``: words instead of codes in every template (``naungan.core.words``).

``{{ case.violence_types|violence_labels }}`` "Fisik, Seksual" · ``{{ report.victim_age|age }}``
"15 tahun" / "usia tidak diketahui" · ``{{ person.sex|sex }}`` "Perempuan" / "jenis kelamin tidak
diketahui" · ``{{ case.lead|person|default:_("belum ditunjuk") }}`` the full name."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import template

from naungan.core import words

register = template.Library()


@register.filter
def violence_labels(values: Iterable[str] | None) -> str:
    return words.violence_labels(values)


@register.filter
def age(value: int | None) -> str:
    return words.age_text(value)


@register.filter
def sex(value: str | None) -> str:
    return words.sex_text(value)


@register.filter
def person(user: Any) -> str:
    return words.person_name(user)


@register.filter
def audit_actor(event: Any) -> str:
    return words.audit_actor(event)


@register.filter
def audit_outcome(value: str) -> str:
    return words.audit_outcome(value)


@register.filter
def audit_object(event: Any) -> str:
    return words.audit_object(event)


@register.filter
def area_time(value: Any, area: Any) -> str:
    """A moment in the zone of ``area`` (a report's or a case's), with the zone's name:
    "5 Mei 2026 14:30 WIB" for Kalimantan Tengah; the unit's default zone when there is no
    area. Statutory clocks are stored in UTC and shown where the work is (DESIGN §6)."""
    return words.area_datetime(value, area)
