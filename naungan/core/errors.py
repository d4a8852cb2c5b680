"""Friendly error pages (never a stack trace). They render without touching the database so
that they still work when the database is down."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.template import loader


def _page(request: HttpRequest, template: str, status: int) -> HttpResponse:
    try:
        body: str = loader.render_to_string(template, {}, request=None)
    except Exception:  # noqa: BLE001 - the last line of defence must not fail
        body = "<h1>Naungan</h1><p>Maaf, terjadi kesalahan. / Sorry, something went wrong.</p>"
    if request.path.startswith("/api/"):
        import json

        return HttpResponse(
            json.dumps({"detail": "Not Found" if status == 404 else "Error"}),
            status=status,
            content_type="application/json",
        )
    return HttpResponse(body, status=status)


def not_found(request: HttpRequest, exception: Any = None) -> HttpResponse:
    return _page(request, "404.html", 404)


def forbidden(request: HttpRequest, exception: Any = None) -> HttpResponse:
    # Out-of-scope answers 404 elsewhere; a plain 403 (e.g. CSRF) keeps its status.
    return _page(request, "403.html", 403)


def server_error(request: HttpRequest) -> HttpResponse:
    return _page(request, "500.html", 500)
