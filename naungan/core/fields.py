"""Encrypted model fields and blind indexes.

``EncryptedTextField`` stores AES-GCM ciphertext bound to its table, column and row, and gives
plaintext to Python code. The row is named by a stable identity that exists before the INSERT:
the model's ``public_id``, or else its ``RowIdentityField`` (a UUID made at instantiation). The
sequential primary key cannot serve: it is unknown until the row is inserted, and the single
statement inserts (reports, synthetic data) encrypt before that.

Encryption happens in ``pre_save`` (which sees the instance, on ``save``, ``bulk_create`` and
the hand-built INSERTs that call it); decryption happens lazily in the field's descriptor, the
first time the attribute is read, with the instance's identity. Rows read with
``values()``/``values_list()`` therefore carry the stored ciphertext (``Ciphertext``), never a
plaintext decrypted without its binding.

The field cannot be filtered on (a lookup of a plaintext raises ``FieldError``): exact lookups go
through a separate ``BlindIndexField`` filled by the service that writes the record
(``blind_index(kind, value)``). Only emptiness can be compared (constraints such as "a named
report has a name"). ``QuerySet.update()`` and
``bulk_update()`` with a plaintext value are refused or meaningless: they do not know the row.
"""

from __future__ import annotations

import json
import uuid
from typing import Any

from django.core.exceptions import FieldError, ImproperlyConfigured
from django.db import models
from django.db.models.lookups import Exact
from django.db.models.query_utils import DeferredAttribute

from . import crypto
from .normalize import normalize_nik, normalize_phone

_NORMALIZERS = {"phone": normalize_phone, "nik": normalize_nik, "text": lambda v: v.strip().lower()}

# What a non-empty plaintext compares as in a query (constraint checks compare with ""): never a
# stored value, so an accidental lookup matches nothing rather than leaking a ciphertext.
_COMPARED_AS = "[encrypted]"


def blind_index(kind: str, value: str | None) -> str:
    """The keyed hash used to find ``value`` exactly; empty for an empty value."""
    if not value:
        return ""
    norm = _NORMALIZERS[kind](value)
    return crypto.keyed_hash(norm, purpose=f"blind:{kind}") if norm else ""


class Ciphertext(str):
    """A value exactly as it is stored in an encrypted column (never plaintext)."""

    __slots__ = ()


class RowIdentityField(models.UUIDField):
    """A UUID made when the instance is created, for models without ``public_id``: the row
    identity their encrypted values are bound to. Never shown, never changed."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("default", uuid.uuid4)
        kwargs.setdefault("unique", True)
        kwargs.setdefault("editable", False)
        super().__init__(*args, **kwargs)


def row_identity_field(model: type[models.Model]) -> models.Field[Any, Any]:
    """The field that names a row of ``model`` in its ciphertexts' binding."""
    for field in model._meta.concrete_fields:
        if isinstance(field, RowIdentityField):
            return field
    try:
        return model._meta.get_field("public_id")  # type: ignore[return-value]
    except Exception as exc:
        raise ImproperlyConfigured(
            f"{model._meta.label} has encrypted fields but neither public_id nor a "
            "RowIdentityField to bind them to"
        ) from exc


class _EncryptedAttribute(DeferredAttribute):
    """Decrypts a loaded value on first read, with the instance's identity, and keeps the
    plaintext on the instance (a data descriptor, so every read passes through it)."""

    def __get__(self, instance: Any, cls: Any = None) -> Any:
        if instance is None:
            return self
        value = super().__get__(instance, cls)
        if isinstance(value, Ciphertext):
            field: EncryptedTextField = self.field  # type: ignore[assignment]
            value = field.open(instance, value)
            instance.__dict__[field.attname] = value
        return value

    def __set__(self, instance: Any, value: Any) -> None:
        instance.__dict__[self.field.attname] = value


def _refuse_filter(field: str) -> FieldError:
    return FieldError(
        f"{field} is encrypted: it can only be compared with '' (use a blind index to search)"
    )


class _EncryptedExact(Exact):
    """``= ''`` (emptiness, e.g. in a check constraint) or ``=`` a stored ciphertext; a lookup
    of a plaintext would silently match nothing, so it is refused."""

    def __init__(self, lhs: Any, rhs: Any) -> None:
        if not (
            rhs is None
            or rhs == ""
            or isinstance(rhs, Ciphertext)
            or hasattr(rhs, "resolve_expression")
        ):
            raise _refuse_filter(str(getattr(lhs, "target", lhs)))
        super().__init__(lhs, rhs)


class EncryptedTextField(models.TextField):
    """Text encrypted at rest, bound to table, column and row. Empty strings and None are
    stored as they are."""

    description = "Encrypted text"
    descriptor_class = _EncryptedAttribute

    def context(self, row: object) -> str:
        return crypto.binding(self.model._meta.db_table, str(self.column), row)

    def row_of(self, instance: models.Model) -> object:
        identity = getattr(instance, row_identity_field(type(instance)).attname)
        if identity is None:
            raise crypto.DecryptionError("row has no identity to bind its encrypted values to")
        # One spelling whatever was assigned (a UUID or its text), as it reads back from the DB.
        return identity if isinstance(identity, uuid.UUID) else uuid.UUID(str(identity))

    def seal(self, instance: models.Model, plaintext: str) -> Ciphertext:
        """The stored form of ``plaintext`` in this column of ``instance``'s row."""
        return Ciphertext(crypto.encrypt(plaintext, context=self.context(self.row_of(instance))))

    def open(self, instance: models.Model, stored: str) -> str:
        """The plaintext of ``stored`` if it belongs to this column of ``instance``'s row."""
        return self.open_for_row(self.row_of(instance), stored)

    def open_for_row(self, row: object, stored: str) -> str:
        try:
            return crypto.decrypt(stored, context=self.context(row))
        except crypto.DecryptionError as exc:
            # Names the place, never the value: a moved, tampered or unkeyed ciphertext.
            raise crypto.DecryptionError(
                f"{self.model._meta.db_table}.{self.column} of row {row}: {exc}"
            ) from exc

    def get_lookup(self, lookup_name: str) -> Any:
        if lookup_name == "isnull":
            return super().get_lookup(lookup_name)
        if lookup_name == "exact":
            return _EncryptedExact
        raise _refuse_filter(f"{self.model._meta.label}.{self.name}")

    def pre_save(self, model_instance: models.Model, add: bool) -> Any:
        value = getattr(model_instance, self.attname)
        if value is None or value == "":
            return value
        return self.seal(model_instance, str(value))

    def from_db_value(self, value: Any, expression: Any, connection: Any) -> Any:
        if value is None or value == "":
            return value
        return Ciphertext(value)

    def get_prep_value(self, value: Any) -> Any:
        if value is None or value == "" or isinstance(value, Ciphertext):
            return value
        # A plaintext here did not pass through pre_save: a check constraint evaluated in Python
        # (only emptiness is meaningful), a bulk_update, or an UPDATE without a row (refused
        # in get_db_prep_save). Lookups of plaintext are refused (get_lookup).
        return _COMPARED_AS

    def get_db_prep_save(self, value: Any, connection: Any) -> Any:
        if value is None or value == "" or isinstance(value, Ciphertext):
            return value
        raise FieldError(
            f"{self.model._meta.label}.{self.name} is encrypted per row: write it with save() "
            "or bulk_create(), not QuerySet.update()"
        )

    def value_to_string(self, obj: Any) -> str:
        # Serialisers (dumpdata, auditlog) never see the plaintext.
        return "[encrypted]"


class EncryptedJSONField(EncryptedTextField):
    """A JSON object, encrypted at rest as its JSON text, bound like ``EncryptedTextField``
    (e.g. the answers of a risk assessment). Python code sees a ``dict``; an empty one is
    stored as ``""`` (no ciphertext for nothing). A decrypted text that is not an object of the
    field's kind reads as an empty one."""

    description = "Encrypted JSON"
    empty: type[dict[str, Any]] | type[list[Any]] = dict
    # What django-stubs reads as the attribute's type on a model (JSON, not text).
    _pyi_private_set_type: dict[str, Any]  # type: ignore[assignment]
    _pyi_private_get_type: dict[str, Any]  # type: ignore[assignment]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("default", self.empty)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def decode(self, text: str) -> Any:
        """The value a stored (decrypted) JSON text holds."""
        try:
            value = json.loads(text)
        except ValueError:
            return self.empty()
        return value if isinstance(value, self.empty) else self.empty()

    def encode(self, value: Any) -> str:
        """The text a value is stored as (``""`` for an empty one); a text is taken as it is."""
        if value is None or value == "":
            return ""
        if isinstance(value, str):
            return value
        return json.dumps(value, separators=(",", ":"), ensure_ascii=False) if value else ""

    def open(self, instance: models.Model, stored: str) -> Any:
        return self.decode(self.open_for_row(self.row_of(instance), stored))

    def pre_save(self, model_instance: models.Model, add: bool) -> Any:
        value = getattr(model_instance, self.attname)
        if isinstance(value, Ciphertext):
            return value
        text = self.encode(value)
        return self.seal(model_instance, text) if text else ""

    def from_db_value(self, value: Any, expression: Any, connection: Any) -> Any:
        if value is None or value == "":
            return self.empty()
        return Ciphertext(value)

    def to_python(self, value: Any) -> Any:
        return self.empty() if value in (None, "") else value

    def get_prep_value(self, value: Any) -> Any:
        if isinstance(value, dict | list | tuple) and not value:
            return ""
        return super().get_prep_value(value)

    def get_db_prep_save(self, value: Any, connection: Any) -> Any:
        if isinstance(value, dict | list | tuple) and not value:
            return ""
        return super().get_db_prep_save(value, connection)


class EncryptedKeyListField(EncryptedJSONField):
    """A list of short keys (e.g. the triage checklist items ticked), encrypted at rest as the
    JSON text of the list; Python code sees ``list[str]``, an empty list is stored as ``""``."""

    description = "Encrypted list of keys"
    empty = list
    _pyi_private_set_type: list[str]  # type: ignore[assignment]
    _pyi_private_get_type: list[str]  # type: ignore[assignment]

    def decode(self, text: str) -> Any:
        return [str(v) for v in super().decode(text)]

    def encode(self, value: Any) -> str:
        if isinstance(value, list | tuple):
            value = [str(v) for v in value]
        return super().encode(value)


class EncryptedBinaryField(models.BinaryField):
    """A file's bytes as ``crypto.encrypt_bytes`` sealed them, bound to the row's
    ``public_id``. The service encrypts and decrypts (it also checks the recorded SHA-256); the
    field marks the column for key rotation (``rotate_field_keys``)."""

    description = "Encrypted bytes"


class BlindIndexField(models.CharField):
    description = "Keyed hash for exact lookup"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 64)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", "")
        kwargs.setdefault("db_index", True)
        kwargs.setdefault("editable", False)
        super().__init__(*args, **kwargs)
