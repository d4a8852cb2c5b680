"""Atomic counters for every limit (public reporting, the reporter's PIN, login lockouts),
shared by every process and server.

The store is Redis when ``REDIS_URL`` is set, otherwise the database (``core.RateCounter``).
Counting is "increment, then decide": ``count`` adds one and answers the new value in one
atomic step (a MULTI/EXEC transaction in Redis; one ``INSERT ... ON CONFLICT DO UPDATE ...
RETURNING`` statement in PostgreSQL and SQLite), so parallel requests can never all see the
same "still allowed" value. An event that turns out not to count (a right PIN, a replayed
submission) gives its unit back with ``give_back``.

A window starts with the first event counted and lasts its length; then the counter starts
again at one. What is counted is identified only by a keyed hash (``keyed_hash`` with a purpose
of its own per scope): no address, username or tracking code is ever stored, and a counter is
deleted once its window is over (Redis expires it; the database store deletes expired rows as it
goes). ``peek`` reads a counter without counting (to decide whether something is locked) and
``reset`` forgets it.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from django.conf import settings
from django.db import connection

from naungan.core.crypto import keyed_hash
from naungan.core.models import RateCounter


def _now() -> float:
    return time.time()


def parse_rate(rate: str) -> tuple[int, int]:
    """``"30/600"`` → (30 events, 600 seconds). ``"0"`` or an empty value: no limit."""
    if not rate or rate.strip() == "0":
        return 0, 0
    count, _sep, seconds = rate.partition("/")
    return int(count), int(seconds or 60)


@dataclass(frozen=True)
class Hit:
    """The value of one counter right after an event was counted."""

    count: int
    limit: int
    reset_at: float  # Unix seconds when the window ends

    @property
    def allowed(self) -> bool:
        return self.count <= self.limit

    @property
    def retry_after(self) -> int:
        """Whole seconds until the window is over (at least 1), for ``Retry-After``."""
        return max(1, math.ceil(self.reset_at - _now()))


def _key(scope: str, value: str) -> str:
    prefix = str(getattr(settings, "RATELIMIT_PREFIX", "rl"))
    return f"{prefix}:{scope}:{keyed_hash(value, purpose=f'ratelimit:{scope}')}"


# --- Redis --------------------------------------------------------------------------------------


@lru_cache(maxsize=4)
def _redis_client(url: str) -> Any:
    import redis

    return redis.Redis.from_url(url, socket_connect_timeout=2, socket_timeout=2)


def _redis() -> Any:
    return _redis_client(settings.REDIS_URL)


# Decrement only a live counter above zero (never create one without expiry).
_GIVE_BACK = """
local v = redis.call('get', KEYS[1])
if v and tonumber(v) > 0 then return redis.call('decr', KEYS[1]) end
return 0
"""


def _redis_count(key: str, window: int) -> tuple[int, float]:
    pipe = _redis().pipeline(transaction=True)
    pipe.set(key, 0, ex=window, nx=True)
    pipe.incr(key)
    pipe.pttl(key)
    _created, count, pttl = pipe.execute()
    return int(count), _now() + max(int(pttl), 0) / 1000


def _redis_give_back(key: str) -> None:
    _redis().eval(_GIVE_BACK, 1, key)


def _redis_peek(key: str) -> tuple[int, float]:
    pipe = _redis().pipeline(transaction=True)
    pipe.get(key)
    pipe.pttl(key)
    value, pttl = pipe.execute()
    if value is None or int(pttl) <= 0:
        return 0, _now()
    return int(value), _now() + int(pttl) / 1000


def _redis_reset(key: str) -> None:
    _redis().delete(key)


# --- Database -----------------------------------------------------------------------------------


def _db_count(key: str, window: int) -> tuple[int, float]:
    now = _now()
    table = connection.ops.quote_name(RateCounter._meta.db_table)
    with connection.cursor() as cursor:
        # Forget counters whose window is over (they hold hashes of addresses). SKIP LOCKED:
        # never wait for, or deadlock with, a request counting on one of them right now.
        if connection.vendor == "postgresql":
            cursor.execute(
                f"DELETE FROM {table} WHERE key IN (SELECT key FROM {table} "  # noqa: S608
                "WHERE expires <= %s LIMIT 500 FOR UPDATE SKIP LOCKED)",
                [now],
            )
        else:
            cursor.execute(f"DELETE FROM {table} WHERE expires <= %s", [now])  # noqa: S608
        cursor.execute(
            f"INSERT INTO {table} (key, count, expires) VALUES (%s, 1, %s) "  # noqa: S608
            "ON CONFLICT (key) DO UPDATE SET "
            f"count = CASE WHEN {table}.expires <= %s THEN 1 ELSE {table}.count + 1 END, "
            f"expires = CASE WHEN {table}.expires <= %s THEN excluded.expires "
            f"ELSE {table}.expires END "
            "RETURNING count, expires",
            [key, now + window, now, now],
        )
        count, expires = cursor.fetchone()
    return int(count), float(expires)


def _db_give_back(key: str) -> None:
    from django.db.models import F

    RateCounter.objects.filter(key=key, count__gt=0, expires__gt=_now()).update(
        count=F("count") - 1
    )


def _db_peek(key: str) -> tuple[int, float]:
    now = _now()
    found = (
        RateCounter.objects.filter(key=key, expires__gt=now).values_list("count", "expires").first()
    )
    if found is None:
        return 0, now
    return int(found[0]), float(found[1])


def _db_reset(key: str) -> None:
    RateCounter.objects.filter(key=key).delete()


# --- The interface ------------------------------------------------------------------------------


def count(scope: str, value: str, rate: str) -> Hit | None:
    """Count one event of ``value`` (an address, a tracking code) in ``scope`` and answer the
    counter as it is now; None when the rate is off. Decide on ``Hit.allowed``."""
    limit, window = parse_rate(rate)
    if not limit:
        return None
    key = _key(scope, value)
    if settings.REDIS_URL:
        found, reset_at = _redis_count(key, window)
    else:
        found, reset_at = _db_count(key, window)
    return Hit(count=found, limit=limit, reset_at=reset_at)


def give_back(scope: str, value: str, rate: str) -> None:
    """Undo one ``count`` of an event that turned out not to count."""
    limit, _window = parse_rate(rate)
    if not limit:
        return
    key = _key(scope, value)
    if settings.REDIS_URL:
        _redis_give_back(key)
    else:
        _db_give_back(key)


def peek(scope: str, value: str, rate: str) -> Hit | None:
    """The counter of ``value`` in ``scope`` as it is now, without counting (``count`` 0 and
    ``reset_at`` now when there is none in a live window); None when the rate is off."""
    limit, _window = parse_rate(rate)
    if not limit:
        return None
    key = _key(scope, value)
    if settings.REDIS_URL:
        found, reset_at = _redis_peek(key)
    else:
        found, reset_at = _db_peek(key)
    return Hit(count=found, limit=limit, reset_at=reset_at)


def reset(scope: str, value: str) -> None:
    """Forget the counter of ``value`` in ``scope`` (e.g. a username's after a success)."""
    key = _key(scope, value)
    if settings.REDIS_URL:
        _redis_reset(key)
    else:
        _db_reset(key)
