"""Competencies recorded directly (without a training in Naungan): by a supervisor or the
dinas, e.g. for a training held elsewhere. The action may itself require a competency
(``training.grant_direct``): the one real use of ``require_competency`` in this app."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from naungan.accounts.roles import COMPETENCY_HOLDERS, user_in
from naungan.core.audit import audit_record
from naungan.core.models import AuditAction

from ..actions import GRANT_DIRECT
from ..models import Competency, CompetencyGrant, GrantSource
from ._common import ensure_manager
from .requirements import require_competency


@transaction.atomic
def competency_grant_record(
    *,
    actor: Any,
    holder: Any,
    competency: str,
    granted_on: date,
    expires_on: date | None = None,
    note: str = "",
) -> CompetencyGrant:
    """Record that ``holder`` holds ``competency`` from ``granted_on`` until ``expires_on``.
    Callers: ``TRAINING_MANAGERS`` whose area holds the holder's, and who hold what their unit
    requires for ``training.grant_direct``. Refused (422 naming the field): an unknown
    competency, a holder outside the actor's area or not a staff member or activist, a date
    obtained in the future, an expiry before it was obtained or already past (an expired
    competency is not recorded as held)."""
    ensure_manager(actor)
    require_competency(actor, GRANT_DIRECT)
    today = timezone.localdate()
    if not (user_in(holder, COMPETENCY_HOLDERS) and holder.area and actor.in_scope(holder.area)):
        raise ValidationError(
            {"user": _("Orang ini bukan staf atau aktivis di wilayah tugas Anda.")}
        )
    if competency not in Competency.values:
        raise ValidationError({"competency": _("Kompetensi ini tidak dikenal.")})
    if granted_on > today:
        raise ValidationError({"granted_on": _("Tanggal diperoleh tidak boleh di masa depan.")})
    if expires_on is not None and expires_on < today:
        raise ValidationError(
            {
                "expires_on": _(
                    "Kompetensi ini sudah berakhir: tanggal berlaku sampai sudah lewat. Catat "
                    "kompetensi yang masih berlaku."
                )
            }
        )
    grant = CompetencyGrant(
        user=holder,
        competency=competency,
        granted_on=granted_on,
        expires_on=expires_on,
        source=GrantSource.DIRECT,
        recorded_by=actor,
        note=note.strip(),
    )
    grant.full_clean()
    grant.save()
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        obj=grant,
        area_code=holder.area.code,
        reason="competency recorded directly",
    )
    return grant
