from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _

from naungan.core.registry import AuditTarget

from .models import ApiToken, User


def tokens_of(*, user: User) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(user=user).order_by("-created_at")


def user_has_second_factor(user: User) -> bool:
    from allauth.mfa.models import Authenticator

    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def user_display_name(user: User) -> str:
    """A person's name as staff read it: the full name, else the username."""
    return user.get_full_name() or user.get_username()


# --- the audit log (core.registry.register_audit_kind) -----------------------------------------


def _pks(object_ids: list[str]) -> list[int]:
    return [int(i) for i in object_ids if i.isdigit()]


def _admin_url(reader: Any, perm: str, name: str, pk: int) -> str:
    """The Django admin page of a record, for a reader whose permissions open it (the admin
    role's group); nobody else has a page for accounts or organisations."""
    if not (getattr(reader, "is_staff", False) and reader.has_perm(perm)):
        return ""
    return reverse(name, args=[pk])


def audit_describe(reader: Any, object_type: str, object_ids: list[str]) -> dict[str, AuditTarget]:
    """A user by name (and username), a token by its prefix and owner; linked to the Django
    admin for an administrator."""
    pks = _pks(object_ids)
    if object_type == "accounts.apitoken":
        tokens = ApiToken.objects.filter(pk__in=pks).select_related("user")
        return {
            str(t.pk): AuditTarget(
                label=_("Token API %(prefix)s… · %(owner)s")
                % {"prefix": t.prefix, "owner": user_display_name(t.user)},
                url=_admin_url(
                    reader, "accounts.view_apitoken", "admin:accounts_apitoken_change", t.pk
                ),
            )
            for t in tokens
        }
    users = User.objects.filter(pk__in=pks).only("pk", "username", "first_name", "last_name")
    out = {}
    for user in users:
        name = user_display_name(user)
        label = name if name == user.username else f"{name} ({user.username})"
        out[str(user.pk)] = AuditTarget(
            label=label,
            url=_admin_url(reader, "accounts.view_user", "admin:accounts_user_change", user.pk),
        )
    return out


def audit_search(reader: Any, text: str) -> Q:
    """Events about the accounts whose name or username contains ``text``."""
    pks = User.objects.filter(
        Q(username__icontains=text) | Q(first_name__icontains=text) | Q(last_name__icontains=text)
    ).values_list("pk", flat=True)[:50]
    return Q(object_type="accounts.user", object_id__in=[str(pk) for pk in pks])
