"""The client's address, believing X-Forwarded-For only from configured proxies."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    remote = request.META.get("REMOTE_ADDR", "") or "0.0.0.0"  # noqa: S104 - a placeholder address, not a bind
    if remote in settings.TRUSTED_PROXIES:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        hops = [h.strip() for h in forwarded.split(",") if h.strip()]
        # Walk from the nearest hop back, skipping our own proxies.
        for hop in reversed(hops):
            if hop not in settings.TRUSTED_PROXIES:
                return hop
    return remote


def axes_client_ip(request: HttpRequest) -> str:
    return client_ip(request)


def axes_username(request: HttpRequest, credentials: dict[str, str] | None = None) -> str:
    """The login name axes counts failures against: allauth passes ``username`` or
    ``email`` in credentials; the form field is ``login``. Case-folded so that ``Budi`` and
    ``budi`` share one counter."""
    creds = credentials or {}
    name = creds.get("username") or creds.get("email") or creds.get("login")
    if not name and request is not None:
        name = request.POST.get("login", "")
    return (name or "").strip().lower()
