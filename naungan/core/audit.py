"""Audit glue: one function records every read or write of case data.

Changes to registered models are also kept by django-auditlog (field diffs, encrypted fields
masked entirely); reads, exports, prints and denials are recorded here in ``AuditEvent``."""

from __future__ import annotations

from typing import Any

from django.db import models, transaction
from django.http import HttpRequest

from .models import AuditAction, AuditEvent


def mask_value(value: str) -> str:
    """auditlog's mask: nothing of a masked value is kept, not even half of it."""
    return "[encrypted]"


def audit_record(
    *,
    actor: Any,
    action: str,
    obj: models.Model | None = None,
    object_type: str = "",
    object_id: str = "",
    area_code: str = "",
    categories: str = "",
    reason: str = "",
    outcome: str = "ok",
    request: HttpRequest | None = None,
    actor_label: str = "",
    save: bool = True,
    keep_address: bool = False,
) -> AuditEvent:
    """Append one audit event. Call it inside the transaction of the action it records.
    ``save=False`` returns the event unsaved, for a caller that inserts it in one statement
    with the action it records.

    The client address (``request.client_ip``, which believes X-Forwarded-For only from
    ``NAUNGAN_TRUSTED_PROXIES``) is kept only for a signed-in actor: the address of an
    anonymous person, a public reporter above all, is never stored (CONTRACT §4).
    ``keep_address=True`` keeps it for an anonymous event that is no reporter's, such as a
    failed staff login."""
    if obj is not None:
        object_type = object_type or obj._meta.label_lower
        object_id = object_id or str(getattr(obj, "public_id", None) or obj.pk)
        if not area_code:
            area = getattr(obj, "area", None)
            area_code = getattr(area, "code", "") if area is not None else ""
    user = actor if getattr(actor, "is_authenticated", False) else None
    event = AuditEvent(
        actor=user,
        actor_label=actor_label or (user.get_username() if user else "anonymous"),
        action=action,
        object_type=object_type,
        object_id=object_id,
        area_code=area_code,
        categories=categories,
        reason=reason,
        outcome=outcome,
        ip=(getattr(request, "client_ip", None) or None)
        if request is not None and (user is not None or keep_address)
        else None,
    )
    if save:
        event.save()
    return event


def audit_read(
    *, actor: Any, obj: models.Model, request: HttpRequest | None = None, categories: str = ""
) -> AuditEvent:
    return audit_record(
        actor=actor, action=AuditAction.VIEW, obj=obj, request=request, categories=categories
    )


@transaction.atomic
def audit_seal(batch: int = 5000) -> int:
    """Link unsealed events into the hash chain, oldest first. Returns how many were sealed."""
    last = (
        AuditEvent.objects.select_for_update()
        .exclude(hash="")
        .order_by("-id")
        .only("id", "hash")
        .first()
    )
    prev = last.hash if last else ""
    start = last.id if last else 0
    sealed = 0
    for event in AuditEvent.objects.filter(id__gt=start, hash="").order_by("id")[:batch]:
        event.prev_hash = prev
        event.hash = event.compute_hash(prev)
        event.save(_sealing=True, update_fields=["prev_hash", "hash"])
        prev = event.hash
        sealed += 1
    return sealed


def audit_verify() -> tuple[bool, int | None]:
    """Recompute the chain over sealed events: (ok, id of the first broken event)."""
    prev = ""
    for event in AuditEvent.objects.exclude(hash="").order_by("id").iterator():
        if event.prev_hash != prev or event.compute_hash(prev) != event.hash:
            return False, event.id
        prev = event.hash
    return True, None
