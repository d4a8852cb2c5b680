"""Shared pieces of the referral network's writes: saving and audit."""

from __future__ import annotations

from typing import Any

from naungan.accounts.models import Role, User
from naungan.cases.exceptions import NotPermitted
from naungan.cases.models import Case
from naungan.cases.selectors import case_is_writable, cases_visible_to
from naungan.core.audit import audit_record

from ..exceptions import ReferralNotFound


def save(obj: Any) -> None:
    obj.full_clean()
    obj.save()


def audit(actor: User | None, action: str, obj: Any, case: Case, **extra: Any) -> None:
    """Every write and read of a referral is recorded with the case's area (DESIGN §12)."""
    audit_record(actor=actor, action=action, obj=obj, area_code=case.area.code, **extra)


def require_case_writer(actor: User, case: Case) -> None:
    """The case's writers act on its referrals and consents (withdraw them); a provider (even
    the addressed one) and anyone who does not see the case get 404, a reader of the case 403
    (as for every other write on a case they see)."""
    if case_is_writable(user=actor, case=case):
        return
    if actor.role != Role.PROVIDER and cases_visible_to(actor).filter(pk=case.pk).exists():
        raise NotPermitted
    raise ReferralNotFound
