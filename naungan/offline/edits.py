"""Activity edits with a version check (DESIGN §10 "Offline": sync compares versions and shows
conflicts, never a silent overwrite). The community app has no edit of an activity; this is
the offline app's own, used by its edit page and by the sync's ``activity_edit`` items.

The version of an activity is its ``updated_at`` (ISO 8601, microseconds). An edit names the
version it was based on; when the server's is another, the edit is refused with both versions
(``ActivityConflict``) and the activist chooses: send theirs again based on the server's
version (a deliberate overwrite) or keep the server's (the phone drops its edit)."""

from __future__ import annotations

import uuid
from typing import Any

from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _

from naungan.community.models import Activity
from naungan.community.services import activity_area, activity_validate
from naungan.community.services.activities import ActivityInput
from naungan.core.audit import audit_record
from naungan.core.exceptions import DomainError
from naungan.core.models import AuditAction

from .models import EditReceipt

FIELDS = ("kind", "held_on", "rt", "rw", "topic", "partner", "materials")


class ActivityConflict(DomainError):
    status = 409
    default_message: Any = _(
        "Kegiatan ini sudah diubah di server setelah Anda mulai mengubahnya. Pilih versi yang "
        "disimpan."
    )


def activity_version(activity: Activity) -> str:
    return activity.updated_at.isoformat()


def activity_values(activity: Activity) -> dict[str, Any]:
    """An activity as the activity body of the API (for showing both versions)."""
    return {
        "kind": activity.kind,
        "held_on": activity.held_on.isoformat(),
        "area_code": activity.area.code,
        "rt": activity.rt,
        "rw": activity.rw,
        "topic": activity.topic,
        "partner": activity.partner,
        "materials": activity.materials,
        "attendance": activity.attendance,
    }


def own_activity(*, actor: Any, activity_id: Any) -> Activity:
    """An activity the activist recorded; anyone else's, or a missing one: 404."""
    return get_object_or_404(
        Activity.objects.select_related("area"), public_id=activity_id, created_by=actor
    )


@transaction.atomic
def activity_edit(
    *,
    actor: Any,
    activity: Activity,
    data: ActivityInput,
    base_version: str,
    request: HttpRequest | None = None,
) -> Activity:
    """Change an activity the activist recorded, if nobody changed it since ``base_version``.
    Bad fields: one ValidationError naming each; a kelurahan outside scope: NotFound (404);
    another version on the server: ``ActivityConflict`` carrying both versions."""
    locked = Activity.objects.select_for_update().select_related("area").get(pk=activity.pk)
    if activity_version(locked) != (base_version or "").strip():
        raise ActivityConflict(
            server=activity_values(locked), server_version=activity_version(locked)
        )
    area = activity_area(actor=actor, area_code=data.area_code)
    values = activity_validate(data)
    for name, value in values.items():
        setattr(locked, name, value)
    locked.area = area
    locked.full_clean()
    locked.save()
    audit_record(
        actor=actor, action=AuditAction.UPDATE, obj=locked, area_code=area.code, request=request
    )
    return locked


def edit_receipt(*, actor: Any, client_id: uuid.UUID) -> uuid.UUID | None:
    row = EditReceipt.objects.filter(user=actor, client_id=client_id).first()
    return row.server_id if row is not None else None


def edit_once(
    *,
    actor: Any,
    client_id: uuid.UUID,
    activity: Activity,
    data: ActivityInput,
    base_version: str,
    request: HttpRequest | None = None,
) -> tuple[str, uuid.UUID]:
    """Apply a phone's edit once: ``("duplicate", id)`` when this id was applied before."""
    done = edit_receipt(actor=actor, client_id=client_id)
    if done is not None:
        return "duplicate", done
    try:
        with transaction.atomic():
            changed = activity_edit(
                actor=actor,
                activity=activity,
                data=data,
                base_version=base_version,
                request=request,
            )
            EditReceipt.objects.create(user=actor, client_id=client_id, server_id=changed.public_id)
    except IntegrityError:
        done = edit_receipt(actor=actor, client_id=client_id)
        if done is None:
            raise
        return "duplicate", done
    return "stored", changed.public_id
