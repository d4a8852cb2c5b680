"""Normalisers for values that are looked up exactly through a blind index."""

from __future__ import annotations

import re

_NON_DIGIT = re.compile(r"\D+")


def normalize_phone(value: str) -> str:
    """Indonesian phone numbers to the +62 form: ``0812-345 678``, ``62812345678`` and
    ``+62 812 345 678`` all become ``+62812345678``. Anything else keeps its digits."""
    digits = _NON_DIGIT.sub("", value or "")
    if not digits:
        return ""
    if digits.startswith("62"):
        digits = digits[2:]
    elif digits.startswith("0"):
        digits = digits[1:]
    return "+62" + digits


def normalize_nik(value: str) -> str:
    """A NIK is 16 digits; spaces, dots and dashes typed between them are dropped."""
    return _NON_DIGIT.sub("", value or "")


def is_valid_nik(value: str) -> bool:
    return len(normalize_nik(value)) == 16
