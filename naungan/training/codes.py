"""Verification codes of training certificates.

A code is 16 random characters from an alphabet without 0, O, 1 and I (32 symbols: 80 bits, so
it cannot be guessed or enumerated, even at the rate limit's pace for centuries), written in
four groups: ``K7QM-3XRP-9DHT-W2CF``. It is printed on the certificate and stored on the
participant's record (``Participant.verification_code``, unique); anyone holding it may confirm
the certificate on the public page ``/sertifikat/cek/``."""

from __future__ import annotations

import secrets

ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
LENGTH = 16
GROUP = 4


def _grouped(raw: str) -> str:
    return "-".join(raw[i : i + GROUP] for i in range(0, LENGTH, GROUP))


def verification_code_new() -> str:
    return _grouped("".join(secrets.choice(ALPHABET) for _ in range(LENGTH)))


def verification_code_normalize(value: str | None) -> str | None:
    """The stored form of what someone typed (any case, with or without the dashes or spaces
    between the groups), or None when it cannot be a code at all (nothing is looked up)."""
    raw = "".join(c for c in (value or "")[:64].upper() if c not in " -\t")
    if len(raw) != LENGTH or any(c not in ALPHABET for c in raw):
        return None
    return _grouped(raw)
