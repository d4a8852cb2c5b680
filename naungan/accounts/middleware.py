from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

# Paths a user without the required second factor may still reach: enrolment, logout, i18n.
_ALLOWED_PREFIXES = ("/accounts/", "/i18n/", "/static/", "/healthz", "/lapor", "/api/")


class RequireSecondFactorMiddleware:
    """Roles in MFA_REQUIRED_ROLES must enrol TOTP before they can use the staff app."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and getattr(user, "requires_second_factor", False)
            and not request.path.startswith(_ALLOWED_PREFIXES)
        ):
            from .selectors import user_has_second_factor

            if not user_has_second_factor(user):  # type: ignore[arg-type]
                return redirect("mfa_activate_totp")
        return self.get_response(request)
