from __future__ import annotations

from django.tasks import task

from .services.housekeeping import idempotency_purge


@task()
def purge_idempotency_records() -> int:
    """Safe to run twice: the second run finds nothing old enough."""
    return idempotency_purge()
