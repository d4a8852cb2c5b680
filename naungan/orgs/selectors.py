"""Reads of organisations."""

from __future__ import annotations

from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.urls import reverse

from naungan.areas.models import Area
from naungan.core.registry import AuditTarget

from .models import Organisation, ProviderType


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


def _closeness(org: Organisation, area: Area) -> int:
    """The directory's suggestion order: 0 when the organisation covers the case's own
    kecamatan (or a place inside it), 1 its kota/kabupaten, 2 its province, 3 otherwise
    (national bodies)."""
    codes = {org.area.code} | {a.code for a in org.coverage.all()}
    district = area.district_code or (area.code if area.regency_code else "")
    if district and any(
        c.startswith(district) or (district.startswith(c) and len(c) > len(area.regency_code or ""))
        for c in codes
    ):
        return 0
    if area.regency_code and any(c.startswith(area.regency_code) for c in codes):
        return 1
    if area.province_code and any(c.startswith(area.province_code) for c in codes):
        return 2
    return 3


def providers_for(service_type: str, area: Area) -> list[Organisation]:
    """Active organisations that offer ``service_type`` and serve ``area`` (see
    ``organisations_serving``), those covering the case's own area first (kelurahan or
    kecamatan, then kota, then province, then the rest), then by name. The list every referral
    is checked against: an organisation outside it may not be referred to (422)."""
    orgs = organisations_serving(area).prefetch_related("coverage")
    # ``services`` is a JSON list; a containment lookup is not portable to SQLite.
    offering = [o for o in orgs if service_type in (o.services or [])]
    return sorted(offering, key=lambda o: (_closeness(o, area), o.name))


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
