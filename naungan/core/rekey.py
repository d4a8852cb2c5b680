"""Re-encryption of everything the field keys protect, and the census of the keys in use.

Used by ``rotate_field_keys`` (after a new key was put first in ``NAUNGAN_FIELD_KEYS``) and by
the data migrations that moved stored values to the bound format (``v2``) or encrypted columns
that held plaintext before. Works on the real models and on a migration's historical models
(it only needs the fields' classes, which migrations keep): it reads the stored ciphertexts
with ``values_list`` and writes them back with ``QuerySet.update``, so no ``save()`` side
effect (``updated_at``, auditlog entries, the audit trail's append-only guard) is triggered.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from django.db import connection, models, transaction
from django.db.models import Count
from django.db.models.functions import Substr

from . import crypto
from .fields import (
    Ciphertext,
    EncryptedBinaryField,
    EncryptedTextField,
    RowIdentityField,
    row_identity_field,
)

# "v2:" + 8 hex digits + ":": the part of a text ciphertext that names its format and key.
_TEXT_HEAD = len(crypto.PREFIX) + 1 + 8 + 1
_BYTES_HEAD = len(crypto.BYTES_PREFIX) + 8


def text_fields(model: type[models.Model]) -> list[EncryptedTextField]:
    return [f for f in model._meta.concrete_fields if isinstance(f, EncryptedTextField)]


def binary_fields(model: type[models.Model]) -> list[EncryptedBinaryField]:
    return [f for f in model._meta.concrete_fields if isinstance(f, EncryptedBinaryField)]


def _pages(qs: models.QuerySet[Any], batch: int) -> Iterator[list[Any]]:
    """``qs`` (a ``values_list`` whose first column is the pk) in pages by pk: no long-lived
    cursor while rows are rewritten, and memory bounded by ``batch``."""
    last: Any = None
    while True:
        page = list((qs if last is None else qs.filter(pk__gt=last)).order_by("pk")[:batch])
        if not page:
            return
        yield page
        last = page[-1][0]


def fill_row_identities(model: type[models.Model]) -> None:
    """Give every existing row of ``model`` its ``RowIdentityField`` value (a migration step
    between adding the column as nullable and making it unique)."""
    identity = next(f for f in model._meta.concrete_fields if isinstance(f, RowIdentityField))
    if connection.vendor == "postgresql":
        table = connection.ops.quote_name(model._meta.db_table)
        column = connection.ops.quote_name(str(identity.column))
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {table} SET {column} = gen_random_uuid() WHERE {column} IS NULL"  # noqa: S608
            )
        return
    manager = model._base_manager
    for pk in manager.filter(**{f"{identity.attname}__isnull": True}).values_list("pk", flat=True):
        manager.filter(pk=pk).update(**{identity.attname: uuid.uuid4()})


def reseal_text(
    model: type[models.Model],
    *,
    batch: int = 500,
    plaintext: Iterable[str] = (),
    failures: list[str] | None = None,
) -> int:
    """Rewrite each encrypted text value of ``model`` that is not yet in the bound format under
    the newest key; return how many values were rewritten. ``plaintext`` names columns that
    held plaintext until now (a migration that starts encrypting them): their values are
    encrypted as they are, once. A value changed concurrently is left alone (compare and swap
    on the stored ciphertext): its writer already used the newest key. A value that cannot be
    decrypted (its key removed, or moved from another row) is left as it is and named in
    ``failures`` (place and row, never a value); without ``failures`` it raises."""
    fields = text_fields(model)
    if not fields:
        return 0
    was_plain = set(plaintext)
    identity = row_identity_field(model)
    manager = model._base_manager
    columns = manager.values_list("pk", identity.attname, *[f.attname for f in fields])
    rewritten = 0
    for page in _pages(columns, batch):
        with transaction.atomic():
            for pk, row, *stored in page:
                old: dict[str, Any] = {}
                new: dict[str, Any] = {}
                for f, value in zip(fields, stored, strict=True):
                    if not value:
                        continue
                    try:
                        if f.attname in was_plain:
                            plain = str(value)
                        elif crypto.is_current(value):
                            continue
                        else:
                            plain = f.open_for_row(row, value)
                    except crypto.DecryptionError as exc:
                        if failures is None:
                            raise
                        failures.append(str(exc))
                        continue
                    old[f.attname] = value
                    new[f.attname] = Ciphertext(crypto.encrypt(plain, context=f.context(row)))
                if new:
                    rewritten += manager.filter(pk=pk, **old).update(**new) * len(new)
    return rewritten


def reseal_binary(model: type[models.Model], *, batch: int = 5) -> int:
    """Re-encrypt each file of ``model`` not yet under the newest key, with the same binding
    (its ``public_id``). Files are read a few at a time (each up to the upload limit)."""
    rewritten = 0
    manager = model._base_manager
    for f in binary_fields(model):
        stale = (
            manager.annotate(head=Substr(f.attname, 1, _BYTES_HEAD, output_field=f))
            .exclude(head=crypto.BYTES_PREFIX + crypto.keyring().current[0].encode())
            .values_list("pk", flat=True)
        )
        pks = list(stale)
        for start in range(0, len(pks), batch):
            with transaction.atomic():
                rows = (
                    manager.select_for_update()
                    .filter(pk__in=pks[start : start + batch])
                    .values_list("pk", "public_id", f.attname)
                )
                for pk, public_id, blob in rows:
                    if not blob or crypto.is_current_bytes(blob):
                        continue
                    context = str(public_id).encode()
                    data = crypto.decrypt_bytes(bytes(blob), context=context)
                    fresh = crypto.encrypt_bytes(data, context=context)
                    rewritten += manager.filter(pk=pk).update(**{f.attname: fresh})
    return rewritten


# The allauth Authenticator.data entries that the MFA adapter encrypts.
MFA_SECRET_KEYS = ("secret", "seed")
MFA_SECRET_LISTS = ("migrated_codes",)


def reseal_authenticators(model: type[models.Model], *, encrypt: Any, decrypt: Any) -> int:
    """Re-encrypt the TOTP secrets and recovery-code seeds in allauth's ``Authenticator.data``
    with the MFA adapter's own ``encrypt``/``decrypt``; each row is locked while rewritten (a
    recovery code being used at the same time updates the same JSON)."""
    rewritten = 0
    for pk in list(model._base_manager.values_list("pk", flat=True)):
        with transaction.atomic():
            auth = model._base_manager.select_for_update().get(pk=pk)
            data = dict(getattr(auth, "data", None) or {})
            changed = 0
            for key in MFA_SECRET_KEYS:
                if isinstance(data.get(key), str) and not crypto.is_current(data[key]):
                    data[key] = encrypt(decrypt(data[key]))
                    changed += 1
            for key in MFA_SECRET_LISTS:
                codes = data.get(key)
                if isinstance(codes, list) and not all(crypto.is_current(c) for c in codes):
                    data[key] = [encrypt(decrypt(c)) for c in codes]
                    changed += 1
            if changed:
                model._base_manager.filter(pk=pk).update(data=data)
                rewritten += changed
    return rewritten


@dataclass
class Usage:
    """How the stored values of one place (``table.column``) are encrypted: counts per
    ``<format>:<key id>`` label (``v2:1a2b3c4d``), or ``?`` for a value that is no ciphertext."""

    place: str
    labels: Counter[str] = field(default_factory=Counter)

    def stale(self, current: str) -> Counter[str]:
        """The labels that are not the newest format under the newest key."""
        fresh = {f"{crypto.PREFIX}:{current}", f"nb1:{current}"}
        return Counter({k: n for k, n in self.labels.items() if k not in fresh})


def _text_label(head: str) -> str:
    try:
        prefix, key_id, _body = crypto.parse(head + "AAAA")
    except crypto.DecryptionError:
        return "?"
    return f"{prefix}:{key_id}"


def census(models_: Iterable[type[models.Model]], *, authenticator: Any = None) -> list[Usage]:
    """Which key (and format) every encrypted value of ``models_`` uses, counted in the
    database (only the first bytes of each value are read)."""
    result: list[Usage] = []
    for model in models_:
        table = model._meta.db_table
        manager = model._base_manager
        for tf in text_fields(model):
            usage = Usage(f"{table}.{tf.column}")
            heads = (
                manager.exclude(**{f"{tf.attname}__isnull": True})
                .exclude(**{tf.attname: ""})
                .annotate(head=Substr(tf.attname, 1, _TEXT_HEAD, output_field=models.TextField()))
                .values("head")
                .annotate(n=Count("pk"))
                .order_by()
            )
            for row in heads:
                usage.labels[_text_label(row["head"])] += row["n"]
            result.append(usage)
        for bf in binary_fields(model):
            usage = Usage(f"{table}.{bf.column}")
            heads = (
                manager.annotate(head=Substr(bf.attname, 1, _BYTES_HEAD, output_field=bf))
                .values("head")
                .annotate(n=Count("pk"))
                .order_by()
            )
            for row in heads:
                head = bytes(row["head"] or b"")
                ok = head.startswith(crypto.BYTES_PREFIX) and len(head) == _BYTES_HEAD
                label = "nb1:" + crypto.key_id_of_bytes(head) if ok else "?"
                usage.labels[label] += row["n"]
            result.append(usage)
    if authenticator is not None:
        usage = Usage(f"{authenticator._meta.db_table}.data")
        for data in authenticator._base_manager.values_list("data", flat=True):
            data = data or {}
            values = [data[k] for k in MFA_SECRET_KEYS if isinstance(data.get(k), str)]
            for key in MFA_SECRET_LISTS:
                values += [c for c in data.get(key) or [] if isinstance(c, str)]
            for value in values:
                usage.labels[_text_label(value[:_TEXT_HEAD])] += 1
        result.append(usage)
    return result


def migrate_app(
    apps: Any, app_label: str, *, plaintext: dict[str, list[str]] | None = None
) -> None:
    """The data step of the migrations that bind an app's encrypted values (RunPython): give
    rows their ``RowIdentityField`` value, then move every value to the bound format under the
    newest key; ``plaintext`` maps a model name to the columns encrypted from now on."""
    for model in apps.get_app_config(app_label).get_models():
        if any(isinstance(f, RowIdentityField) for f in model._meta.concrete_fields):
            fill_row_identities(model)
        reseal_text(model, plaintext=(plaintext or {}).get(model._meta.model_name, ()))
