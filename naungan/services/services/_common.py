"""Shared pieces of the services' writes: who may write, saving, audit, the new episode."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from naungan.accounts.models import User
from naungan.accounts.roles import SUPERVISORS
from naungan.cases.exceptions import NotPermitted
from naungan.cases.models import Case, CaseStatus
from naungan.cases.selectors import case_is_writable
from naungan.cases.services import CLOCK_SKEW
from naungan.core.audit import audit_record
from naungan.orgs.models import Organisation

from ..exceptions import CaseClosedForServices
from ..models import ServiceEpisode


@dataclass
class Opened:
    """A service just opened, and what the caller should be warned about (e.g. a stay over
    capacity that a supervisor allowed)."""

    episode: ServiceEpisode
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Giving:
    """Who gives a service, from when and where (what every service's opening shares)."""

    started_at: datetime
    organisation: Organisation
    staff: User | None = None
    place: str = ""
    notes: str = ""


def save(obj: Any) -> None:
    obj.full_clean()
    obj.save()


def audit(actor: User | None, action: str, obj: Any, case: Case, **extra: Any) -> None:
    """Every write and read of a service is recorded with the case's area (DESIGN §12)."""
    audit_record(actor=actor, action=action, obj=obj, area_code=case.area.code, **extra)


def require_writer(actor: User, case: Case) -> None:
    """Who writes services on a case (CONTRACT §4): its assigned caseworkers and the
    supervisors of its area. Callers looked the case up through ``case_get_for_write``; this
    is the service's own check."""
    if not case_is_writable(user=actor, case=case):
        raise NotPermitted


def require_supervisor(actor: User, case: Case) -> None:
    if actor.role not in SUPERVISORS or not actor.in_scope(case.area):
        raise NotPermitted(_("Hanya supervisor wilayah kasus ini yang boleh melakukannya."))


def require_open_case(case: Case) -> None:
    if case.status == CaseStatus.CLOSED:
        raise CaseClosedForServices


def moment(value: datetime | None, field_name: str) -> datetime:
    """A moment of a service: now when not given, never in the future (422 naming it)."""
    now = timezone.now()
    value = value or now
    if value > now + CLOCK_SKEW:
        raise ValidationError({field_name: _("Waktu tidak boleh di masa depan.")})
    return value


def episode_new(
    *,
    actor: User,
    case: Case,
    service: str,
    organisation: Organisation,
    started_at: datetime,
    staff: User | None = None,
    place: str = "",
    notes: str = "",
    outcome: str = "",
    ended_at: datetime | None = None,
    automatic: bool = False,
) -> ServiceEpisode:
    """Save a new episode (internal: the callers are the services that own the rules)."""
    episode = ServiceEpisode(
        case=case,
        service=service,
        organisation=organisation,
        staff=staff,
        recorded_by=actor,
        started_at=started_at,
        ended_at=ended_at,
        place=place.strip(),
        notes=notes.strip(),
        outcome=outcome.strip(),
        automatic=automatic,
    )
    save(episode)
    return episode


def episode_for(
    *, actor: User, case: Case, service: str, giving: Giving, outcome: str = ""
) -> ServiceEpisode:
    """A new episode of ``service`` given as ``giving`` says."""
    return episode_new(
        actor=actor,
        case=case,
        service=service,
        organisation=giving.organisation,
        started_at=giving.started_at,
        staff=giving.staff,
        place=giving.place,
        notes=giving.notes,
        outcome=outcome,
    )
