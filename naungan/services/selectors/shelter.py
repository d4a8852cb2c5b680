"""Which shelters a user may place a victim in, their live occupancy, a case's stays, and who
may read a shelter's confidential address."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from django.db.models import Count, Q, QuerySet, Sum

from naungan.accounts.models import User
from naungan.accounts.roles import CASE_WRITER_ROLES, user_in
from naungan.cases.models import Case
from naungan.cases.selectors import case_is_writable
from naungan.core.selectors import area_scope_q
from naungan.orgs.models import Organisation, ServiceType

from ..models import ShelterExtension, ShelterStay
from ._common import get_public

NONE_Q = Q(pk__in=[])


def _coverage_q(user: User) -> Q:
    """Organisations whose coverage contains the user's area (a provincial shelter serves
    the city) or lies inside the user's scope (a city shelter, for a provincial supervisor)."""
    area = user.area if user.area_id else None
    if area is None:
        return NONE_Q
    ancestors = [
        c for c in (area.province_code, area.regency_code, area.district_code, area.code) if c
    ]
    return Q(coverage__code__in=ancestors) | area_scope_q(user, prefix="coverage__")


def shelters_for(user: User) -> list[Organisation]:
    """The shelters that caseworkers and supervisors may place their cases' victims in: active
    organisations offering ``shelter`` with beds (``create_org --capacity``), covering the
    user's area. Everyone else: none."""
    if not user_in(user, CASE_WRITER_ROLES):
        return []
    ids = Organisation.objects.filter(_coverage_q(user)).values("pk")
    shelters = Organisation.objects.filter(
        pk__in=ids, active=True, capacity__isnull=False
    ).select_related("area")
    # ``services`` is a JSON list: a containment lookup is not portable to SQLite, and the
    # organisations with beds are few.
    return [o for o in shelters.order_by("name") if ServiceType.SHELTER in (o.services or [])]


def shelter_usable_by(*, user: User, shelter: Organisation) -> bool:
    return any(o.pk == shelter.pk for o in shelters_for(user))


@dataclass(frozen=True)
class Occupancy:
    """Beds of one shelter now: taken by stays in progress, free (never below zero), and
    how far over capacity supervisors' overrides have taken it."""

    shelter: Organisation
    beds: int
    occupied: int
    children: int
    stays: int

    @property
    def free(self) -> int:
        return max(self.beds - self.occupied, 0)

    @property
    def over_by(self) -> int:
        return max(self.occupied - self.beds, 0)

    @property
    def full(self) -> bool:
        return self.occupied >= self.beds


def shelter_occupancy(*, user: User) -> list[Occupancy]:
    """The live occupancy of the shelters ``user`` may use (one query for the counts)."""
    shelters = shelters_for(user)
    # Only the stays in progress, through the partial index ``shelter_stay_active``: the
    # discharged ones (tens of thousands per shelter after a few years) are never read.
    counts = {
        row["shelter_id"]: row
        for row in ShelterStay.objects.filter(
            shelter_id__in=[s.pk for s in shelters], discharged_at__isnull=True
        )
        .order_by()
        .values("shelter_id")
        .annotate(n_occupied=Sum("beds"), n_children=Sum("children"), n_stays=Count("id"))
    }
    empty = {"n_occupied": 0, "n_children": 0, "n_stays": 0}
    return [
        Occupancy(
            shelter=s,
            beds=s.capacity or 0,
            occupied=counts.get(s.pk, empty)["n_occupied"] or 0,
            children=counts.get(s.pk, empty)["n_children"] or 0,
            stays=counts.get(s.pk, empty)["n_stays"] or 0,
        )
        for s in shelters
    ]


def case_stays(*, case: Case) -> QuerySet[ShelterStay]:
    """The stays of a case (the caller looked the case up through a scoped selector)."""
    return ShelterStay.objects.filter(episode__case=case).select_related("shelter", "episode")


def case_active_stay(*, case: Case) -> ShelterStay | None:
    return case_stays(case=case).filter(discharged_at__isnull=True).first()


def stay_extension_get(*, stay: ShelterStay, extension_id: UUID | str) -> ShelterExtension:
    """One extension of ``stay``; another stay's, a missing or a malformed id: 404."""
    return get_public(stay.extensions.select_related("requested_by", "decided_by"), extension_id)


def shelter_address_visible(*, user: User, stay: ShelterStay) -> bool:
    """A shelter's confidential address is for those who must take the victim there: the
    writers of a case whose stay there is in progress (DESIGN §6.4). Never for readers of the
    case, never after discharge, and never in exports, letters, notifications or the
    reporter's thread (nothing there reads it)."""
    return stay.active and case_is_writable(user=user, case=stay.episode.case)
