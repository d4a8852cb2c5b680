"""Reads of organisations."""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q, QuerySet

from naungan.areas.models import Area

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
