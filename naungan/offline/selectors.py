"""Reads of the offline field app, always scoped: an activist sees their own devices, a
supervisor the devices of the activists in their area."""

from __future__ import annotations

import uuid
from typing import Any

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from naungan.accounts.models import Role
from naungan.accounts.roles import ACTIVISTS, SUPERVISORS, user_in
from naungan.core.selectors import area_scope_q

from .models import Device


def devices_visible_to(user: Any) -> QuerySet[Device]:
    """The one place that decides which devices a user may see (and revoke)."""
    devices = Device.objects.select_related("user", "revoked_by")
    if user_in(user, ACTIVISTS):
        return devices.filter(user=user)
    if user_in(user, SUPERVISORS):
        return devices.filter(area_scope_q(user, prefix="user__area__"), user__role=Role.ACTIVIST)
    return devices.none()


def device_get(*, user: Any, device_id: uuid.UUID) -> Device:
    """A device the user may see; a missing one and another's answer the same 404."""
    return get_object_or_404(devices_visible_to(user), public_id=device_id)


# Who reaches the devices page at all: activists (their own), supervisors (their area's).
DEVICE_READERS = ACTIVISTS | SUPERVISORS
