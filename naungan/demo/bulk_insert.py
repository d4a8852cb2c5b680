"""Fast inserts of many rows for synthetic data: PostgreSQL ``COPY`` with values prepared as
``save`` would prepare them (encryption, JSON, timestamps); ``bulk_create`` elsewhere."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from django.db import connection, models
from django.utils import timezone

from naungan.core.fields import EncryptedTextField

BATCH = 1000


def insert_rows(model: type[models.Model], objs: list[Any], *, with_ids: bool = False) -> None:
    """Insert rows fast. On PostgreSQL through COPY, values prepared by the fields themselves
    (encryption and JSON as in ``save``); ``with_ids`` first draws primary keys from the
    table's sequence so later rows can point at these. Elsewhere ``bulk_create``."""
    if not objs:
        return
    if connection.vendor != "postgresql":
        model._default_manager.bulk_create(objs, batch_size=BATCH)
        return
    table = model._meta.db_table
    # A UUID primary key is made in Python (``default=uuid4``) and written like any column.
    auto_pk = isinstance(model._meta.pk, models.AutoField)
    if with_ids and auto_pk:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
                [table, len(objs)],
            )
            for obj, (pk,) in zip(objs, cursor.fetchall(), strict=True):
                obj.pk = pk
    fields = [
        f for f in model._meta.concrete_fields if with_ids or not auto_pk or not f.primary_key
    ]
    quote = connection.ops.quote_name
    columns = ", ".join(quote(str(f.column)) for f in fields)
    sql = f"COPY {quote(table)} ({columns}) FROM STDIN"
    convert = [_converter(f) for f in fields]
    with connection.cursor() as cursor, cursor.cursor.copy(sql) as copy:
        for obj in objs:
            copy.write_row([c(obj) for c in convert])


def _converter(f: models.Field[Any, Any]) -> Callable[[Any], Any]:
    """The stored value of ``f`` for an object, as ``save`` would write it (timestamps: now)."""
    attname = f.attname
    if isinstance(f, EncryptedTextField):
        return lambda o: f.pre_save(o, True)  # sealed for its table, column and row
    if isinstance(f, models.JSONField):
        return lambda o: json.dumps(getattr(o, attname))
    if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
        stamp = timezone.now()
        return lambda o: stamp
    return lambda o: getattr(o, attname)
