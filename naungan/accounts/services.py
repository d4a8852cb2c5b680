from __future__ import annotations

import secrets
from functools import cache
from typing import Any

from django.contrib.auth.models import Group, Permission
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import connection, connections, transaction
from django.db.models import Model
from django.utils import timezone
from django.utils.translation import gettext as _

from naungan.areas.models import Area
from naungan.core.audit import audit_record
from naungan.core.models import AuditAction
from naungan.orgs.models import Organisation

from .models import ApiToken, Role, User

TOKEN_PREFIX = "ngn_"  # noqa: S105 - a public prefix, not a secret

# What the admin role may manage in the Django admin: accounts, organisations, areas and the
# audit metadata. No permission on any case-data model is ever granted to this group.
ADMIN_GROUP = "naungan-admin"
ADMIN_PERMISSIONS = {
    "accounts": ["add", "change", "view"],
    "orgs": ["add", "change", "view"],
    "areas": ["change", "view"],
    "core": ["view"],
}
# Configuration that lives in domain apps but holds no case content.
ADMIN_MODEL_PERMISSIONS = {("reports", "triageclock"): ["add", "change", "delete", "view"]}


def admin_group() -> Group:
    group, _created = Group.objects.get_or_create(name=ADMIN_GROUP)
    if not group.permissions.exists():
        perms = Permission.objects.none()
        for app, actions in ADMIN_PERMISSIONS.items():
            perms |= Permission.objects.filter(
                content_type__app_label=app,
                codename__regex=rf"^({'|'.join(actions)})_",
            )
        for (app, model), actions in ADMIN_MODEL_PERMISSIONS.items():
            perms |= Permission.objects.filter(
                content_type__app_label=app, codename__in=[f"{a}_{model}" for a in actions]
            )
        group.permissions.set(perms)
    return group


@transaction.atomic
def staff_create(
    *,
    actor: User | None,
    username: str,
    password: str,
    role: str,
    org_slug: str,
    area_code: str,
    email: str = "",
    check_password: bool = True,
) -> User:
    """Create an active staff account. Unknown role, organisation or area → ValidationError and
    nothing is created. Callers: administrators and the ``create_staff`` command."""
    errors: dict[str, str] = {}
    if role not in Role.values:
        errors["role"] = _("Peran tidak dikenal: %(v)s (pilihan: %(c)s)") % {
            "v": role,
            "c": ", ".join(Role.values),
        }
    org = Organisation.objects.filter(slug=org_slug).first()
    if org is None:
        errors["org"] = _("Organisasi tidak dikenal: %(v)s") % {"v": org_slug}
    area = Area.objects.filter(code=area_code).first()
    if area is None:
        errors["area"] = _("Kode wilayah tidak dikenal: %(v)s") % {"v": area_code}
    if User.objects.filter(username__iexact=username).exists():
        errors["username"] = _("Nama pengguna sudah dipakai: %(v)s") % {"v": username}
    if errors:
        raise ValidationError(errors)
    user = User(
        username=username,
        email=email,
        role=role,
        organisation=org,
        area=area,
        is_staff=(role == Role.ADMIN),
    )
    if check_password:
        validate_password(password, user)
    user.set_password(password)
    user.full_clean()
    user.save()
    if role == Role.ADMIN:
        user.groups.add(admin_group())
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        obj=user,
        actor_label="" if actor else "system",
        area_code=area_code,
    )
    return user


@transaction.atomic
def token_issue(*, user: User, name: str = "", actor: User | None = None) -> str:
    """Issue a new API token for ``user``; returns the raw token, which is never stored."""
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user, name=name, prefix=raw[:10], digest=ApiToken.hash(raw)
    )
    audit_record(
        actor=actor or user,
        action=AuditAction.CREATE,
        obj=token,
        actor_label="" if actor or user else "system",
    )
    return raw


@transaction.atomic
def token_revoke(*, user: User, token_id: int) -> ApiToken:
    """Revoke one of ``user``'s own tokens (404-equivalent DoesNotExist for anyone else's)."""
    token = ApiToken.objects.select_for_update().get(
        pk=token_id, user=user, revoked_at__isnull=True
    )
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at", "updated_at"])
    audit_record(actor=user, action=AuditAction.UPDATE, obj=token, reason="revoked")
    return token


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
    """The active user owning an unrevoked token, or None."""
    if not raw.startswith(TOKEN_PREFIX):
        return None
    token = _token_load(ApiToken.hash(raw))
    if token is None or not token.user.is_active:
        return None
    now = timezone.now()
    # Touch last_used_at at most once a minute: no write per request.
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user
