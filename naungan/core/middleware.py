from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from .net import client_ip


class ClientAddressMiddleware:
    """Puts the believed client address on ``request.client_ip`` for audit and rate limits."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.client_ip = client_ip(request)  # type: ignore[attr-defined]
        return self.get_response(request)
