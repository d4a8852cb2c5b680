from __future__ import annotations

from collections.abc import Callable
from typing import Any

from auditlog.middleware import AuditlogMiddleware as _AuditlogMiddleware
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import MiddlewareNotUsed
from django.core.handlers.base import BaseHandler
from django.core.handlers.exception import convert_exception_to_response
from django.http import HttpRequest, HttpResponse
from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from django.utils.module_loading import import_string

from .net import client_ip


class ClientAddressMiddleware:
    """Puts the believed client address on ``request.client_ip`` for audit and rate limits."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.client_ip = client_ip(request)  # type: ignore[attr-defined]
        return self.get_response(request)


class DefaultLanguageMiddleware(LocaleMiddleware):
    """Indonesian unless the person chose otherwise (the language cookie set by the switch).

    The browser's Accept-Language is deliberately ignored: many phones in Indonesia are set to
    English, and a frightened reporter should meet the service in Indonesian first."""

    def process_request(self, request: HttpRequest) -> None:
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        codes = {code for code, _name in settings.LANGUAGES}
        language = chosen if chosen in codes else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()  # type: ignore[attr-defined]


class AuditlogMiddleware(_AuditlogMiddleware):
    """django-auditlog, fed the address we believe (``request.client_ip``: X-Forwarded-For
    only from ``NAUNGAN_TRUSTED_PROXIES``) instead of reading X-Forwarded-For from any client
    itself, and only for a signed-in user: an anonymous visitor's address (a public reporter's)
    is never kept. Must come after ``ClientAddressMiddleware`` and authentication."""

    @staticmethod
    def _get_remote_addr(request: HttpRequest) -> str | None:
        if settings.AUDITLOG_DISABLE_REMOTE_ADDR:
            return None
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        return getattr(request, "client_ip", None) or None

    @staticmethod
    def _get_remote_port(request: HttpRequest) -> int | None:
        return None  # X-Forwarded-Port comes from the client: nothing to believe


# The public reporting API (/api/v1/public/) answers anonymous people with JSON: no session,
# login, messages, static files, CSRF (django-ninja's public endpoints do not use it), allauth,
# HTMX, lockout or django-auditlog actor tracking. Its requests skip those middlewares; every
# other middleware (security headers, CSP, client address, language, and any added later)
# still applies.
PUBLIC_API_PREFIX = "/api/v1/public/"
PUBLIC_API_SKIPPED = frozenset(
    {
        "whitenoise.middleware.WhiteNoiseMiddleware",  # static files are never under the prefix
        "django.contrib.sessions.middleware.SessionMiddleware",
        "django.middleware.csrf.CsrfViewMiddleware",
        "django.contrib.auth.middleware.AuthenticationMiddleware",
        "django.contrib.messages.middleware.MessageMiddleware",
        "allauth.account.middleware.AccountMiddleware",
        "django_htmx.middleware.HtmxMiddleware",
        "naungan.core.middleware.AuditlogMiddleware",
        "naungan.accounts.lockout.LoginLockoutMiddleware",
        "naungan.accounts.middleware.RequireSecondFactorMiddleware",
        "naungan.accounts.middleware.UserLanguageMiddleware",  # nobody signs in there
        "axes.middleware.AxesMiddleware",
    }
)


class _ShortChain(BaseHandler):
    """Django's own request handling (URL resolution, view and exception middleware) behind a
    shorter middleware list. Sync only, like the WSGI server that runs it."""

    def __init__(self, middleware: list[str]) -> None:
        super().__init__()
        self._view_middleware: list[Any] = []
        self._template_response_middleware: list[Any] = []
        self._exception_middleware: list[Any] = []
        handler = convert_exception_to_response(self._get_response)  # type: ignore[attr-defined]
        for path in reversed(middleware):
            try:
                instance = import_string(path)(handler)
            except MiddlewareNotUsed:
                continue
            if hasattr(instance, "process_view"):
                self._view_middleware.insert(0, instance.process_view)
            if hasattr(instance, "process_template_response"):
                self._template_response_middleware.append(instance.process_template_response)
            if hasattr(instance, "process_exception"):
                self._exception_middleware.append(instance.process_exception)
            handler = convert_exception_to_response(instance)
        self._middleware_chain = handler


class PublicAPIMiddleware:
    """First in MIDDLEWARE: sends ``/api/v1/public/`` requests through the middlewares after it
    minus ``PUBLIC_API_SKIPPED``, with ``request.user`` an AnonymousUser; everything else goes
    through the full stack. Roughly halves the framework's fixed cost of a public report."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        own = f"{__name__}.{type(self).__qualname__}"
        rest = list(settings.MIDDLEWARE)
        rest = rest[rest.index(own) + 1 :] if own in rest else rest
        self.public = _ShortChain([m for m in rest if m not in PUBLIC_API_SKIPPED])

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path_info.startswith(PUBLIC_API_PREFIX):
            request.user = AnonymousUser()
            return self.public._middleware_chain(request)  # type: ignore[no-any-return,return-value]
        return self.get_response(request)


class PrivatePagesMiddleware:
    """Nothing a signed-in person sees is kept by the browser or a proxy: every answer to a
    signed-in request (case pages, second-factor enrolment with its secret, recovery codes,
    exports) carries ``Cache-Control: no-store, private`` unless the view set its own. A shared
    office computer's back button and disk cache then hold no case data."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and not response.has_header("Cache-Control"):
            response["Cache-Control"] = "no-store, private"
        return response
