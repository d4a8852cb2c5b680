"""Storage of a new report together with its idempotency record and audit event: one
INSERT statement on PostgreSQL (docs/performance.md), the ORM elsewhere."""

from __future__ import annotations

import time
from functools import lru_cache
from typing import Any

import psycopg
from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connection, connections, models, transaction
from django.db.models import signals
from django.db.models.sql import Query

from naungan.areas.models import Area
from naungan.core.models import AuditEvent

from .. import conf
from ..models import (
    IdempotencyRecord,
    Report,
)
from .routing import _route_expression


def _report_insert(
    report: Report, record: IdempotencyRecord | None, event: AuditEvent, area: Area | None
) -> None:
    if connection.vendor != "postgresql" or _signals_listen():
        with transaction.atomic():
            report.organisation_id = _route_expression(area)
            # Validation already ran (report_validate); full_clean would repeat it with queries.
            report.save(force_insert=True)
            report.refresh_from_db(fields=["organisation"])
            if record is not None:
                record.report = report
                record.save(force_insert=True)
            event.save(force_insert=True)
    elif connection.in_atomic_block:
        with transaction.atomic():  # a savepoint: a duplicate must not spoil the caller's
            _insert_together(report, record, event)
    else:
        _insert_together(report, record, event)  # autocommit: one statement, one transaction


_MODELS = (Report, IdempotencyRecord, AuditEvent)


def _signals_listen() -> bool:
    """Whether anything (e.g. django-auditlog registering Report) listens to saves of the
    models stored together; the single-statement insert would bypass it."""
    return any(
        sig.has_listeners(model)
        for sig in (signals.pre_save, signals.post_save)
        for model in _MODELS
    )


def _columns(model: type[models.Model], *skip: str) -> list[Any]:
    return [
        f
        for f in model._meta.concrete_fields
        if not f.primary_key and not f.generated and f.attname not in skip
    ]


_REPORT_FIELDS = _columns(Report, "organisation_id")
_RECORD_FIELDS = _columns(IdempotencyRecord, "report_id")
_EVENT_FIELDS = _columns(AuditEvent)


_PLAIN_FIELDS = (models.CharField, models.TextField, models.BooleanField, models.IntegerField)


def _plain(field: Any) -> bool:
    """A field whose value of its own Python type goes to the database unchanged: one of the
    plain Django types, with none of the methods that prepare a value overridden (an encrypted
    field overrides them, a foreign key is not one of these types)."""
    cls = type(field)
    base = next((b for b in _PLAIN_FIELDS if isinstance(field, b)), None)
    return (
        base is not None
        and cls.pre_save is models.Field.pre_save
        and cls.get_db_prep_save is models.Field.get_db_prep_save
        and cls.get_db_prep_value is base.get_db_prep_value
        and cls.get_prep_value is base.get_prep_value
    )


_PLAIN_TYPES = {models.BooleanField: bool, models.IntegerField: int}


def _field_plan(fields: list[Any]) -> list[tuple[Any, str, type | None]]:
    plan = []
    for f in fields:
        kind = next((t for b, t in _PLAIN_TYPES.items() if isinstance(f, b)), str)
        plan.append((f, f.attname, kind if _plain(f) else None))
    return plan


def _values(obj: models.Model, fields: list[Any], conn: Any) -> list[Any]:
    """What the ORM's INSERT would send: ``pre_save`` fills auto_now(_add) timestamps, and
    ``get_db_prep_save`` encrypts encrypted fields and adapts JSON, UUIDs and dates. A value of
    a plain field that already has the field's type is sent as it is (what that preparation
    would return anyway, at a fraction of the cost)."""
    out = []
    for f, attname, kind in _PLANS[id(fields)]:
        value = obj.__dict__.get(attname) if kind is not None else None
        if value is not None and type(value) is kind:
            out.append(value)
        else:
            out.append(f.get_db_prep_save(f.pre_save(obj, True), conn))
    return out


_PLANS = {id(f): _field_plan(f) for f in (_REPORT_FIELDS, _RECORD_FIELDS, _EVENT_FIELDS)}


# The routing rule compiled to SQL once per area (it holds codes and settings, never ids, so it
# cannot go stale: the database evaluates it inside the INSERT).
_ROUTE_SQL: dict[tuple[str, str, str], tuple[str, tuple[Any, ...]]] = {}


def _route_sql(area: Area | None) -> tuple[str, tuple[Any, ...]]:
    key = (connection.alias, area.code if area else "", conf.default_org_slug())
    compiled = _ROUTE_SQL.get(key)
    if compiled is None:
        query = Query(Report)
        expression = _route_expression(area).resolve_expression(query)
        sql, params = query.get_compiler(connection=connection).compile(expression)
        if len(_ROUTE_SQL) > 20_000:
            _ROUTE_SQL.clear()
        # Codes and settings bound once, quoted by psycopg: no parameters left for each call.
        literal = connection.ops.compose_sql(sql, params).replace("%", "%%")  # type: ignore[attr-defined]
        compiled = _ROUTE_SQL[key] = (literal, ())
    return compiled


@lru_cache(maxsize=1024)
def _insert_sql(route: str, with_record: bool, nulls: tuple[bool, ...]) -> str:
    """The statement of ``_insert_together`` for one compiled routing rule. Its text holds only
    quoted identifiers from the models' metadata, the routing rule compiled by Django and
    ``NULL`` where ``nulls`` says a value is None; every other value is a parameter.

    (Writing NULLs into the text keeps a public report under psycopg's 50 parameters, so that
    psycopg converts the statement once per connection instead of on every call.)"""
    quote = connection.ops.quote_name
    marks_left = iter(nulls)

    def insert(model: type[models.Model], fields: list[Any], *extra: str) -> str:
        columns = ", ".join([quote(f.column) for f in fields] + [quote(e) for e in extra])
        return f"INSERT INTO {quote(model._meta.db_table)} ({columns})"

    def marks(fields: list[Any]) -> str:
        return ", ".join(["NULL" if next(marks_left) else "%s" for _f in fields])

    parts = [
        f"WITH r AS ({insert(Report, _REPORT_FIELDS, 'organisation_id')} "
        f"VALUES ({marks(_REPORT_FIELDS)}, {route}) RETURNING id, organisation_id)"
    ]
    if with_record:
        parts.append(
            f"i AS ({insert(IdempotencyRecord, _RECORD_FIELDS, 'report_id')} "  # noqa: S608
            f"SELECT {marks(_RECORD_FIELDS)}, r.id FROM r)"
        )
    parts.append(f"a AS ({insert(AuditEvent, _EVENT_FIELDS)} VALUES ({marks(_EVENT_FIELDS)}))")
    return ", ".join(parts) + " SELECT id, organisation_id FROM r"  # noqa: S608


def _execute_prepared(sql: str, params: list[Any]) -> Any:
    """Run ``sql`` as a server-side prepared statement (psycopg, server-side binding) and
    return its one row. PostgreSQL then parses and plans the statement once per connection
    instead of on every report (planning alone cost as much as executing it). Django's
    connection handling (health check, error translation, query log) still applies."""
    with connection.cursor():
        pass  # connects, and runs the health check when it is due
    started = time.monotonic()
    with connection.wrap_database_errors, psycopg.Cursor(connection.connection) as cursor:
        cursor.execute(sql, params, prepare=True)
        row = cursor.fetchone()
    if connection.queries_logged:
        connection.queries_log.append(
            {"sql": sql, "time": f"{time.monotonic() - started:.3f}"}  # parameters not logged
        )
    return row


def _insert_together(report: Report, record: IdempotencyRecord | None, event: AuditEvent) -> None:
    """One round trip: a single INSERT ... RETURNING statement whose data-modifying CTEs store
    the report (the responsible unit chosen by a sub-select), the idempotency record pointing at
    it and the audit event. One statement is atomic: a duplicate key or tracking code raises
    IntegrityError and stores none of the three."""
    route, route_params = _route_sql(report.area)
    conn = connections[DEFAULT_DB_ALIAS]  # the wrapper itself: the proxy costs per access
    values = _values(report, _REPORT_FIELDS, conn)
    if record is not None:
        values += _values(record, _RECORD_FIELDS, conn)
    values += _values(event, _EVENT_FIELDS, conn)
    nulls = tuple(v is None for v in values)
    params = [v for v in values if v is not None]
    n_report = len(_REPORT_FIELDS) - sum(nulls[: len(_REPORT_FIELDS)])
    params[n_report:n_report] = route_params  # the routing sub-select follows the report's values
    sql = _insert_sql(route, record is not None, nulls)
    if getattr(settings, "DB_PREPARED_INTAKE", True):
        report.pk, report.organisation_id = _execute_prepared(sql, params)
    else:
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            report.pk, report.organisation_id = cursor.fetchone()
    report._state.adding = False
    report._state.db = connection.alias
    if record is not None:
        record.report = report
