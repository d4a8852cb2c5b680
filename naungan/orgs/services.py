from __future__ import annotations

from dataclasses import dataclass, field, fields

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from naungan.areas.models import Area
from naungan.core.audit import audit_record
from naungan.core.models import AuditAction

from .models import EligibilityDocument, Organisation, OrgKind, ProviderType, ServiceType


@dataclass(frozen=True)
class DirectoryIn:
    """What the directory of partners says about an organisation (DESIGN §9): contacts, hours,
    eligibility (documents of which any one suffices) and capacity in words. Public
    information; a shelter's address is never part of it (``confidential_address``)."""

    phone: str = ""
    email: str = ""
    website: str = ""
    address: str = ""
    hours: str = ""
    eligibility: str = ""
    eligibility_documents: list[str] = field(default_factory=list)
    capacity_notes: str = ""


def _check_codes(*, services: list[str], documents: list[str]) -> None:
    errors: dict[str, str] = {}
    unknown = [s for s in services if s not in ServiceType.values]
    if unknown:
        errors["services"] = _("Layanan tidak dikenal: %(v)s") % {"v": ", ".join(unknown)}
    unknown_docs = [d for d in documents if d not in EligibilityDocument.values]
    if unknown_docs:
        errors["eligibility_documents"] = _(
            "Dokumen syarat tidak dikenal: %(v)s (pilihan: %(known)s)"
        ) % {"v": ", ".join(unknown_docs), "known": ", ".join(EligibilityDocument.values)}
    if errors:
        raise ValidationError(errors)


def _coverage(codes: list[str] | None, default: str) -> list[Area]:
    wanted = list(dict.fromkeys(codes or [default]))
    found = list(Area.objects.filter(code__in=wanted))
    missing = sorted(set(wanted) - {a.code for a in found})
    if missing:
        raise ValidationError(
            {"coverage": _("Kode wilayah tidak dikenal: %(v)s") % {"v": ", ".join(missing)}}
        )
    return found


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
    directory: DirectoryIn | None = None,
) -> Organisation:
    """Create an organisation. Unknown kind, service, eligibility document or area (home or
    coverage) → ValidationError, nothing saved. The coverage defaults to the home area.
    ``confidential_address`` (a shelter's) is stored encrypted and never audited in clear."""
    if kind not in OrgKind.values:
        raise ValidationError({"kind": _("Jenis organisasi tidak dikenal: %(v)s") % {"v": kind}})
    area = Area.objects.filter(code=area_code).first()
    if area is None:
        raise ValidationError({"area": _("Kode wilayah tidak dikenal: %(v)s") % {"v": area_code}})
    services = services or []
    info = directory or DirectoryIn(phone=phone)
    _check_codes(services=services, documents=info.eligibility_documents)
    if provider_type and provider_type not in ProviderType.values:
        raise ValidationError(
            {"provider_type": _("Jenis mitra tidak dikenal: %(v)s") % {"v": provider_type}}
        )
    if kind == OrgKind.PROVIDER and not provider_type:
        provider_type = ProviderType.SHELTER if "shelter" in services else ProviderType.OTHER
    coverage = _coverage(coverage_codes, area_code)
    org = Organisation(
        slug=slug,
        name=name,
        kind=kind,
        area=area,
        services=services,
        capacity=capacity,
        provider_type=provider_type,
        parent=parent,
        confidential_address=confidential_address.strip(),
        **{f.name: getattr(info, f.name) for f in fields(DirectoryIn)},
    )
    if phone and not org.phone:
        org.phone = phone
    org.full_clean()
    org.save()
    org.coverage.set(coverage)
    audit_record(
        actor=actor, action=AuditAction.CREATE, obj=org, actor_label="" if actor else "system"
    )
    return org


@transaction.atomic
def org_directory_update(
    *,
    actor: object | None,
    org: Organisation,
    directory: DirectoryIn,
    services: list[str] | None = None,
    coverage_codes: list[str] | None = None,
) -> Organisation:
    """Replace what the directory says about ``org`` (contacts, hours, eligibility, capacity
    notes) and, when given, its services and coverage areas. Unknown codes → ValidationError,
    nothing saved. Administrators (Django admin) and the demo data call it."""
    _check_codes(services=services or [], documents=directory.eligibility_documents)
    coverage = _coverage(coverage_codes, org.area.code) if coverage_codes is not None else None
    for f in fields(DirectoryIn):
        setattr(org, f.name, getattr(directory, f.name))
    if services is not None:
        org.services = services
    org.full_clean()
    org.save()
    if coverage is not None:
        org.coverage.set(coverage)
    audit_record(
        actor=actor, action=AuditAction.UPDATE, obj=org, actor_label="" if actor else "system"
    )
    return org
