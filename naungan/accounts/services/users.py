"""Writes on staff accounts: creation, access changes (role, area, organisation, active flag),
e-mail and language changes, forced password resets and second-factor audit; the admin group's
permissions. Every access or e-mail change is audited in the user's area and ends the user's
API tokens where access changed."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import Group, Permission
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from naungan.areas.models import Area
from naungan.core.audit import audit_record
from naungan.core.models import AuditAction
from naungan.orgs.models import Organisation

from ..models import Role, TokenRevokeReason, User
from .tokens import tokens_revoke_all

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
        reason=f"role={role} org={org_slug} area={area_code}",
    )
    return user


@transaction.atomic
def staff_register_from_admin(*, actor: User, user: User, request: Any = None) -> User:
    """Save an account made on the admin's add page (its form set username, password, role,
    organisation and area): the admin role gets the admin flag and group, and the creation is
    audited in the account's area, as ``staff_create`` does."""
    user.is_staff = user.role == Role.ADMIN
    user.is_superuser = False
    user.full_clean()
    user.save()
    if user.role == Role.ADMIN:
        user.groups.add(admin_group())
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        obj=user,
        reason=f"role={user.role} org={_label(user.organisation)} area={_label(user.area)}",
        request=request,
    )
    return user


# --- Changes to an account ------------------------------------------------------------------

# Fields of an account that decide what it may see: changing them is audited in the areas
# concerned and ends every API token (a token carries the access of the moment it was issued).
ACCESS_FIELDS = ("role", "area", "organisation", "is_active")


class _Unset:
    pass


UNSET: Any = _Unset()


def _label(value: object) -> str:
    if value is None:
        return "-"
    return str(getattr(value, "code", None) or getattr(value, "slug", None) or value)


@transaction.atomic
def user_update_access(
    *,
    actor: User | None,
    user: User,
    role: str = UNSET,
    area: Area | None = UNSET,
    organisation: Organisation | None = UNSET,
    is_active: bool = UNSET,
    request: Any = None,
) -> list[str]:
    """Change what an account may see: its role, area, organisation or whether it is active.
    Nobody changes their own (an administrator would otherwise widen their own access); each
    change is audited with the account's old and new area, so that the supervisors of both see
    it on /audit/; every API token of the account is revoked. Returns the changed field names.
    Callers: the Django admin (``UserAdmin``), commands."""
    wanted = {"role": role, "area": area, "organisation": organisation, "is_active": is_active}
    current = User.objects.select_for_update().get(pk=user.pk)
    changes = {
        field: value
        for field, value in wanted.items()
        if value is not UNSET and getattr(current, field) != value
    }
    if not changes:
        return []
    if actor is not None and actor.pk == user.pk:
        raise ValidationError(
            _("Anda tidak dapat mengubah peran, wilayah, organisasi atau status akun Anda sendiri.")
        )
    if "role" in changes and changes["role"] not in Role.values:
        raise ValidationError({"role": _("Peran tidak dikenal: %(v)s") % {"v": changes["role"]}})
    old_area_code = current.area.code if current.area else ""
    reasons = []
    for field, value in changes.items():
        reasons.append(f"{field}: {_label(getattr(current, field))} -> {_label(value)}")
        setattr(user, field, value)
    if "role" in changes:
        # The Django admin is for the admin role only; its group carries its permissions.
        user.is_staff = user.role == Role.ADMIN
    user.full_clean(exclude=["password"])
    user.save()
    if "role" in changes:
        if user.role == Role.ADMIN:
            user.groups.add(admin_group())
        else:
            user.groups.remove(admin_group())
    new_area_code = user.area.code if user.area else ""
    for area_code in dict.fromkeys([new_area_code, old_area_code]):
        audit_record(
            actor=actor,
            action=AuditAction.UPDATE,
            obj=user,
            area_code=area_code,
            reason="; ".join(reasons),
            request=request,
            actor_label="" if actor else "system",
        )
    reason = (
        TokenRevokeReason.DEACTIVATED
        if changes.get("is_active") is False
        else TokenRevokeReason.ROLE_CHANGED
    )
    tokens_revoke_all(user=user, reason=reason, actor=actor)
    return list(changes)


@transaction.atomic
def user_email_change(*, actor: User | None, user: User, email: str, request: Any = None) -> bool:
    """Change an account's e-mail address (the Django admin, commands). The address is where a
    forced password reset goes, so a change is never silent: it is audited in the account's
    area (without either address), every API token of the account is revoked, and a notice
    goes to the OLD address (if any) naming only the account. allauth's address records follow
    the new address (unverified). Returns whether the address changed."""
    from allauth.account.models import EmailAddress

    new = (email or "").strip()
    current = User.objects.select_for_update().get(pk=user.pk)
    old = current.email or ""
    if new.lower() == old.lower():
        return False
    if new and User.objects.filter(email__iexact=new).exclude(pk=user.pk).exists():
        raise ValidationError({"email": _("Alamat e-mail ini sudah dipakai akun lain.")})
    user.email = new
    user.full_clean(exclude=["password"])
    user.save(update_fields=["email"])
    EmailAddress.objects.filter(user=user).delete()
    if new:
        EmailAddress.objects.create(user=user, email=new, primary=True, verified=False)
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=user,
        area_code=user.area.code if user.area else "",
        reason="email changed" if old else "email set",
        request=request,
        actor_label="" if actor else "system",
    )
    tokens_revoke_all(user=user, reason=TokenRevokeReason.EMAIL_CHANGED, actor=actor)
    if old:
        username = user.get_username()
        language = user.preferred_language
        transaction.on_commit(
            lambda: _email_changed_notice(username=username, old=old, language=language)
        )
    return True


def _email_changed_notice(*, username: str, old: str, language: str) -> None:
    """The notice to the old address, in the account's language: the account's name only,
    never the new address."""
    from django.core.mail import EmailMessage

    with translation.override(language):
        subject = _("Naungan: alamat e-mail akun Anda diubah")
        body = _(
            "Alamat e-mail akun Naungan “%(username)s” telah diubah oleh administrator. E-mail "
            "berikutnya, termasuk tautan atur ulang kata sandi, tidak lagi dikirim ke alamat "
            "ini.\n\n"
            "Bila Anda tidak meminta perubahan ini, segera hubungi supervisor atau administrator "
            "UPTD PPA Anda."
        ) % {"username": username}
    EmailMessage(subject, body, None, [old]).send()


@transaction.atomic
def user_language_set(*, user: User, language: str) -> User:
    """Set the language of the user's pages and e-mails (``User.language``). Callers: the
    user on their settings page, an administrator in the console."""
    user.language = language
    user.full_clean(validate_unique=False, validate_constraints=False)
    user.save(update_fields=["language"])
    return user


@transaction.atomic
def user_force_password_reset(*, actor: User, user: User, request: Any) -> bool:
    """Make the account's password unusable and send it allauth's password-reset mail, which
    the user completes: an administrator never learns or sets anyone's password. Ends every
    API token. Returns whether a mail could be sent (the account has an e-mail address)."""
    if actor.pk == user.pk:
        raise ValidationError(_("Ganti kata sandi Anda sendiri di halaman akun Anda."))
    user.set_unusable_password()
    user.save(update_fields=["password"])
    tokens_revoke_all(user=user, reason=TokenRevokeReason.PASSWORD_CHANGED, actor=actor)
    audit_record(
        actor=actor,
        action=AuditAction.ADMIN,
        obj=user,
        reason="password reset forced",
        request=request,
    )
    if not user.email:
        return False
    from allauth.account.forms import default_token_generator
    from allauth.account.internal.flows.password_reset import request_password_reset
    from allauth.core.context import request_context

    def send() -> None:
        with request_context(request):
            request_password_reset(request, user.email, [user], default_token_generator)

    transaction.on_commit(send)
    return True


def second_factor_audit(*, user: User, change: str, request: Any = None) -> None:
    """Record that a second factor was enrolled, removed or its recovery codes renewed, in the
    account's area (the supervisors of that area see it on /audit/)."""
    audit_record(
        actor=user if getattr(user, "is_authenticated", False) else None,
        action=AuditAction.UPDATE,
        obj=user,
        reason=f"second factor: {change}",
        request=request,
        actor_label="" if getattr(user, "is_authenticated", False) else "system",
    )


# --- API tokens -----------------------------------------------------------------------------
