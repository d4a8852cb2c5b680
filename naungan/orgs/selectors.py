"""Reads of organisations."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db import models
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from naungan.areas.models import Area, AreaLevel
from naungan.core.registry import AuditTarget

from .models import Organisation, OrgKind, ProviderType, ServiceType


def _near_q(area: Area, prefix: str) -> Q:
    """Rows whose area (through ``prefix``) is ``area`` or one of its ancestors (the
    province's or the kota's bodies), or lies within ``area``'s kabupaten/kota (within the
    province when ``area`` is a province): a kecamatan's puskesmas serves a case of the next
    kecamatan, a body of another kota or province does not."""
    ancestors = {area.code, area.province_code, area.regency_code, area.district_code} - {""}
    if area.regency_code:
        column, root = "regency_code", area.regency_code
    else:  # a province: everything inside it
        column, root = "province_code", area.province_code
    return Q(**{f"{prefix}code__in": sorted(ancestors)}) | Q(**{f"{prefix}{column}": root})


def organisations_serving(area: Area) -> QuerySet[Organisation]:
    """Active organisations that can take part in work in ``area`` (a case's plan actions):
    those whose home area or one of whose coverage areas is ``area``, an ancestor of it, or
    inside its kabupaten/kota (see ``_near_q``), and the national ones (SAPA 129), which serve
    everywhere. Ordered by name."""
    coverage = Organisation.coverage.through.objects.filter(
        Q(organisation_id=OuterRef("pk")) & _near_q(area, "area__")
    )
    return (
        Organisation.objects.filter(active=True)
        .filter(_near_q(area, "area__") | Exists(coverage) | Q(provider_type=ProviderType.NATIONAL))
        .select_related("area")
        .order_by("name")
    )


class Nearness(models.IntegerChoices):
    """How near a provider is to the area searched for (DESIGN §9: providers covering the
    case's area are suggested first). The API answers the number as ``rank``."""

    DISTRICT = 0, _("melayani kecamatan ini")
    REGENCY = 1, _("melayani kota/kabupaten ini")
    PROVINCE = 2, _("melayani provinsi ini")
    NATIONAL = 3, _("layanan nasional")


def _within(code: str, root: str) -> bool:
    """``code`` is ``root`` or lies inside it (whole dotted segments: 64.71 is not in 64.7)."""
    return bool(root) and (code == root or code.startswith(root + "."))


def _closeness(org: Organisation, area: Area) -> Nearness:
    """The suggestion order for ``area``, from the organisation's home and coverage areas:
    covering the area's kecamatan (or a kelurahan in it), then its kota/kabupaten, then its
    province, then national bodies (SAPA 129, or an organisation covering more than one
    province, such as LPSK). A search for a kota or a province has no kecamatan to match."""
    codes = {org.area.code} | {a.code for a in org.coverage.all()}
    district = area.district_code if area.level in (AreaLevel.DISTRICT, AreaLevel.VILLAGE) else ""
    if district and any(_within(c, district) for c in codes):
        return Nearness.DISTRICT
    regency = area.regency_code if area.level != AreaLevel.PROVINCE else ""
    if regency and any(_within(c, regency) for c in codes):
        return Nearness.REGENCY
    national = org.provider_type == ProviderType.NATIONAL or len({c[:2] for c in codes}) > 1
    if not national and any(_within(c, area.province_code) for c in codes):
        return Nearness.PROVINCE
    return Nearness.NATIONAL


@dataclass(frozen=True)
class DirectoryEntry:
    """One provider of a directory search, with how near it is to the area searched for."""

    org: Organisation
    nearness: Nearness

    @property
    def coverage(self) -> list[Area]:
        return sorted(self.org.coverage.all(), key=lambda a: a.code)

    @property
    def shelter(self) -> bool:
        """A shelter's address is secret: the directory shows none (DESIGN §9)."""
        return ServiceType.SHELTER in (self.org.services or []) or (
            self.org.provider_type == ProviderType.SHELTER
        )


def _nearest_first(orgs: Iterable[Organisation], area: Area) -> list[DirectoryEntry]:
    entries = [DirectoryEntry(o, _closeness(o, area)) for o in orgs]
    return sorted(entries, key=lambda e: (e.nearness, e.org.name.casefold(), e.org.slug))


def _partners_serving(area: Area) -> QuerySet[Organisation]:
    """Active partner providers (kind ``provider``) serving ``area``: the UPTD PPA's own
    services, a dinas or a PPATBM group are not referred to."""
    return (
        organisations_serving(area)
        .filter(kind=OrgKind.PROVIDER)
        .select_related("area")
        .prefetch_related("coverage")
    )


def providers_for(service_type: str, area: Area) -> list[Organisation]:
    """Active partner providers that offer ``service_type`` and serve ``area`` (see
    ``organisations_serving``), those covering the case's own kecamatan first, then its
    kota/kabupaten, then its province, then national ones (``Nearness``), then by name. The
    list every referral is checked against: an organisation outside it may not be referred
    to (422)."""
    return [e.org for e in directory_search(area=area, service=service_type)]


def directory_search(*, area: Area, service: str = "", text: str = "") -> list[DirectoryEntry]:
    """The directory of partners (DESIGN §9) for ``area``: active providers serving it,
    offering ``service`` (every service when empty), whose name contains ``text``
    (case-insensitive), nearest first. Not personal data: any staff member may search it."""
    orgs = _partners_serving(area)
    if text:
        orgs = orgs.filter(name__icontains=text.strip())
    # ``services`` is a JSON list; a containment lookup is not portable to SQLite.
    offering = [o for o in orgs if not service or service in (o.services or [])]
    return _nearest_first(offering, area)


def directory_scope(user: Any) -> Area:
    """The area whose directory a staff member sees when they name none: their own scope."""
    return user.area  # type: ignore[no-any-return]


def directory_area_get(*, user: Any, code: str) -> Area | None:
    """An area the user may search the directory for: their scope area or one inside it.
    ``None`` for an unknown code; an area outside the scope answers 404, as a missing record
    (CONTRACT §4)."""
    area = Area.objects.filter(code=code).first()
    if area is None:
        return None
    if not directory_scope(user).contains(area):
        raise Http404
    return area


def directory_areas(*, user: Any) -> QuerySet[Area]:
    """The areas a staff member may pick on the directory page, in tree order: their scope
    area and everything inside it; the kelurahan/desa only when the scope is a kota/kabupaten
    or smaller (a province has well over a thousand; its kecamatan rank the same)."""
    scope = directory_scope(user)
    qs = Area.objects.filter(scope.contains_q()).only("code", "name", "level")
    if scope.level == AreaLevel.PROVINCE:
        qs = qs.exclude(level=AreaLevel.VILLAGE)
    return qs.order_by("code")


def directory_provider_get(*, user: Any, slug: str) -> DirectoryEntry:
    """One provider of the user's directory (serving their scope area): 404 for an unknown
    slug, an inactive organisation or one that does not serve the user's area."""
    scope = directory_scope(user)
    org = get_object_or_404(_partners_serving(scope), slug=slug)
    return DirectoryEntry(org, _closeness(org, scope))


def audit_describe(reader: Any, object_type: str, object_ids: list[str]) -> dict[str, AuditTarget]:
    """The audit log names an organisation by its name, linked to the Django admin for an
    administrator (``core.registry.register_audit_kind``)."""
    pks = [int(i) for i in object_ids if i.isdigit()]
    may_open = getattr(reader, "is_staff", False) and reader.has_perm("orgs.view_organisation")
    return {
        str(org.pk): AuditTarget(
            label=org.name,
            url=reverse("admin:orgs_organisation_change", args=[org.pk]) if may_open else "",
        )
        for org in Organisation.objects.filter(pk__in=pks).only("pk", "name")
    }


def audit_search(reader: Any, text: str) -> Q:
    pks = Organisation.objects.filter(name__icontains=text).values_list("pk", flat=True)[:50]
    return Q(object_type="orgs.organisation", object_id__in=[str(pk) for pk in pks])
