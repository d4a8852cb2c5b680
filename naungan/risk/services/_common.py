"""Shared pieces of the risk writes: saving, audit, who may write, dates in the case's zone."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from django.utils import timezone

from naungan.accounts.models import User
from naungan.cases.exceptions import NotPermitted
from naungan.cases.models import Case
from naungan.cases.selectors import case_is_writable
from naungan.core.audit import audit_record

CATEGORY = "risk"


def save(obj: Any) -> None:
    obj.full_clean()
    obj.save()


def audit(actor: User | None, action: str, obj: Any, case: Case, **extra: Any) -> None:
    """Every write and read of risk data is recorded with the case's area (DESIGN §12)."""
    extra.setdefault("categories", CATEGORY)
    audit_record(actor=actor, action=action, obj=obj, area_code=case.area.code, **extra)


def require_writer(actor: User, case: Case) -> None:
    """Who writes risk data on a case (CONTRACT §4): its assigned caseworkers and the
    supervisors of its area. Callers looked the case up through ``case_get_for_write``."""
    if not case_is_writable(user=actor, case=case):
        raise NotPermitted


def local_date(moment: datetime, case: Case) -> date:
    """The calendar day of ``moment`` where the case is (WIB/WITA/WIT)."""
    return timezone.localtime(moment, ZoneInfo(case.area.timezone)).date()


def year_before(day: date) -> date:
    """The same day a year earlier (29 February → 28 February)."""
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return day.replace(year=day.year - 1, day=28)


def year_after(day: date) -> date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return day.replace(year=day.year + 1, day=28)
