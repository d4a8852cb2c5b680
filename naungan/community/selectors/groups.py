"""Reads of PPATBM groups and their coverage (DESIGN §10): which kelurahan of a kecamatan or a
city have an active group, and which RTs have a member. Scoped: supervisors and analysts of the
area (``COMMUNITY_COORDINATORS``); an area outside scope is 404."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Prefetch, QuerySet

from naungan.accounts.roles import (
    ACTIVISTS,
    COMMUNITY_COORDINATORS,
    GROUP_MANAGERS,
    PARTNER_CONNECTORS,
    user_in,
)
from naungan.areas.models import Area, AreaLevel
from naungan.core.selectors import area_scope_q
from naungan.orgs.models import Organisation, OrgKind

from ..exceptions import NotFound
from ..models import GroupRole, Membership


def groups_visible_to(user: Any) -> QuerySet[Organisation]:
    """PPATBM groups whose kelurahan lies in a coordinator's or manager's scope; an activist
    their own current group only."""
    qs = Organisation.objects.filter(kind=OrgKind.PPATBM).select_related("area")
    if user_in(user, COMMUNITY_COORDINATORS | GROUP_MANAGERS):
        return qs.filter(area_scope_q(user))
    if user_in(user, ACTIVISTS):
        ids = Membership.objects.filter(user=user, left_on__isnull=True).values("group_id")
        return qs.filter(pk__in=ids)
    return qs.none()


def group_get(*, user: Any, slug: str) -> Organisation:
    group = groups_visible_to(user).filter(slug=slug).first()
    if group is None:
        raise NotFound
    return group


def group_managed_get(*, user: Any, slug: str) -> Organisation:
    """A group the user manages (supervisors of its area); NotFound otherwise."""
    if not user_in(user, GROUP_MANAGERS):
        raise NotFound
    return group_get(user=user, slug=slug)


def group_partnered_get(*, user: Any, slug: str) -> Organisation:
    """A group whose partners the user records (``PARTNER_CONNECTORS`` of its area); NotFound
    otherwise."""
    if not user_in(user, PARTNER_CONNECTORS):
        raise NotFound
    return group_get(user=user, slug=slug)


def group_members(group: Organisation, *, current: bool | None = None) -> QuerySet[Membership]:
    qs = group.memberships.select_related("user")  # type: ignore[attr-defined]
    if current is True:
        qs = qs.filter(left_on__isnull=True)
    elif current is False:
        qs = qs.filter(left_on__isnull=False)
    return qs.order_by("left_on", "role", "joined_on", "pk")  # type: ignore[no-any-return]


def membership_get(*, user: Any, group: Organisation, membership_id: Any) -> Membership:
    try:
        found = group.memberships.filter(public_id=membership_id).first()  # type: ignore[attr-defined]
    except (ValueError, TypeError):
        found = None
    if found is None:
        raise NotFound
    return found  # type: ignore[no-any-return]


def current_membership(user: Any) -> Membership | None:
    if not user_in(user, ACTIVISTS):
        return None
    return (
        Membership.objects.filter(user=user, left_on__isnull=True)
        .select_related("group", "group__area")
        .first()
    )


def is_chair(user: Any, group: Organisation) -> bool:
    membership = current_membership(user)
    return bool(
        membership and membership.group_id == group.pk and membership.role == GroupRole.CHAIR
    )


def activists_in_scope(user: Any) -> QuerySet[Any]:
    """Activist accounts a caseworker or supervisor may name companion: active, in their area."""
    from naungan.accounts.models import Role, User

    return (
        User.objects.filter(role=Role.ACTIVIST, is_active=True)
        .filter(area_scope_q(user))
        .select_related("area")
        .order_by("first_name", "last_name", "username")
    )


# --- coverage ---------------------------------------------------------------------------------


def rt_numbers(total: int) -> list[str]:
    return [f"{n:03d}" for n in range(1, total + 1)]


@dataclass
class KelurahanCoverage:
    area: Area
    group: Organisation | None
    members: int
    rt_total: int
    rts_covered: list[str]

    @property
    def active(self) -> bool:
        """An active group: the organisation is active and has a current member."""
        return self.group is not None and self.group.active and self.members > 0

    @property
    def rts_without(self) -> list[str]:
        covered = set(self.rts_covered)
        return [rt for rt in rt_numbers(self.rt_total) if rt not in covered]


@dataclass
class DistrictCoverage:
    area: Area
    kelurahan: list[KelurahanCoverage] = field(default_factory=list)

    @property
    def with_group(self) -> int:
        return sum(1 for k in self.kelurahan if k.active)

    @property
    def without_group(self) -> list[KelurahanCoverage]:
        return [k for k in self.kelurahan if not k.active]

    @property
    def rt_total(self) -> int:
        return sum(k.rt_total for k in self.kelurahan)

    @property
    def rts_covered(self) -> int:
        return sum(
            len([rt for rt in k.rts_covered if int(rt) <= k.rt_total]) for k in self.kelurahan
        )


def coverage_area(*, user: Any, area_code: str) -> Area:
    """The area of a coverage view: a known kecamatan, city/regency or province inside the
    coordinator's scope (default: their own area); NotFound otherwise."""
    if not user_in(user, COMMUNITY_COORDINATORS):
        raise NotFound
    code = (area_code or "").strip() or getattr(getattr(user, "area", None), "code", "")
    area = Area.objects.filter(code=code).first()
    if area is None or area.level == AreaLevel.VILLAGE or not user.in_scope(area):
        raise NotFound
    return area


def coverage(*, user: Any, area: Area) -> list[DistrictCoverage]:
    """The coverage of ``area`` per kecamatan (one kecamatan when ``area`` is one): each
    kelurahan with its group (if any), the number of current members, the RTs of the kelurahan
    and those a current member covers. Four queries whatever the size."""
    if area.level == AreaLevel.DISTRICT:
        districts = [area]
    else:
        districts = list(
            Area.objects.filter(area.contains_q(), level=AreaLevel.DISTRICT).order_by("code")
        )
    villages = list(
        Area.objects.filter(parent__in=districts, level=AreaLevel.VILLAGE).order_by("name")
    )
    current = Membership.objects.filter(left_on__isnull=True)
    groups: Any = (
        Organisation.objects.filter(kind=OrgKind.PPATBM, area__in=villages)
        .select_related("ppatbm_profile")
        .prefetch_related(Prefetch("memberships", queryset=current, to_attr="current_members"))
        .order_by("-active", "pk")
    )
    by_village: dict[int, Organisation] = {}
    for found in groups:
        by_village.setdefault(found.area_id, found)
    out = {d.pk: DistrictCoverage(area=d) for d in districts}
    for village in villages:
        group = by_village.get(village.pk)
        members = list(getattr(group, "current_members", [])) if group else []
        profile = getattr(group, "ppatbm_profile", None) if group else None
        rts = sorted({rt for m in members for rt in m.rts})
        out[village.parent_id].kelurahan.append(  # type: ignore[index]
            KelurahanCoverage(
                area=village,
                group=group,
                members=len(members),
                rt_total=profile.rt_total if profile else 0,
                rts_covered=rts,
            )
        )
    return [out[d.pk] for d in districts]
