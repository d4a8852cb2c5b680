"""Housekeeping of public-reporting data that must not outlive its purpose."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from .. import conf
from ..models import IdempotencyRecord


def idempotency_purge(*, now: dt.datetime | None = None) -> int:
    """Delete idempotency records older than the replay window (24 h). They hold the
    reporter's PIN (encrypted) only so that a retry can show it again; after the window the
    PIN must exist nowhere but with the reporter (DESIGN §4). Idempotent. Returns the count."""
    cutoff = (now or timezone.now()) - dt.timedelta(hours=conf.IDEMPOTENCY_HOURS)
    deleted, _per_model = IdempotencyRecord.objects.filter(created_at__lt=cutoff).delete()
    return deleted
