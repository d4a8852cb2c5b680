"""Encrypted model fields and blind indexes.

``EncryptedTextField`` stores AES-GCM ciphertext and gives plaintext to Python code. It cannot
be filtered on; exact lookups go through a separate ``BlindIndexField`` filled by the service
that writes the record (``blind_index(kind, value)``)."""

from __future__ import annotations

from typing import Any

from django.db import models

from . import crypto
from .normalize import normalize_nik, normalize_phone

_NORMALIZERS = {"phone": normalize_phone, "nik": normalize_nik, "text": lambda v: v.strip().lower()}


def blind_index(kind: str, value: str | None) -> str:
    """The keyed hash used to find ``value`` exactly; empty for an empty value."""
    if not value:
        return ""
    norm = _NORMALIZERS[kind](value)
    return crypto.keyed_hash(norm, purpose=f"blind:{kind}") if norm else ""


class EncryptedTextField(models.TextField):
    """Text encrypted at rest. Empty strings and None are stored as they are."""

    description = "Encrypted text"

    def from_db_value(self, value: Any, expression: Any, connection: Any) -> Any:
        if value is None or value == "":
            return value
        return crypto.decrypt(value)

    def get_prep_value(self, value: Any) -> Any:
        value = super().get_prep_value(value)
        if value is None or value == "":
            return value
        return crypto.encrypt(str(value))

    def value_to_string(self, obj: Any) -> str:
        # Serialisers (dumpdata, auditlog) never see the plaintext.
        return "[encrypted]"


class BlindIndexField(models.CharField):
    description = "Keyed hash for exact lookup"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 64)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", "")
        kwargs.setdefault("db_index", True)
        kwargs.setdefault("editable", False)
        super().__init__(*args, **kwargs)
