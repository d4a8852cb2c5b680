"""Reads of organisations."""

from __future__ import annotations

from typing import Any

from django.db.models import Q
from django.urls import reverse

from naungan.core.registry import AuditTarget

from .models import Organisation


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
