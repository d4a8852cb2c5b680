"""Scope helpers: the one place that turns a user's role and area into a filter; and the reads of
the audit log (DESIGN §11: supervisors their area, administrators all, metadata only)."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.apps import apps
from django.db.models import CharField, Q, QuerySet, Value
from django.db.models.functions import Concat
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

# Role sets are named once in accounts (a leaf import: accounts.roles needs only its Role).
from naungan.accounts.roles import ADMINS, AUDIT_READERS, user_in

from .models import AuditAction, AuditEvent
from .registry import AuditTarget, audit_kind, audit_searches


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


# The actor labels of events without a signed-in actor, and the outcomes, as a person reads
# them (the stored values are codes, like the actions).
ACTOR_LABELS = {
    "system": gettext_lazy("Sistem"),
    "anonymous": gettext_lazy("Anonim"),
    "public": gettext_lazy("Publik"),
    "reporter": gettext_lazy("Pelapor"),
}
OUTCOME_LABELS = {
    "ok": gettext_lazy("berhasil"),
    "failed": gettext_lazy("gagal"),
    "locked": gettext_lazy("dikunci"),
    "hidden_match": gettext_lazy("kecocokan di luar wilayah"),
}


@dataclass(frozen=True)
class AuditFilters:
    """The audit log's filters (``core.forms.AuditFilterForm``): an action code, free text over
    the words shown (the actor's name, the record's label, the action's word) and dates."""

    action: str = ""
    q: str = ""
    date_from: date | None = None
    date_to: date | None = None

    @property
    def active(self) -> bool:
        return bool(self.action or self.q or self.date_from or self.date_to)


def audit_events_filtered(user: Any, filters: AuditFilters) -> QuerySet[AuditEvent] | None:
    """``audit_events_visible_to`` narrowed by ``filters``, newest first."""
    events = audit_events_visible_to(user)
    if events is None:
        return None
    if filters.action:
        events = events.filter(action=filters.action)
    if filters.date_from:
        events = events.filter(at__date__gte=filters.date_from)
    if filters.date_to:
        events = events.filter(at__date__lte=filters.date_to)
    if filters.q:
        events = events.annotate(
            actor_name=Concat(
                "actor__first_name", Value(" "), "actor__last_name", output_field=CharField()
            )
        ).filter(audit_search_q(user, filters.q))
    return events


def audit_search_q(user: Any, text: str) -> Q:
    """Events whose shown words contain ``text``: the actor (name, username or the word for
    the system), the action's word (``lihat`` finds ``view``) and, through the apps'
    registered searches, the record's label (registration number, tracking code, name)."""
    needle = text.casefold()
    q = Q(actor_label__icontains=text) | Q(actor_name__icontains=text)
    q |= Q(actor__username__icontains=text)
    for code, label in ACTOR_LABELS.items():
        if needle in str(label).casefold():
            q |= Q(actor_label=code)
    for code, label in AuditAction.choices:
        if needle in str(label).casefold():
            q |= Q(action=code)
    for search in audit_searches():
        q |= search(user, text)
    return q


@dataclass(frozen=True)
class AuditRow:
    """One line of the audit log as the reader sees it."""

    event: AuditEvent
    actor: str
    target: AuditTarget
    outcome: str


def audit_rows(user: Any, events: Iterable[AuditEvent]) -> list[AuditRow]:
    """Name each event's actor and record for ``user``. The records are looked up once per
    object type for all the events given (a page), by the app that owns the type
    (``core.registry.register_audit_kind``), which also decides whether ``user`` may open
    it; a type nobody registered, or a record gone, is named by its kind and a short id."""
    events = list(events)
    ids: dict[str, set[str]] = {}
    for event in events:
        if event.object_id:
            ids.setdefault(event.object_type, set()).add(event.object_id)
    targets: dict[tuple[str, str], AuditTarget] = {}
    for object_type, object_ids in ids.items():
        kind = audit_kind(object_type)
        if kind is None:
            continue
        for object_id, target in kind.describe(user, object_type, sorted(object_ids)).items():
            targets[(object_type, object_id)] = target
    return [
        AuditRow(
            event=event,
            actor=_actor_name(event),
            target=targets.get((event.object_type, event.object_id))
            or _fallback_target(event.object_type, event.object_id),
            outcome=str(OUTCOME_LABELS.get(event.outcome, event.outcome)),
        )
        for event in events
    ]


def audit_uuid_ids(object_ids: Iterable[str]) -> list[str]:
    """The audit object ids that are public ids (UUIDs in their canonical form): the ones a
    ``describe`` looks up (``list``, ``export`` or a malformed id match no row)."""
    out = []
    for object_id in object_ids:
        try:
            if str(uuid.UUID(object_id)) == object_id:
                out.append(object_id)
        except ValueError:
            continue
    return out


def _actor_name(event: AuditEvent) -> str:
    actor = event.actor
    if actor is not None:
        return actor.get_full_name() or actor.get_username()
    return str(ACTOR_LABELS.get(event.actor_label, event.actor_label))


def _fallback_target(object_type: str, object_id: str) -> AuditTarget:
    try:
        kind = str(capfirst(apps.get_model(object_type)._meta.verbose_name))
    except (LookupError, ValueError):
        kind = _("Catatan")
    return AuditTarget(label=f"{kind} {object_id[:8]}".strip())
