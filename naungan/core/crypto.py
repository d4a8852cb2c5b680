"""Field encryption (AES-256-GCM) with key rotation, and keyed hashes (HMAC-SHA256).

A text ciphertext is ``v2:<key id>:<base64(nonce + ciphertext + tag)>``, sealed with the
associated data ``<key id>|<context>``, where the context names the place the value belongs to:
``<table>|<column>|<row identity>`` for a model field (see ``binding``). A value copied to
another row, column or table then fails authentication instead of decrypting there. Version 1
(``v1:…``, associated data the key id only) is still read, never written.

Bytes (files) are ``nb1<key id><nonce><ciphertext + tag>`` bound to a caller's context (the
owning row's public id). The key id is the first 8 hex digits of SHA-256 over the key, so any
configured key, newest or older, can decrypt what it wrote; new writes always use the newest key
(the first in ``NAUNGAN_FIELD_KEYS``). Plaintext never appears in exceptions raised here.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
from dataclasses import dataclass
from functools import cache

from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

PREFIX = "v2"
_KEY_ID_LEN = 8
LEGACY_PREFIX = "v1"


class DecryptionError(Exception):
    """A stored value could not be decrypted with any configured key."""


@dataclass(frozen=True)
class Keyring:
    keys: tuple[tuple[str, AESGCM], ...]  # (key id, cipher), newest first

    @property
    def current(self) -> tuple[str, AESGCM]:
        return self.keys[0]

    def by_id(self, key_id: str) -> AESGCM:
        for kid, cipher in self.keys:
            if kid == key_id:
                return cipher
        raise DecryptionError("no configured key matches the stored key id")


def _decode_key(raw: str) -> bytes:
    try:
        key = base64.b64decode(raw, validate=True)
    except ValueError as exc:
        raise ImproperlyConfigured("NAUNGAN_FIELD_KEYS must hold standard base64 keys") from exc
    if len(key) != 32:
        raise ImproperlyConfigured("each NAUNGAN_FIELD_KEYS key must be 32 bytes")
    return key


@cache
def _keyring(raw_keys: tuple[str, ...]) -> Keyring:
    if not raw_keys:
        raise ImproperlyConfigured("NAUNGAN_FIELD_KEYS is empty")
    keys = []
    for raw in raw_keys:
        key = _decode_key(raw)
        keys.append((hashlib.sha256(key).hexdigest()[:8], AESGCM(key)))
    return Keyring(tuple(keys))


def keyring() -> Keyring:
    return _keyring(tuple(settings.FIELD_KEYS))


def binding(table: str, column: str, row: object) -> str:
    """The context of a value stored in ``table.column`` of the row whose stable identity
    (public id or row UUID, known before INSERT) is ``row``."""
    return f"{table}|{column}|{row}"


def encrypt(plaintext: str, *, context: str) -> str:
    """Seal ``plaintext`` with the newest key, bound to ``context`` (see ``binding``)."""
    key_id, cipher = keyring().current
    nonce = os.urandom(12)
    sealed = cipher.encrypt(nonce, plaintext.encode(), f"{key_id}|{context}".encode())
    return f"{PREFIX}:{key_id}:{base64.b64encode(nonce + sealed).decode()}"


def parse(token: str) -> tuple[str, str, bytes]:
    """(version, key id, nonce + sealed bytes) of a stored text value."""
    try:
        prefix, key_id, body = token.split(":", 2)
        if prefix not in (PREFIX, LEGACY_PREFIX) or len(key_id) != _KEY_ID_LEN:
            raise ValueError
        blob = base64.b64decode(body, validate=True)
    except ValueError as exc:
        raise DecryptionError("stored value is not a Naungan ciphertext") from exc
    return prefix, key_id, blob


def decrypt(token: str, *, context: str) -> str:
    """The plaintext of ``token`` if it was sealed for ``context`` (version 2) or is a legacy
    version 1 value (which carries no binding); otherwise ``DecryptionError``."""
    prefix, key_id, blob = parse(token)
    cipher = keyring().by_id(key_id)
    aad = key_id if prefix == LEGACY_PREFIX else f"{key_id}|{context}"
    try:
        return cipher.decrypt(blob[:12], blob[12:], aad.encode()).decode()
    except Exception as exc:  # InvalidTag: tampered, wrong key or moved from elsewhere
        raise DecryptionError("stored value failed authentication") from exc


def is_current(token: str) -> bool:
    """Whether ``token`` is in the newest format under the newest key (nothing to rotate)."""
    prefix, key_id, _blob = parse(token)
    return prefix == PREFIX and key_id == keyring().current[0]


def key_id_of(token: str) -> str:
    return token.split(":", 2)[1]


BYTES_PREFIX = b"nb1"


def encrypt_bytes(plaintext: bytes, *, context: bytes = b"") -> bytes:
    """Encrypt a file's bytes with the newest key: ``nb1 + key id (8 ASCII hex) + nonce (12)
    + ciphertext + tag``. ``context`` (e.g. the owning row's public id) is authenticated, not
    stored: a blob copied to another row then fails to decrypt there."""
    key_id, cipher = keyring().current
    nonce = os.urandom(12)
    sealed = cipher.encrypt(nonce, plaintext, key_id.encode() + b":" + context)
    return BYTES_PREFIX + key_id.encode() + nonce + sealed


def decrypt_bytes(blob: bytes, *, context: bytes = b"") -> bytes:
    """The bytes ``encrypt_bytes`` sealed with any configured key and the same ``context``."""
    blob = bytes(blob)  # psycopg hands bytea over as memoryview
    head = len(BYTES_PREFIX) + _KEY_ID_LEN
    if not blob.startswith(BYTES_PREFIX) or len(blob) < head + 12 + 16:
        raise DecryptionError("stored value is not a Naungan binary ciphertext")
    raw_id = blob[len(BYTES_PREFIX) : head]
    cipher = keyring().by_id(raw_id.decode("ascii", "replace"))
    nonce, sealed = blob[head : head + 12], blob[head + 12 :]
    try:
        return cipher.decrypt(nonce, sealed, raw_id + b":" + context)
    except Exception as exc:  # InvalidTag: tampered, wrong key or wrong context
        raise DecryptionError("stored value failed authentication") from exc


def key_id_of_bytes(blob: bytes) -> str:
    return bytes(blob[len(BYTES_PREFIX) : len(BYTES_PREFIX) + _KEY_ID_LEN]).decode("ascii")


@cache
def _purpose_key(hmac_key: str, purpose: str) -> bytes:
    return hmac.new(hmac_key.encode(), purpose.encode(), hashlib.sha256).digest()


def keyed_hash(value: str, *, purpose: str) -> str:
    """HMAC-SHA256 of ``value`` under a sub-key for ``purpose`` (hex). Purposes never mix."""
    key = _purpose_key(settings.HMAC_KEY, purpose)
    return hmac.new(key, value.encode(), hashlib.sha256).hexdigest()


def decrypt_bytes_verified(blob: bytes | memoryview, *, context: bytes, sha256: str) -> bytes:
    """``decrypt_bytes`` plus a check against the SHA-256 recorded when the file was stored
    (attachments, case documents): a mismatch means the row was tampered with or mixed up."""
    data = decrypt_bytes(bytes(blob), context=context)
    if hashlib.sha256(data).hexdigest() != sha256:
        raise DecryptionError("file does not match its recorded hash")
    return data


def is_current_bytes(blob: bytes | memoryview) -> bool:
    """Whether an ``encrypt_bytes`` blob is already under the newest key."""
    return key_id_of_bytes(bytes(blob[: len(BYTES_PREFIX) + _KEY_ID_LEN])) == keyring().current[0]
