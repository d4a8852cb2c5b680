"""The directory of partner providers: ``GET /api/v1/providers`` (CONTRACT §4)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Query
from ninja.errors import ValidationError

from naungan.accounts.access import api_role_required, request_user
from naungan.accounts.roles import STAFF_ROLES

from .. import selectors
from ..models import ServiceType
from ..schemas.directory import ProviderListOut, ProviderQuery
from . import router

MAX_LIMIT = 200
NEARNESS = {
    selectors.Nearness.DISTRICT: "district",
    selectors.Nearness.REGENCY: "regency",
    selectors.Nearness.PROVINCE: "province",
    selectors.Nearness.NATIONAL: "national",
}


def _invalid(name: str, message: str) -> ValidationError:
    return ValidationError([{"loc": ["query", name], "msg": message, "type": "value_error"}])


def provider_out(entry: selectors.DirectoryEntry) -> dict[str, Any]:
    org = entry.org
    return {
        "slug": org.slug,
        "name": org.name,
        "services": list(org.services or []),
        "area_code": org.area.code,
        "provider_type": org.provider_type,
        "phone": org.phone,
        "email": org.email,
        "website": org.website,
        "address": org.address,  # never ``confidential_address``
        "hours": org.hours,
        "eligibility": org.eligibility,
        "eligibility_documents": list(org.eligibility_documents or []),
        "coverage": [a.code for a in entry.coverage],
        "capacity": org.capacity,
        "capacity_notes": org.capacity_notes,
        "rank": int(entry.nearness),
        "nearness": NEARNESS[entry.nearness],
    }


@router.get(
    "/providers",
    response=ProviderListOut,
    summary="Directory of partner providers",
    description="Active partner organisations offering `service` (a service type of CONTRACT "
    "§5; every service when omitted) and serving `area` (a Kemendagri code; the caller's own "
    "scope area when omitted), nearest first: `rank` 0 covers the area's kecamatan, 1 its "
    "kota/kabupaten, 2 its province, 3 national bodies; then by name. `q` filters by name. "
    "An unknown `service` or `area` → 422 naming it; an area outside the caller's scope → "
    "404. A shelter's address is never part of the answer. Any staff token.",
)
@api_role_required(STAFF_ROLES)
def providers(request: HttpRequest, query: Query[ProviderQuery]) -> dict[str, Any]:
    user = request_user(request)
    service = query.service.strip()
    if service and service not in ServiceType.values:
        raise _invalid("service", _("Jenis layanan tidak dikenal."))
    code = query.area.strip()
    if code:
        area = selectors.directory_area_get(user=user, code=code)
        if area is None:
            raise _invalid("area", _("Kode wilayah tidak dikenal."))
    else:
        area = selectors.directory_scope(user)
    entries = selectors.directory_search(area=area, service=service, text=query.q)
    limit = max(1, min(query.limit, MAX_LIMIT))
    offset = max(0, query.offset)
    page = entries[offset : offset + limit]
    return {"items": [provider_out(e) for e in page], "count": len(entries)}
