"""Hooks through which later apps add sections to the staff home page without core importing
them (apps depend downward)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest

_HOME_SECTIONS: list[Callable[[HttpRequest], dict[str, Any] | None]] = []


def register_home_section(fn: Callable[[HttpRequest], dict[str, Any] | None]) -> Callable[..., Any]:
    _HOME_SECTIONS.append(fn)
    return fn


def home_sections() -> list[Callable[[HttpRequest], dict[str, Any] | None]]:
    return list(_HOME_SECTIONS)
