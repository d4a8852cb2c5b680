"""Audit glue: one function records every read or write of case data.

Changes to registered models are also kept by django-auditlog (field diffs, encrypted fields
masked entirely); reads, exports, prints and denials are recorded here in ``AuditEvent``."""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import connection, models, transaction
from django.http import HttpRequest

from . import crypto
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


# Any constant: the transaction-scoped advisory lock that lets one sealer run at a time.
_SEAL_LOCK = 0x6E61756E67616E  # "naungan"


def _audit_key() -> bytes:
    return settings.AUDIT_KEY.encode()


def _lock_chain() -> None:
    """Serialise sealers: two at once would give out the same ``seq``. PostgreSQL takes an
    advisory lock held until commit; SQLite's transactions are IMMEDIATE (settings), so the
    whole sealing transaction already runs alone."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_SEAL_LOCK])


@transaction.atomic
def audit_seal(batch: int = 5000) -> int:
    """Link committed, unsealed events into the keyed chain and return how many were sealed.

    Every event without a ``seq`` is taken, whatever its id: an event whose transaction
    committed after a later-numbered one was sealed is sealed at the next run, with the next
    ``seq``. The chain runs in ``seq`` order (the order of sealing), not id order."""
    _lock_chain()
    last = AuditEvent.objects.filter(seq__isnull=False).order_by("-seq").only("seq", "hash").first()
    prev, seq = (last.hash, last.seq or 0) if last else ("", 0)
    key = _audit_key()
    sealed = 0
    for event in AuditEvent.objects.filter(seq__isnull=True).order_by("id")[:batch]:
        seq += 1
        event.seq = seq
        event.prev_hash = prev
        event.hash = event.compute_hash(prev, key=key)
        event.save(_sealing=True, update_fields=["seq", "prev_hash", "hash"])
        prev = event.hash
        sealed += 1
    return sealed


@dataclass(frozen=True)
class ChainReport:
    """What ``audit_verify`` found: ``ok``, how many sealed events it checked, the head of the
    chain (its last ``seq`` and hash, worth keeping outside the database: only a copy of the
    head reveals events removed from the end), and the first broken link."""

    ok: bool
    checked: int
    head_seq: int
    head_hash: str
    unsealed: int
    broken_seq: int | None = None
    broken_id: int | None = None
    problem: str = ""


def audit_verify() -> ChainReport:
    """Recompute the keyed chain over the sealed events in ``seq`` order and stop at the first
    broken link: a missing ``seq`` (an event deleted), a ``prev_hash`` that does not name the
    event before (events reordered or removed), a hash that does not match the event's fields
    (a field changed, or the chain recomputed without the key), or a reason that cannot be
    decrypted (a ciphertext moved from another event)."""
    key = _audit_key()
    prev, expected, checked = "", 1, 0
    unsealed = AuditEvent.objects.filter(seq__isnull=True).count()

    def broken(event: AuditEvent, problem: str) -> ChainReport:
        return ChainReport(
            ok=False,
            checked=checked,
            head_seq=expected - 1,
            head_hash=prev,
            unsealed=unsealed,
            broken_seq=event.seq,
            broken_id=event.pk,
            problem=problem,
        )

    for event in AuditEvent.objects.filter(seq__isnull=False).order_by("seq").iterator(2000):
        if event.seq != expected:
            return broken(event, f"seq {expected} is missing (an event was deleted)")
        if event.prev_hash != prev:
            return broken(event, "prev_hash does not match the hash of the event before")
        try:
            computed = event.compute_hash(prev, key=key)
        except crypto.DecryptionError:
            return broken(event, "reason cannot be decrypted (moved from another row?)")
        if not hmac.compare_digest(computed, event.hash):
            return broken(
                event, "hash does not match the event (changed, or sealed without the key)"
            )
        prev, expected, checked = event.hash, expected + 1, checked + 1
    return ChainReport(
        ok=True, checked=checked, head_seq=expected - 1, head_hash=prev, unsealed=unsealed
    )
