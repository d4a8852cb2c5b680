"""Statistics read from a replica when ``NAUNGAN_STATS_DATABASE_URL`` is set (CONTRACT §1).

Every read of the statistics app runs inside ``stats_reads()``: while it is open, the router
sends reads (of any model: incidents, cases, services, the sources other apps register) to the
``stats`` alias if the settings define one, else to ``default``. Writes always go to
``default``, and nothing is migrated on the replica (it copies the primary). Outside the block
the router has no opinion, so case work is never moved to the replica."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.conf import settings
from django.db import connections

_READING_STATS: ContextVar[bool] = ContextVar("naungan_stats_reads", default=False)


def stats_alias() -> str:
    """The alias statistics read from: the replica when configured, else the main database."""
    alias = getattr(settings, "STATS_DATABASE_ALIAS", "stats")
    return alias if alias in connections.settings else "default"


@contextmanager
def stats_reads() -> Iterator[str]:
    """Reads inside the block go to ``stats_alias()`` (yielded)."""
    token = _READING_STATS.set(True)
    try:
        yield stats_alias()
    finally:
        _READING_STATS.reset(token)


class StatsRouter:
    def db_for_read(self, model: type, **hints: Any) -> str | None:
        return stats_alias() if _READING_STATS.get() else None

    def db_for_write(self, model: type, **hints: Any) -> str | None:
        return "default"

    def allow_relation(self, obj1: Any, obj2: Any, **hints: Any) -> bool | None:
        # The replica holds the same rows as the primary: objects read from either relate.
        return True

    def allow_migrate(self, db: str, app_label: str, **hints: Any) -> bool | None:
        if db == getattr(settings, "STATS_DATABASE_ALIAS", "stats") and db != "default":
            return False
        return None
