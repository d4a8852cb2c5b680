"""A user's saved case-list filters: only the list's own filter keys are kept."""

from __future__ import annotations

from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import QueryDict
from django.utils.translation import gettext as _

from naungan.accounts.models import User
from naungan.accounts.roles import CASE_ROLES
from naungan.cases.exceptions import NotPermitted
from naungan.cases.models import SavedFilter
from naungan.cases.services._common import _save
from naungan.core.audit import audit_record
from naungan.core.models import AuditAction

# The list filters a saved filter keeps. The search text ``q`` is left out on purpose: it may
# be a NIK, a phone number or a name, which must not be stored in plain text.
SAVED_FILTER_KEYS = ("status", "area", "violence_type", "overdue")


def clean_filter_query(query: str) -> str:
    """Keep only the known list filters of a query string, in a stable order."""
    data = QueryDict(query.lstrip("?"))
    pairs = [(k, data.get(k, "").strip()) for k in SAVED_FILTER_KEYS]
    return urlencode([(k, v) for k, v in pairs if v])


@transaction.atomic
def saved_filter_save(*, actor: User, name: str, query: str) -> SavedFilter:
    """Save (or replace, by name) the current list filters for the actor only."""
    if actor.role not in CASE_ROLES:
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
