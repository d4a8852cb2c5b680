"""Shared pieces of the community writes: saving, audit, the activist's group, RT numbers."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from naungan.accounts.roles import ACTIVISTS, user_in
from naungan.core.audit import audit_record
from naungan.orgs.models import Organisation, OrgKind

from ..models import Membership


def save(obj: Any) -> None:
    obj.full_clean()
    obj.save()


def audit(actor: Any, action: str, obj: Any, area_code: str, **extra: Any) -> None:
    audit_record(actor=actor, action=action, obj=obj, area_code=area_code, **extra)


def latest_today() -> dt.date:
    """ "Today" at its latest anywhere in Indonesia (WIT, UTC+9): a date after it lies in the
    future for every user."""
    return (timezone.now() + dt.timedelta(hours=9)).date()


def activist_group(user: Any) -> Organisation | None:
    """The PPATBM group an activist currently belongs to: their current membership, else the
    organisation of their account when it is a PPATBM group."""
    if not user_in(user, ACTIVISTS):
        return None
    membership = (
        Membership.objects.filter(user=user, left_on__isnull=True).select_related("group").first()
    )
    if membership is not None:
        return membership.group
    org = getattr(user, "organisation", None)
    if org is not None and org.kind == OrgKind.PPATBM:
        return org
    return None


def normalize_rt(value: str | None, *, field: str = "rt") -> str:
    """An RT or RW number as addresses write it, three digits ("5" → "005"); empty stays
    empty. Raise ValueError with a message for anything else."""
    text = (value or "").strip()
    if not text:
        return ""
    if not text.isdigit() or len(text) > 3 or int(text) == 0:
        raise ValueError(
            _("Nomor RT harus angka 1 sampai 999.")
            if field == "rt"
            else _("Nomor RW harus angka 1 sampai 999.")
        )
    return f"{int(text):03d}"
