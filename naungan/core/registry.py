"""Hooks through which later apps add sections to the staff home page, badges to the navigation
and names to the audit log without core importing them (apps depend downward)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import Q
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


# How the audit log names the records of later apps (a case by its registration number, a report
# by its tracking code, a user by name) and links them where the reader may open them. An app
# registers its object types (``AuditEvent.object_type``, e.g. ``"cases.case"``) with
# ``describe(reader, object_type, object_ids) -> {object_id: AuditTarget}``, called once per
# type for a whole page of events (no query per row), and optionally
# ``search(reader, text) -> Q`` on ``AuditEvent``: the events of records whose shown label
# contains ``text``.


@dataclass(frozen=True)
class AuditTarget:
    """One record as the audit log shows it to one reader: ``label`` as a person knows it and
    ``url`` only when the reader may open it (empty otherwise)."""

    label: str
    url: str = ""


AuditDescribe = Callable[[Any, str, list[str]], dict[str, AuditTarget]]
AuditSearch = Callable[[Any, str], Q]


@dataclass(frozen=True)
class AuditKind:
    describe: AuditDescribe
    search: AuditSearch | None = None


_AUDIT_KINDS: dict[str, AuditKind] = {}


def register_audit_kind(
    object_types: Iterable[str], *, describe: AuditDescribe, search: AuditSearch | None = None
) -> None:
    kind = AuditKind(describe=describe, search=search)
    for object_type in object_types:
        _AUDIT_KINDS[object_type] = kind


def audit_kind(object_type: str) -> AuditKind | None:
    return _AUDIT_KINDS.get(object_type)


def audit_searches() -> list[AuditSearch]:
    """Each registered search once (an app registers one for all its types)."""
    out: list[AuditSearch] = []
    for kind in _AUDIT_KINDS.values():
        if kind.search is not None and kind.search not in out:
            out.append(kind.search)
    return out


# Sections that later apps add to the case page (e.g. the services given on the case), each
# ``fn(request, case) -> {"template": ..., ...} | None``: the case page includes them without
# the cases app importing those apps.
_CASE_SECTIONS: list[Callable[[HttpRequest, Any], dict[str, Any] | None]] = []


def register_case_section(
    fn: Callable[[HttpRequest, Any], dict[str, Any] | None],
) -> Callable[..., Any]:
    _CASE_SECTIONS.append(fn)
    return fn


def case_sections() -> list[Callable[[HttpRequest, Any], dict[str, Any] | None]]:
    return list(_CASE_SECTIONS)


# Banners that later apps show at the top of the case page (e.g. a high risk result), each
# ``fn(request, case) -> {"template": ..., ...} | None``.
_CASE_BANNERS: list[Callable[[HttpRequest, Any], dict[str, Any] | None]] = []


def register_case_banner(
    fn: Callable[[HttpRequest, Any], dict[str, Any] | None],
) -> Callable[..., Any]:
    _CASE_BANNERS.append(fn)
    return fn


def case_banners() -> list[Callable[[HttpRequest, Any], dict[str, Any] | None]]:
    return list(_CASE_BANNERS)


# Called inside the transaction of a case's life event, ``fn(event=..., case=..., actor=...)``
# with ``event`` one of ``CASE_EVENTS``, so that later apps (services) record what follows
# (the complaint and case-management episodes). An explicit list called by the services that
# own the event, not a model signal.
CASE_EVENTS = ("opened", "closed", "reopened")
_CASE_LISTENERS: list[Callable[..., Any]] = []


def register_case_listener(fn: Callable[..., Any]) -> Callable[..., Any]:
    _CASE_LISTENERS.append(fn)
    return fn


def case_listeners() -> list[Callable[..., Any]]:
    return list(_CASE_LISTENERS)


# What else blocks closing a case (DESIGN §5 step 6: an active shelter stay, pending referrals),
# each ``fn(case) -> list of reasons`` (translated, for the refusal message; empty when it does
# not block). The cases app asks every registered rule when closure is requested and approved.
_CLOSURE_BLOCKERS: list[Callable[[Any], list[str]]] = []


def register_closure_blocker(fn: Callable[[Any], list[str]]) -> Callable[..., Any]:
    _CLOSURE_BLOCKERS.append(fn)
    return fn


def closure_blockers() -> list[Callable[[Any], list[str]]]:
    return list(_CLOSURE_BLOCKERS)


# Data categories of a referral packet that later apps provide (DESIGN §9: ``risk`` from the
# risk app, ``documents``), each ``fn(case, person) -> data | None``: the packet holds the
# category only when it is consented and a provider is registered and returns data; otherwise
# the key is absent (never masked).
_REFERRAL_PACKET_SECTIONS: dict[str, Callable[[Any, Any], Any]] = {}


def register_referral_packet_section(
    category: str, fn: Callable[[Any, Any], Any]
) -> Callable[..., Any]:
    _REFERRAL_PACKET_SECTIONS[category] = fn
    return fn


def referral_packet_section(category: str) -> Callable[[Any, Any], Any] | None:
    return _REFERRAL_PACKET_SECTIONS.get(category)


# Further sources of statistics (referrals, risk, community activities, trainings), each
# ``fn(*, area, year, month, using) -> StatsSection | None``: ``area`` an ``areas.Area``,
# ``year`` an int, ``month`` an int or None, ``using`` the database alias to read from (the
# statistics replica when configured). A source answers aggregate counts only, computed in SQL;
# the statistics app applies small-cell suppression for the reader's role, draws each section
# on the dashboard and puts it in the monthly report. ``naungan.stats`` reads them with
# ``stats_sources()``; the apps that own the data register them in their ``AppConfig.ready``.


@dataclass(frozen=True)
class StatsSection:
    """One block of aggregate counts: ``title`` as people read it, ``rows`` as ``(label,
    count)`` pairs, and ``total`` when the rows are parts of it (then the complementary cell is
    suppressed too, so that no suppressed row can be derived from the total)."""

    title: str
    rows: list[tuple[str, int]]
    total: int | None = None


# A source answers one section, several (a list, shown in that order) or None (nothing to
# show); it is called as ``source(area=, year=, month=, using=)`` and must answer aggregates.
StatsSource = Callable[..., StatsSection | list[StatsSection] | None]
_STATS_SOURCES: dict[str, StatsSource] = {}


def register_stats_source(name: str, fn: StatsSource) -> StatsSource:
    """Add (or replace, by ``name``) a source of statistics."""
    _STATS_SOURCES[name] = fn
    return fn


def stats_sources() -> dict[str, StatsSource]:
    return dict(_STATS_SOURCES)


# The quick triage checklist (DESIGN §8) as data: the risk app registers its active
# ``triage`` instrument version, so the intake desk's suggestion follows a new version without
# the reports app importing the risk app. ``fn() -> TriageChecklist | None`` (None: no version
# loaded; the reports app then keeps its own built-in rule).


@dataclass(frozen=True)
class TriageChecklist:
    """One version of the checklist: ``version`` names it where a suggestion is stored
    (``"triage v2"``); ``items`` are ``(key, text in the reader's language)`` in the order
    asked; ``levels`` maps each item to the triage level a "yes" to it suggests. The suggestion
    for ticked items is the most urgent of their levels."""

    version: str
    items: list[tuple[str, str]]
    levels: dict[str, str]


_TRIAGE_CHECKLIST: list[Callable[[], TriageChecklist | None]] = []


def register_triage_checklist(fn: Callable[[], TriageChecklist | None]) -> Callable[..., Any]:
    _TRIAGE_CHECKLIST[:] = [fn]
    return fn


def triage_checklist() -> TriageChecklist | None:
    return _TRIAGE_CHECKLIST[0]() if _TRIAGE_CHECKLIST else None
