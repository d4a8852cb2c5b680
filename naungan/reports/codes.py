"""Tracking codes and PINs for reporters (DESIGN §4).

A tracking code is ``LP-XXXX-XXXX``: seven random characters from an alphabet without 0, O, 1
and I, and a check character (Luhn mod 32) that catches one mistyped character or two swapped
neighbours before any database lookup. The PIN is random digits, kept only as a keyed hash
(HMAC-SHA256 with a key outside the database): a dump can neither reveal nor brute-force it,
and a check costs microseconds."""

from __future__ import annotations

import hmac
import secrets

from naungan.core.crypto import keyed_hash

ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
_INDEX = {c: i for i, c in enumerate(ALPHABET)}
RANDOM_LENGTH = 7
PIN_LENGTH = 6
PIN_PURPOSE = "report-pin"
# Compared against when the code is unknown, so both answers cost the same.
_DUMMY_HASH = "0" * 64


def _check_char(body: str) -> str:
    """Luhn mod N over ``body`` (N = 32)."""
    n = len(ALPHABET)
    factor = 2
    total = 0
    for char in reversed(body):
        addend = factor * _INDEX[char]
        factor = 1 if factor == 2 else 2
        total += addend // n + addend % n
    return ALPHABET[(n - total % n) % n]


def tracking_code_new() -> str:
    body = "".join(secrets.choice(ALPHABET) for _ in range(RANDOM_LENGTH))
    raw = body + _check_char(body)
    return f"LP-{raw[:4]}-{raw[4:]}"


def tracking_code_normalize(value: str) -> str | None:
    """The canonical form of what a reporter typed (any case, spaces or dashes, with or
    without ``LP``), or None when it cannot be a valid code."""
    raw = "".join(c for c in (value or "").upper() if c.isalnum())
    if raw.startswith("LP") and len(raw) == RANDOM_LENGTH + 3:
        raw = raw[2:]
    if len(raw) != RANDOM_LENGTH + 1 or any(c not in _INDEX for c in raw):
        return None
    if _check_char(raw[:-1]) != raw[-1]:
        return None
    return f"LP-{raw[:4]}-{raw[4:]}"


def pin_new() -> str:
    return "".join(secrets.choice("0123456789") for _ in range(PIN_LENGTH))


def pin_hash(pin: str) -> str:
    return keyed_hash(pin, purpose=PIN_PURPOSE)


def pin_matches(pin: str, stored_hash: str | None) -> bool:
    """Constant-time comparison; an unknown code (``stored_hash`` None) costs the same."""
    candidate = pin_hash((pin or "").strip())
    return hmac.compare_digest(candidate, stored_hash or _DUMMY_HASH) and stored_hash is not None
