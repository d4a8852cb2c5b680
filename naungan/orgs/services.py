from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from naungan.areas.models import Area
from naungan.core.audit import audit_record
from naungan.core.models import AuditAction

from .models import Organisation, OrgKind, ProviderType, ServiceType


@transaction.atomic
def org_create(
    *,
    actor: object | None,
    slug: str,
    name: str,
    kind: str,
    area_code: str,
    services: list[str] | None = None,
    capacity: int | None = None,
    provider_type: str = "",
    parent: Organisation | None = None,
    phone: str = "",
    coverage_codes: list[str] | None = None,
    confidential_address: str = "",
) -> Organisation:
    """Create an organisation. Unknown kind, service or area → ValidationError, nothing saved.
    ``confidential_address`` (a shelter's) is stored encrypted and never audited in clear."""
    if kind not in OrgKind.values:
        raise ValidationError({"kind": _("Jenis organisasi tidak dikenal: %(v)s") % {"v": kind}})
    area = Area.objects.filter(code=area_code).first()
    if area is None:
        raise ValidationError({"area": _("Kode wilayah tidak dikenal: %(v)s") % {"v": area_code}})
    services = services or []
    unknown = [s for s in services if s not in ServiceType.values]
    if unknown:
        raise ValidationError(
            {"services": _("Layanan tidak dikenal: %(v)s") % {"v": ", ".join(unknown)}}
        )
    if kind == OrgKind.PROVIDER and not provider_type:
        provider_type = ProviderType.SHELTER if "shelter" in services else ProviderType.OTHER
    org = Organisation(
        slug=slug,
        name=name,
        kind=kind,
        area=area,
        services=services,
        capacity=capacity,
        provider_type=provider_type,
        parent=parent,
        phone=phone,
        confidential_address=confidential_address.strip(),
    )
    org.full_clean()
    org.save()
    coverage = list(Area.objects.filter(code__in=coverage_codes or [area_code]))
    org.coverage.set(coverage)
    audit_record(
        actor=actor, action=AuditAction.CREATE, obj=org, actor_label="" if actor else "system"
    )
    return org
