"""API tokens: issue (shown once, only the SHA-256 stored), revoke (one-way), revoke all on a
change of access, and the per-request lookup of a bearer token."""

from __future__ import annotations

import secrets
from datetime import timedelta
from functools import cache
from typing import Any

from django.conf import settings
from django.db import connection, connections, transaction
from django.db.models import Model
from django.utils import timezone

from naungan.areas.models import Area
from naungan.core.audit import audit_record
from naungan.core.models import AuditAction
from naungan.orgs.models import Organisation

from ..models import ApiToken, TokenRevokeReason, User

TOKEN_PREFIX = "ngn_"  # noqa: S105 - a public prefix, not a secret


@transaction.atomic
def token_issue(*, user: User, name: str = "", actor: User | None = None) -> str:
    """Issue a new API token for ``user``; returns the raw token, which is never stored. It
    expires after ``TOKEN_MAX_AGE_DAYS``. A token is a credential of its own (CONTRACT §2):
    whether the caller had to pass a second factor or sign in recently is the caller's check
    (the tokens page does; ``issue_token`` is run by the operator)."""
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user,
        name=name,
        prefix=raw[:10],
        digest=ApiToken.hash(raw),
        expires_at=timezone.now() + timedelta(days=settings.TOKEN_MAX_AGE_DAYS),
    )
    audit_record(
        actor=actor or user,
        action=AuditAction.CREATE,
        obj=token,
        area_code=user.area.code if user.area else "",
        actor_label="" if actor or user else "system",
    )
    return raw


def _revoke(*, token: ApiToken, reason: str, actor: User | None) -> None:
    token.revoked_at = timezone.now()
    token.revoked_reason = reason
    token.save(update_fields=["revoked_at", "revoked_reason", "updated_at"])
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=token,
        area_code=token.user.area.code if token.user.area else "",
        reason=f"revoked: {reason}",
        actor_label="" if actor else "system",
    )


@transaction.atomic
def token_revoke(*, user: User, token_id: int) -> ApiToken:
    """Revoke one of ``user``'s own tokens (404-equivalent DoesNotExist for anyone else's)."""
    token = ApiToken.objects.select_for_update().get(
        pk=token_id, user=user, revoked_at__isnull=True
    )
    _revoke(token=token, reason=TokenRevokeReason.BY_OWNER, actor=user)
    return token


@transaction.atomic
def token_revoke_by_admin(*, actor: User, token: ApiToken) -> bool:
    """An administrator revokes a token (one-way: nothing un-revokes). False if it already was."""
    # Lock the token row only: the user's area is a nullable join PostgreSQL cannot lock.
    token = (
        ApiToken.objects.select_for_update(of=("self",))
        .select_related("user__area")
        .get(pk=token.pk)
    )
    if token.revoked_at is not None:
        return False
    _revoke(token=token, reason=TokenRevokeReason.BY_ADMIN, actor=actor)
    return True


@transaction.atomic
def tokens_revoke_all(*, user: User, reason: str, actor: User | None = None) -> int:
    """Revoke every live token of ``user`` (password changed, account deactivated, access
    changed). Returns how many were revoked."""
    tokens = list(
        ApiToken.objects.select_for_update(of=("self",))
        .select_related("user__area")
        .filter(user=user, revoked_at__isnull=True)
    )
    for token in tokens:
        _revoke(token=token, reason=reason, actor=actor)
    return len(tokens)


# The token, its user and the user's area and organisation: what
# ``select_related("user", "user__area", "user__organisation")`` loads, in one hand-written
# query compiled once per database instead of by the ORM on every API request (compiling that
# query cost more than running it; docs/performance.md). Columns and converters come from the
# models' metadata, so the objects are exactly what the ORM would build.
_TOKEN_JOIN: tuple[tuple[type[Model], str], ...] = (
    (ApiToken, "t"),
    (User, "u"),
    (Area, "a"),
    (Organisation, "o"),
)


@cache
def _token_query(alias: str) -> tuple[str, list[tuple[type[Model], list[str], list[Any]]]]:
    conn = connections[alias]
    qn = conn.ops.quote_name
    columns: list[str] = []
    parts: list[tuple[type[Model], list[str], list[Any]]] = []
    for model, tab in _TOKEN_JOIN:
        fields = model._meta.concrete_fields
        columns += [f"{tab}.{qn(str(f.column))}" for f in fields]
        converters = []
        for f in fields:
            expression = f.get_col(tab)
            convs = conn.ops.get_db_converters(expression) + expression.get_db_converters(conn)
            converters.append((convs, expression) if convs else None)
        parts.append((model, [f.attname for f in fields], converters))

    def col(model: type[Model], name: str) -> str:
        return qn(str(model._meta.get_field(name).column))  # type: ignore[union-attr]

    sql = (
        f"SELECT {', '.join(columns)} FROM {qn(ApiToken._meta.db_table)} t "  # noqa: S608
        f"JOIN {qn(User._meta.db_table)} u ON u.{col(User, 'id')} = t.{col(ApiToken, 'user')} "
        f"LEFT JOIN {qn(Area._meta.db_table)} a ON a.{col(Area, 'id')} = u.{col(User, 'area')} "
        f"LEFT JOIN {qn(Organisation._meta.db_table)} o "
        f"ON o.{col(Organisation, 'id')} = u.{col(User, 'organisation')} "
        f"WHERE t.{col(ApiToken, 'digest')} = %s AND t.{col(ApiToken, 'revoked_at')} IS NULL"
    )
    return sql, parts


def _token_load(digest: str) -> ApiToken | None:
    """The unrevoked token with ``digest``, its user, area and organisation loaded."""
    sql, parts = _token_query(connection.alias)
    with connection.cursor() as cursor:
        cursor.execute(sql, [digest])
        row = cursor.fetchone()
    if row is None:
        return None
    objects: list[Any] = []
    start = 0
    for model, names, converters in parts:
        values = list(row[start : start + len(names)])
        start += len(names)
        for i, conv in enumerate(converters):
            if conv is not None:
                for convert in conv[0]:
                    values[i] = convert(values[i], conv[1], connection)
        pk = values[names.index(model._meta.pk.attname)]
        objects.append(None if pk is None else model.from_db(connection.alias, names, values))
    token, user, area, organisation = objects
    ApiToken._meta.get_field("user").set_cached_value(token, user)
    User._meta.get_field("area").set_cached_value(user, area)
    User._meta.get_field("organisation").set_cached_value(user, organisation)
    return token  # type: ignore[no-any-return]


def token_authenticate(raw: str) -> User | None:
    """The active user owning an unrevoked, unexpired token, or None."""
    if not raw.startswith(TOKEN_PREFIX):
        return None
    now = timezone.now()
    token = _token_load(ApiToken.hash(raw))
    if token is None or not token.user.is_active:
        return None
    if token.expires_at is not None and token.expires_at <= now:
        return None
    # Touch last_used_at at most once a minute: no write per request.
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user
