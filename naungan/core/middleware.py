from __future__ import annotations

from collections.abc import Callable

from auditlog.middleware import AuditlogMiddleware as _AuditlogMiddleware
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.middleware.locale import LocaleMiddleware
from django.utils import translation

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
