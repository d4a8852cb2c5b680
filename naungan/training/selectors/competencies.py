"""Reads of competencies: one's own, and, for a manager, who in their area needs which
training before a competency expires."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from naungan.accounts.models import Role, User
from naungan.accounts.roles import (
    COMPETENCY_HOLDERS,
    PREVENTION_COORDINATORS,
    TRAINING_MANAGERS,
    user_in,
)
from naungan.core.selectors import area_scope_q
from naungan.orgs.models import Organisation

from ..models import CompetencyGrant, CompetencyRequirement


def grants_of(user: Any) -> QuerySet[CompetencyGrant]:
    """The user's own competencies, newest first per competency."""
    return (
        CompetencyGrant.objects.filter(user=user)
        .select_related("participant__training")
        .order_by("competency", "-granted_on")
    )


@dataclass(frozen=True)
class Held:
    """A person's standing in one competency: the latest-ending grant."""

    grant: CompetencyGrant
    today: date

    @property
    def expired(self) -> bool:
        return self.grant.expires_on is not None and self.grant.expires_on < self.today

    @property
    def days_left(self) -> int | None:
        if self.grant.expires_on is None:
            return None
        return (self.grant.expires_on - self.today).days


def _latest(grants: list[CompetencyGrant]) -> dict[tuple[int, str], CompetencyGrant]:
    """Per (person, competency) the grant that lasts longest (no expiry beats every date): a
    renewed competency is not "expiring" because the old grant ends."""
    out: dict[tuple[int, str], CompetencyGrant] = {}
    for g in grants:
        key = (g.user_id, g.competency)
        best = out.get(key)
        if best is None or (
            best.expires_on is not None and (g.expires_on is None or g.expires_on > best.expires_on)
        ):
            out[key] = g
    return out


def standing_of(user: Any, *, today: date | None = None) -> list[Held]:
    """The user's competencies, one line each (the latest-ending grant)."""
    day = today or timezone.localdate()
    grants = list(grants_of(user).filter(granted_on__lte=day))
    return sorted(
        (Held(g, day) for g in _latest(grants).values()), key=lambda h: h.grant.competency
    )


@dataclass(frozen=True)
class ExpiryLine:
    person: User
    organisation: Organisation | None
    held: Held


def people_in_scope(user: Any) -> QuerySet[User]:
    if not user_in(user, TRAINING_MANAGERS):
        return User.objects.none()
    return User.objects.filter(is_active=True, role__in=COMPETENCY_HOLDERS).filter(
        area_scope_q(user)
    )


def expiry_people_in_scope(user: Any) -> QuerySet[User]:
    """Whose competencies the expiry view lists: for a training manager everyone who holds
    competencies in their area; for a coordinator (the kecamatan's Kasi Kessos, the dinas' data
    staff, ``PREVENTION_COORDINATORS``) the PPATBM activists of their area only (whose trainings
    they coordinate), never the UPTD PPA's staff; nobody for anyone else."""
    if user_in(user, TRAINING_MANAGERS):
        return people_in_scope(user)
    if user_in(user, PREVENTION_COORDINATORS):
        return User.objects.filter(is_active=True, role=Role.ACTIVIST).filter(area_scope_q(user))
    return User.objects.none()


def expiring_competencies(
    *,
    user: Any,
    days: int,
    organisation: Organisation | None = None,
    today: date | None = None,
) -> list[ExpiryLine]:
    """Who in the manager's area (optionally one organisation) needs which training: every
    person's latest grant of a competency that expired or expires within ``days`` days, the
    expired first, then by date, organisation and name. Managers (everyone in their area) and
    coordinators (the activists of their area, ``expiry_people_in_scope``); empty otherwise."""
    day = today or timezone.localdate()
    people = expiry_people_in_scope(user)
    if organisation is not None:
        people = people.filter(organisation=organisation)
    grants = list(
        CompetencyGrant.objects.filter(user__in=people, granted_on__lte=day).select_related(
            "user", "user__organisation"
        )
    )
    horizon = day + timedelta(days=days)
    lines = [
        ExpiryLine(person=g.user, organisation=g.user.organisation, held=Held(g, day))
        for g in _latest(grants).values()
        if g.expires_on is not None and g.expires_on <= horizon
    ]
    return sorted(
        lines,
        key=lambda x: (
            not x.held.expired,
            x.held.grant.expires_on,
            x.organisation.name if x.organisation else "",
            x.person.get_full_name() or x.person.username,
        ),
    )


def organisations_in_scope(user: Any) -> QuerySet[Organisation]:
    """Organisations with staff or activists in the reader's area (the expiry view's filter):
    for a coordinator the activists' groups."""
    return (
        Organisation.objects.filter(staff__in=expiry_people_in_scope(user))
        .distinct()
        .order_by("name")
    )


def requirements_for(user: Any) -> QuerySet[CompetencyRequirement]:
    """Requirements of the organisations in the manager's area, and of the user's own unit
    (everyone sees what their unit asks of them)."""
    qs = CompetencyRequirement.objects.select_related("organisation")
    org_id = getattr(user, "organisation_id", None)
    own = qs.filter(organisation_id=org_id) if org_id else qs.none()
    if user_in(user, TRAINING_MANAGERS):
        return (qs.filter(area_scope_q(user, prefix="organisation__area__")) | own).distinct()
    return own


def requirements_of_unit(user: Any) -> QuerySet[CompetencyRequirement]:
    """What the user's own unit requires of them."""
    org_id = getattr(user, "organisation_id", None)
    qs = CompetencyRequirement.objects.select_related("organisation")
    return qs.filter(organisation_id=org_id) if org_id else qs.none()
