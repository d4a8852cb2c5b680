"""Bulk assignment from the filtered case list and saved list filters (issue 5: Assignment,
Lists and search)."""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import urlencode
from uuid import UUID

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import QueryDict
from django.utils.translation import gettext as _

from naungan.accounts.models import Role, User
from naungan.core.audit import audit_record
from naungan.core.models import AuditAction

from ..exceptions import InvalidAssignee, NotPermitted
from ..models import Case, SavedFilter
from ..selectors import cases_writable_by
from ._common import _save
from .cases import case_assign

BULK_MAX = 200
# The list filters a saved filter keeps. The search text ``q`` is left out on purpose: it may
# be a NIK, a phone number or a name, which must not be stored in plain text.
SAVED_FILTER_KEYS = ("status", "area", "violence_type", "overdue")


@transaction.atomic
def cases_bulk_assign(*, actor: User, case_ids: Sequence[UUID | str], assignee: User) -> list[Case]:
    """A supervisor names ``assignee`` lead of every selected case. Each case goes through
    ``case_assign`` (same checks, history, task hand-over and audit); the assignee must work in
    the supervisor's unit. All or nothing: one case the actor may not write fails the whole
    batch (DESIGN §5 Assignment)."""
    if actor.role != Role.SUPERVISOR:
        raise NotPermitted(_("Hanya supervisor yang dapat menugaskan kasus."))
    try:
        ids = list(dict.fromkeys(UUID(str(i)) for i in case_ids))
    except ValueError as exc:
        raise ValidationError({"cases": _("Pilihan kasus tidak sah.")}) from exc
    if not ids:
        raise ValidationError({"cases": _("Pilih minimal satu kasus.")})
    if len(ids) > BULK_MAX:
        raise ValidationError(
            {"cases": _("Paling banyak %(n)d kasus sekaligus.") % {"n": BULK_MAX}}
        )
    if assignee.organisation_id != actor.organisation_id:
        raise InvalidAssignee(_("Pendamping harus dari unit Anda."))
    cases = list(
        cases_writable_by(actor)
        .filter(public_id__in=ids)
        .select_related("area", "lead")
        .order_by("received_at", "pk")
    )
    if len(cases) != len(ids):
        raise ValidationError({"cases": _("Sebagian kasus yang dipilih tidak ditemukan.")})
    return [case_assign(actor=actor, case=case, assignee=assignee, lead=True) for case in cases]


def clean_filter_query(query: str) -> str:
    """Keep only the known list filters of a query string, in a stable order."""
    data = QueryDict(query.lstrip("?"))
    pairs = [(k, data.get(k, "").strip()) for k in SAVED_FILTER_KEYS]
    return urlencode([(k, v) for k, v in pairs if v])


@transaction.atomic
def saved_filter_save(*, actor: User, name: str, query: str) -> SavedFilter:
    """Save (or replace, by name) the current list filters for the actor only."""
    if actor.role not in (Role.CASEWORKER, Role.SUPERVISOR, Role.INTAKE):
        raise NotPermitted
    name = name.strip()
    if not name:
        raise ValidationError({"name": _("Nama saringan wajib diisi.")})
    cleaned = clean_filter_query(query)
    if not cleaned:
        raise ValidationError({"query": _("Tidak ada saringan untuk disimpan.")})
    saved = SavedFilter.objects.filter(user=actor, name=name).first() or SavedFilter(
        user=actor, name=name
    )
    saved.query = cleaned
    _save(saved)
    return saved


@transaction.atomic
def saved_filter_delete(*, actor: User, saved: SavedFilter) -> None:
    """Delete one of the actor's own saved filters."""
    if saved.user_id != actor.pk:
        raise NotPermitted
    audit_record(
        actor=actor,
        action=AuditAction.DELETE,
        object_type="cases.savedfilter",
        object_id=str(saved.pk),
    )
    saved.delete()
