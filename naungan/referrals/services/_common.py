"""Shared pieces of the referral network's writes: saving and audit."""

from __future__ import annotations

from typing import Any

from naungan.accounts.models import User
from naungan.cases.models import Case
from naungan.core.audit import audit_record


def save(obj: Any) -> None:
    obj.full_clean()
    obj.save()


def audit(actor: User | None, action: str, obj: Any, case: Case, **extra: Any) -> None:
    """Every write and read of a referral is recorded with the case's area (DESIGN §12)."""
    audit_record(actor=actor, action=action, obj=obj, area_code=case.area.code, **extra)
