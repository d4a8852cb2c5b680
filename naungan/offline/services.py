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

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from pydantic import ValidationError as PydanticError

from naungan.accounts.roles import ACTIVISTS, user_in
from naungan.community.exceptions import NotFound
from naungan.community.schemas.activities import ActivityIn
from naungan.community.services import SyncResult, sync_apply
from naungan.community.services.sync import MAX_ITEMS
from naungan.core.audit import audit_record
from naungan.core.models import AuditAction

from . import edits
from .exceptions import DeviceNotFound, DeviceRevoked
from .models import Device

# A change of an activity recorded before (the offline app's own item type, beside the
# contract's ``report`` and ``activity``): ``{"id", "type": "activity_edit", "activity":
# "<public id>", "base_version": "<updated_at it was based on>", "body": {activity body}}``.
EDIT_TYPE = "activity_edit"

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
    if len(items) > MAX_ITEMS:
        raise ValidationError(
            {"items": _("Paling banyak %(n)d butir per sinkronisasi.") % {"n": MAX_ITEMS}}
        )
    results = [
        _edit_item(actor=actor, item=item, request=request)
        if isinstance(item, dict) and item.get("type") == EDIT_TYPE
        else sync_apply(actor=actor, items=[item], request=request)[0]
        for item in items
    ]
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


def _err(loc: list[Any], msg: object) -> list[dict[str, Any]]:
    return [{"loc": loc, "msg": str(msg)}]


def _edit_item(*, actor: Any, item: dict[str, Any], request: HttpRequest | None) -> SyncResult:
    """One ``activity_edit`` item: ``stored`` (the activity's id), ``duplicate`` (applied
    before), ``error`` naming the field, or ``conflict`` with the server's version in
    ``detail`` (``{"msg", "server", "server_version"}``): nothing is overwritten."""
    raw_id = item.get("id")
    try:
        client_id = uuid.UUID(str(raw_id))
    except ValueError:
        return SyncResult(
            raw_id, "error", detail=_err(["id"], _("Harus UUID yang dibuat perangkat."))
        )
    done = edits.edit_receipt(actor=actor, client_id=client_id)
    if done is not None:
        return SyncResult(raw_id, "duplicate", server_id=done)
    try:
        activity = edits.own_activity(actor=actor, activity_id=uuid.UUID(str(item.get("activity"))))
    except (ValueError, Http404):
        return SyncResult(
            raw_id, "error", detail=_err(["activity"], _("Kegiatan tidak ditemukan."))
        )
    body = item.get("body")
    try:
        parsed = ActivityIn.model_validate(body if isinstance(body, dict) else {})
    except PydanticError as exc:
        detail = [{"loc": ["body", *e["loc"]], "msg": e["msg"]} for e in exc.errors()]
        return SyncResult(raw_id, "error", detail=detail)
    data, _values = parsed.cleaned
    try:
        status, server_id = edits.edit_once(
            actor=actor,
            client_id=client_id,
            activity=activity,
            data=data,
            base_version=str(item.get("base_version") or ""),
            request=request,
        )
    except edits.ActivityConflict as exc:
        return SyncResult(
            raw_id,
            "conflict",
            server_id=activity.public_id,
            detail={"msg": exc.message, **exc.extra},
        )
    except NotFound:
        return SyncResult(
            raw_id,
            "error",
            detail=_err(["body", "area_code"], _("Wilayah tidak ditemukan di wilayah tugas Anda.")),
        )
    except ValidationError as exc:
        return SyncResult(
            raw_id,
            "error",
            detail=[
                {"loc": ["body", *k.split(".")], "msg": " ".join(v)}
                for k, v in exc.message_dict.items()
            ],
        )
    return SyncResult(raw_id, status, server_id=server_id)
