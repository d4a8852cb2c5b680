"""Friendly error pages (never a stack trace). They render without touching the database so
that they still work when the database is down.

A database that is busy or away (connection refused or lost, no free pooled connection in
time, "too many clients", a lock or statement timeout) is not a bug of the request: it answers
503 with ``Retry-After`` everywhere (CONTRACT §4), through ``database_unavailable``. Three
doors lead there: the API's exception handler (naungan/api.py), the middleware below for
exceptions raised by a view, and ``server_error`` for those raised by a middleware before or
after the view (the session, the lazy user, axes).

Redis away (``REDIS_URL`` set, the server unreachable or not answering in time) is the same
case: the rate limits (``naungan.core.ratelimit``: public reporting, the reporter's PIN, the
login lockouts) and the cache then raise redis' ConnectionError or TimeoutError, which answer
the same 503. The limits fail closed: nothing is let through uncounted while Redis is away."""

from __future__ import annotations

import json
import logging
import sys
from typing import Any

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.template import loader
from django.utils.translation import gettext as _
from psycopg import InterfaceError as PsycopgInterfaceError
from psycopg import OperationalError as PsycopgOperationalError
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

# Django wraps the driver's errors; psycopg's own (psycopg_pool.PoolTimeout is one) are listed
# too in case one escapes the wrapper, e.g. from the pool's background work.
DATABASE_UNAVAILABLE: tuple[type[Exception], ...] = (
    OperationalError,
    InterfaceError,
    PsycopgOperationalError,
    PsycopgInterfaceError,
    # Redis (the rate-limit counters, the cache) unreachable or too slow to answer.
    RedisConnectionError,
    RedisTimeoutError,
)


def is_database_unavailable(exc: BaseException | None) -> bool:
    return isinstance(exc, DATABASE_UNAVAILABLE)


def _render(template: str) -> str:
    try:
        return loader.render_to_string(template, {}, request=None)
    except Exception:  # noqa: BLE001 - the last line of defence must not fail
        return "<h1>Naungan</h1><p>Maaf, terjadi kesalahan. / Sorry, something went wrong.</p>"


def _page(request: HttpRequest, template: str, status: int) -> HttpResponse:
    if request.path.startswith("/api/"):
        return HttpResponse(
            json.dumps({"detail": "Not Found" if status == 404 else "Error"}),
            status=status,
            content_type="application/json",
        )
    return HttpResponse(_render(template), status=status)


def database_unavailable_detail() -> str:
    return _("Layanan sedang sibuk atau basis data tidak dapat dihubungi. Coba lagi sebentar.")


def database_unavailable(request: HttpRequest, exc: BaseException | None = None) -> HttpResponse:
    """503 with Retry-After: ``{"detail": ...}`` under /api/, the friendly page elsewhere.
    Whatever the request wrote is gone: the transaction (or the one statement) that failed is
    rolled back by the database, and Django returns or drops the broken connection at the
    end of the request, so the next request connects anew."""
    logger.warning(
        "database or redis unavailable on %s %s: %s",
        request.method,
        request.path,
        type(exc).__name__ if exc is not None else "unknown",
    )
    response: HttpResponse
    if request.path.startswith("/api/"):
        response = HttpResponse(
            json.dumps({"detail": database_unavailable_detail()}),
            status=503,
            content_type="application/json",
        )
    else:
        response = HttpResponse(_render("503.html"), status=503)
    response["Retry-After"] = str(settings.DB_UNAVAILABLE_RETRY_AFTER)
    response["Cache-Control"] = "no-store"
    return response


class DatabaseUnavailableMiddleware:
    """Turns a view's database-unavailable exception into the 503 answer (also with debug
    on). Exceptions of other middleware never reach ``process_exception``: ``server_error``
    answers them."""

    def __init__(self, get_response: Any) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response: HttpResponse = self.get_response(request)
        return response

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if is_database_unavailable(exception):
            return database_unavailable(request, exception)
        return None


def not_found(request: HttpRequest, exception: Any = None) -> HttpResponse:
    return _page(request, "404.html", 404)


def forbidden(request: HttpRequest, exception: Any = None) -> HttpResponse:
    # Out-of-scope answers 404 elsewhere; a plain 403 (e.g. CSRF) keeps its status.
    return _page(request, "403.html", 403)


def server_error(request: HttpRequest) -> HttpResponse:
    # Django calls this while it handles the uncaught exception, so it is still current.
    exc = sys.exception()
    if is_database_unavailable(exc):
        return database_unavailable(request, exc)
    return _page(request, "500.html", 500)
