"""Login, logout and failed-login events go into the audit log."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from naungan.core.audit import audit_record
from naungan.core.models import AuditAction


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
