"""Template filters of the directory: ``{% load directory %}``."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import template

from naungan.orgs import words

register = template.Library()


@register.filter
def services_text(values: Iterable[str] | None) -> str:
    return words.services_text(values)


@register.filter
def documents_text(values: Iterable[str] | None) -> str:
    return words.documents_text(values)


@register.filter
def coverage_text(areas: Iterable[Any]) -> str:
    return words.coverage_text(areas)


@register.filter
def area_text(area: Any) -> str:
    return words.area_text(area)


@register.filter
def nearness_text(rank: int, texts: dict[int, str]) -> str:
    return texts.get(int(rank), "")
