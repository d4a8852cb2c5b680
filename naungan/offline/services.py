"""Writes of the offline field app (DESIGN §10 "Offline", CONTRACT §4 ``POST /api/v1/sync``).

The page in the activist's signed-in browser sends its queue to ``offline_sync`` (the
session-authenticated twin of ``POST /api/v1/sync``): the device is registered the first time
it syncs (the id it made for itself, a name, the time of the last sync), a revoked device is
refused before anything is stored (``DeviceRevoked``, 403: the page then wipes its queue), and
the items go through the community app's ``sync_apply`` unchanged, so the idempotency of the
phone's item ids (stored once however often the page retries) is the one of the API."""

from __future__ import annotations

import uuid
from typing import Any

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from naungan.accounts.roles import ACTIVISTS, user_in
from naungan.community.services import SyncResult, sync_apply
from naungan.core.audit import audit_record
from naungan.core.models import AuditAction

from .exceptions import DeviceNotFound, DeviceRevoked
from .models import Device

NAME_MAX = 120


def _device_name(name: str) -> str:
    text = " ".join((name or "").split())[:NAME_MAX]
    return text or "Perangkat"


def device_for_sync(*, actor: Any, device_id: uuid.UUID, name: str = "") -> Device:
    """The activist's device of this sync, registered on its first sync and locked for the
    sync's transaction. Another user's device id: NotFound-like refusal (never taken over);
    a revoked device: ``DeviceRevoked``."""
    device = Device.objects.select_for_update().filter(public_id=device_id).first()
    if device is None:
        device = Device.objects.create(public_id=device_id, user=actor, name=_device_name(name))
        audit_record(actor=actor, action=AuditAction.CREATE, obj=device)
    if device.user_id != actor.pk:
        raise DeviceNotFound
    if device.is_revoked:
        raise DeviceRevoked
    return device


@transaction.atomic
def offline_sync(
    *,
    actor: Any,
    device_id: uuid.UUID,
    device_name: str = "",
    items: list[Any],
    request: HttpRequest | None = None,
) -> tuple[Device, list[SyncResult]]:
    """Apply an activist's offline queue sent by the page: one result per item in the order
    sent (``sync_apply``: ``stored``, ``duplicate`` with the same ``server_id``, ``error`` naming
    the field). Callers: activists; anyone else NotFound (404)."""
    if not user_in(actor, ACTIVISTS):
        raise DeviceNotFound
    device = device_for_sync(actor=actor, device_id=device_id, name=device_name)
    results = sync_apply(actor=actor, items=items, request=request)
    device.last_sync_at = timezone.now()
    device.save(update_fields=["last_sync_at", "updated_at"])
    return device, results


@transaction.atomic
def device_revoke(*, actor: Any, device: Device, request: HttpRequest | None = None) -> Device:
    """Revoke a device: its next sync is refused (403) and the page wipes its queue. The
    device's owner or a supervisor of the owner's area (``selectors.device_get`` has checked
    that the actor sees it). Revoking twice changes nothing."""
    if device.is_revoked:
        return device
    device.revoked_at = timezone.now()
    device.revoked_by = actor
    device.save(update_fields=["revoked_at", "revoked_by", "updated_at"])
    area = device.user.area
    area_code = area.code if area is not None else ""
    audit_record(
        actor=actor, action=AuditAction.UPDATE, obj=device, area_code=area_code, request=request
    )
    return device


def device_is_revoked(*, actor: Any, device_id: uuid.UUID) -> bool:
    """Whether the activist's device was revoked (the page asks before it sends, and wipes
    its queue when so). An unknown id is not revoked (it registers on its first sync)."""
    return Device.objects.filter(public_id=device_id, user=actor, revoked_at__isnull=False).exists()
