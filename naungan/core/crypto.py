"""Field encryption (AES-256-GCM) with key rotation, and keyed hashes (HMAC-SHA256).

A ciphertext is ``v1:<key id>:<base64(nonce + ciphertext + tag)>`` (text) or
``nb1<key id><nonce><ciphertext + tag>`` (bytes, for files). The key id is the first
8 hex digits of SHA-256 over the key, so any configured key, newest or older, can decrypt what
it wrote; new writes always use the newest key (the first in ``NAUNGAN_FIELD_KEYS``).
Plaintext never appears in exceptions raised here.
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

PREFIX = "v1"


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


def encrypt(plaintext: str) -> str:
    key_id, cipher = keyring().current
    nonce = os.urandom(12)
    sealed = cipher.encrypt(nonce, plaintext.encode(), key_id.encode())
    return f"{PREFIX}:{key_id}:{base64.b64encode(nonce + sealed).decode()}"


def decrypt(token: str) -> str:
    try:
        prefix, key_id, body = token.split(":", 2)
        if prefix != PREFIX:
            raise ValueError
        blob = base64.b64decode(body)
    except ValueError as exc:
        raise DecryptionError("stored value is not a Naungan ciphertext") from exc
    cipher = keyring().by_id(key_id)
    try:
        return cipher.decrypt(blob[:12], blob[12:], key_id.encode()).decode()
    except Exception as exc:  # InvalidTag: tampered or wrong key
        raise DecryptionError("stored value failed authentication") from exc


def key_id_of(token: str) -> str:
    return token.split(":", 2)[1]


BYTES_PREFIX = b"nb1"
_KEY_ID_LEN = 8


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
