"""Login, logout and failed-login events go into the audit log; password and second-factor
changes made on allauth's pages go through the account services."""

from __future__ import annotations

from typing import Any

from allauth.account.signals import password_changed, password_reset, password_set
from allauth.mfa.signals import authenticator_added, authenticator_removed, authenticator_reset
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from naungan.core.audit import audit_record
from naungan.core.models import AuditAction
from naungan.core.net import axes_username, client_ip

from .lockout import login_failure_record, login_success_record
from .models import TokenRevokeReason
from .services import second_factor_audit, tokens_revoke_all


@receiver(user_logged_in)
def _logged_in(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    audit_record(actor=user, action=AuditAction.LOGIN, obj=user, request=request)


@receiver(user_logged_out)
def _logged_out(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    if user is not None:
        audit_record(actor=user, action=AuditAction.LOGOUT, obj=user, request=request)


@receiver(user_login_failed)
def _login_failed(sender: Any, credentials: Any, request: Any = None, **kwargs: Any) -> None:
    label = str(credentials.get("username") or credentials.get("login") or "")[:150]
    audit_record(
        actor=None,
        action=AuditAction.LOGIN_FAILED,
        actor_label=label or "anonymous",
        object_type="accounts.user",
        outcome="failed",
        request=request,
        keep_address=True,  # a staff login page, not public reporting
    )


# allauth's own account pages change passwords and second factors; these receivers route those
# events to the services, so that tokens end and the change is audited wherever it was made.


@receiver(password_changed)
@receiver(password_set)
@receiver(password_reset)
def _password_changed(sender: Any, request: Any = None, user: Any = None, **kwargs: Any) -> None:
    if user is not None:
        tokens_revoke_all(user=user, reason=TokenRevokeReason.PASSWORD_CHANGED, actor=user)


@receiver(authenticator_added)
def _second_factor_added(
    sender: Any, request: Any, user: Any, authenticator: Any, **kw: Any
) -> None:
    second_factor_audit(user=user, change=f"{authenticator.type} added", request=request)


@receiver(authenticator_removed)
def _second_factor_removed(
    sender: Any, request: Any, user: Any, authenticator: Any, **kw: Any
) -> None:
    second_factor_audit(user=user, change=f"{authenticator.type} removed", request=request)


@receiver(authenticator_reset)
def _second_factor_reset(
    sender: Any, request: Any, user: Any, authenticator: Any, **kw: Any
) -> None:
    second_factor_audit(user=user, change=f"{authenticator.type} renewed", request=request)


@receiver(user_login_failed)
def _count_login_failure(sender: Any, credentials: Any, request: Any = None, **kw: Any) -> None:
    if request is None or getattr(request, "naungan_login_locked_until", None) is not None:
        return
    login_failure_record(username=axes_username(request, credentials), address=client_ip(request))


@receiver(user_logged_in)
def _reset_login_failures(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    login_success_record(username=user.get_username().lower())
