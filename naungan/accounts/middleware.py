from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import translation

# The only views a user without the required second factor may reach, by exact URL name: the
# enrolment (and allauth's reauthentication before it), logout, the language switch and the
# public pages and public API. Never a path prefix: `/lapor` also matched `/laporan/…`.
SECOND_FACTOR_EXEMPT_URL_NAMES = frozenset(
    {
        "mfa_activate_totp",
        "account_reauthenticate",
        "mfa_reauthenticate",
        "account_logout",
        "set_language",
        "javascript-catalog",
        "healthz",
        "reports:lapor",
        "reports:status",
        "api-v1:regions",
        "api-v1:public_report_submit",
        "api-v1:public_report_status",
        "api-v1:public_report_message",
    }
)
# The bearer-token API ignores the session: a token is a credential of its own (CONTRACT §2).
_API_NAMESPACE = "api-v1"


class RequireSecondFactorMiddleware:
    """Roles in MFA_REQUIRED_ROLES must enrol TOTP before they can use the staff app: every
    other view answers a redirect to the enrolment. Decided per resolved view (``process_view``),
    so a page added later is covered without being listed anywhere."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self,
        request: HttpRequest,
        view_func: Callable[..., Any],
        view_args: Any,
        view_kwargs: Any,
    ) -> HttpResponse | None:
        user = getattr(request, "user", None)
        if (
            user is None
            or not user.is_authenticated
            or not getattr(user, "requires_second_factor", False)
        ):
            return None
        match = request.resolver_match
        name = match.view_name if match is not None else ""
        if name in SECOND_FACTOR_EXEMPT_URL_NAMES:
            return None
        if (
            match is not None
            and _API_NAMESPACE in match.namespaces
            and request.headers.get("Authorization", "").startswith("Bearer ")
        ):
            return None
        from .selectors import user_has_second_factor

        if user_has_second_factor(user):  # type: ignore[arg-type]
            return None
        return redirect("mfa_activate_totp")


class UserLanguageMiddleware:
    """A signed-in user's pages in their own language (``User.language``), unless the language
    switch chose one for this browser session (its cookie, which ``DefaultLanguageMiddleware``
    has already applied). Comes after authentication; anonymous visitors, the public reporter
    among them, keep Indonesian-first (no session is opened to find out)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            user_language_activate(request, user)
        return self.get_response(request)


def user_language_activate(request: HttpRequest, user: Any) -> None:
    """Answer ``request`` in ``user``'s own language, unless the language switch chose one for
    this browser session (its cookie wins). Also called by the API's token auth, which knows
    the user only after this middleware ran."""
    codes = {code for code, _name in settings.LANGUAGES}
    if request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "") in codes:
        return
    language = getattr(user, "preferred_language", "") or settings.LANGUAGE_CODE
    translation.activate(language)
    request.LANGUAGE_CODE = language  # type: ignore[attr-defined]
