"""Scope helpers: the one place that turns a user's role and area into a filter."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

# Role sets are named once in accounts (a leaf import: accounts.roles needs only its Role).
from naungan.accounts.roles import ADMINS, AUDIT_READERS, user_in

from .models import AuditEvent


def area_scope_q(user: Any, *, prefix: str = "area__") -> Q:
    """Rows whose area (reached through ``prefix``) lies in the user's area scope. A user
    without an area sees nothing."""
    if not getattr(user, "area_id", None):
        return Q(pk__in=[])
    return user.area.contains_q(prefix)


def area_code_scope_q(user: Any, *, field: str = "area_code") -> Q:
    """Same rule for a denormalised area code string."""
    if not getattr(user, "area_id", None):
        return Q(pk__in=[])
    code = user.area.code
    return Q(**{field: code}) | Q(**{f"{field}__startswith": code + "."})


def audit_events_visible_to(user: Any) -> QuerySet[AuditEvent] | None:
    """Supervisors read the audit trail of their scope; admins read it all (metadata only:
    events never hold case content). Everyone else: None (the page answers 404)."""
    qs = AuditEvent.objects.select_related("actor")
    if user_in(user, ADMINS) or getattr(user, "is_superuser", False):
        return qs
    if user_in(user, AUDIT_READERS):
        return qs.filter(area_code_scope_q(user))
    return None
