"""How the audit log names referral records (``core.registry.register_audit_kind``): a
referral and its consent by the referral's reference number (audit metadata, no case content;
no link until the referral pages exist)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from naungan.core.registry import AuditTarget
from naungan.core.selectors import audit_uuid_ids

from ..models import Consent, Referral

AUDIT_TYPES = ("referrals.referral", "referrals.consent")


def audit_describe(reader: Any, object_type: str, object_ids: list[str]) -> dict[str, AuditTarget]:
    ids = audit_uuid_ids(object_ids)
    if object_type == "referrals.referral":
        return {
            str(r.pk): AuditTarget(label=_("Rujukan %(ref)s") % {"ref": r.reference})
            for r in Referral.objects.filter(pk__in=ids).only("id", "year", "number")
        }
    out: dict[str, AuditTarget] = {}
    consents = Consent.objects.filter(public_id__in=ids).prefetch_related("referrals")
    for c in consents:
        refs = ", ".join(r.reference for r in c.referrals.all())
        out[str(c.public_id)] = AuditTarget(
            label=_("Persetujuan berbagi data %(ref)s") % {"ref": refs}
        )
    return out
