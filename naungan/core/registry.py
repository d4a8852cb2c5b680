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


# Counts shown as badges in the shared navigation (``templates/base.html``), e.g. the unread
# notices that the cases app registers: the base layout names a badge, never an app's tags.
_NAV_BADGES: dict[str, Callable[[HttpRequest], int]] = {}


def register_nav_badge(name: str, fn: Callable[[HttpRequest], int]) -> Callable[..., Any]:
    _NAV_BADGES[name] = fn
    return fn


class NavBadges:
    """``{{ nav_badges.NAME }}`` in a template: the registered count for this request,
    computed only when a template reads it (once per request), 0 for an unknown name."""

    def __init__(self, request: HttpRequest) -> None:
        self._request = request
        self._counts: dict[str, int] = {}

    def __getitem__(self, name: str) -> int:
        if name not in self._counts:
            fn = _NAV_BADGES.get(name)
            self._counts[name] = fn(self._request) if fn is not None else 0
        return self._counts[name]
