"""Fixed-window counters in Django's cache (Redis when ``REDIS_URL`` is set, so limits hold
across processes; local memory otherwise)."""

from __future__ import annotations

import time

from django.core.cache import cache


def parse_rate(rate: str) -> tuple[int, int]:
    """``"30/600"`` → (30 events, 600 seconds). ``"0"`` or an empty value: no limit."""
    if not rate or rate.strip() == "0":
        return 0, 0
    count, _sep, seconds = rate.partition("/")
    return int(count), int(seconds or 60)


def _key(scope: str, ident: str, window: int) -> str:
    return f"rl:{scope}:{ident}:{int(time.time()) // window}"


def is_limited(scope: str, ident: str, rate: str) -> bool:
    """Whether ``ident`` has used up its allowance in the current window (without counting)."""
    limit, window = parse_rate(rate)
    if not limit:
        return False
    return int(cache.get(_key(scope, ident, window), 0)) >= limit


def hit(scope: str, ident: str, rate: str) -> int:
    """Count one event; returns the count in the current window."""
    limit, window = parse_rate(rate)
    if not limit:
        return 0
    key = _key(scope, ident, window)
    if cache.add(key, 1, timeout=window + 1):
        return 1
    try:
        return int(cache.incr(key))
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=window + 1)
        return 1


def take(scope: str, ident: str, rate: str) -> bool:
    """Count one event and say whether it is still allowed."""
    limit, _window = parse_rate(rate)
    return not limit or hit(scope, ident, rate) <= limit
