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


# Sections that later apps add to a staff report page (e.g. the case a report became), each
# ``fn(request, report) -> {"template": ..., ...} | None``.
_REPORT_SECTIONS: list[Callable[[HttpRequest, Any], dict[str, Any] | None]] = []


def register_report_section(
    fn: Callable[[HttpRequest, Any], dict[str, Any] | None],
) -> Callable[..., Any]:
    _REPORT_SECTIONS.append(fn)
    return fn


def report_sections() -> list[Callable[[HttpRequest, Any], dict[str, Any] | None]]:
    return list(_REPORT_SECTIONS)


# Called inside the transaction that stores a reporter's new message, ``fn(message=...)``, so
# that later apps (cases) notify the staff now handling the report. An explicit list called by
# the one service that writes the message, not a model signal.
_REPORTER_MESSAGE_LISTENERS: list[Callable[..., Any]] = []


def register_reporter_message_listener(fn: Callable[..., Any]) -> Callable[..., Any]:
    _REPORTER_MESSAGE_LISTENERS.append(fn)
    return fn


def reporter_message_listeners() -> list[Callable[..., Any]]:
    return list(_REPORTER_MESSAGE_LISTENERS)
