"""Login lockouts beyond django-axes' account+address rule.

django-axes locks one account from one address (``AXES_FAILURE_LIMIT`` failures,
``AXES_COOLOFF_TIME``). Its ``AXES_LOCKOUT_PARAMETERS`` can add "username" and "ip_address"
alone, but with the same threshold and cool-off for every parameter, so these two rules are
counted here, with the atomic counters of ``naungan.core.ratelimit`` (Redis with ``REDIS_URL``,
else one ``INSERT ... ON CONFLICT ... RETURNING`` on ``core.RateCounter``; keyed hashes only, never
a username or an address in clear):

* per username, from any address: password guessing spread over many addresses. A shorter
  cool-off, so that an attacker cannot hold the victim's account hostage for long.
* per address, across usernames: one address trying many accounts (password spraying).

A success resets the username counter only: an attacker with one working account must not be
able to reset the counter of their address.

A rule's window starts with the first failure it counts and lasts its cool-off; once the limit is
reached the username or address is locked until that window ends (read with ``peek``, which does
not count)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from naungan.core import ratelimit
from naungan.core.net import axes_username, client_ip

_LOCKED_ATTR = "naungan_login_locked_until"


@dataclass(frozen=True)
class LoginRule:
    name: str
    limit: int
    cooloff: timedelta

    @property
    def scope(self) -> str:
        return f"login-{self.name}"

    @property
    def rate(self) -> str:
        """In ``naungan.core.ratelimit``'s form: ``"30/900"``; ``"0"`` (off) for a limit of 0."""
        if self.limit <= 0:
            return "0"
        return f"{self.limit}/{max(1, int(self.cooloff.total_seconds()))}"


def login_rules() -> tuple[LoginRule, LoginRule]:
    return (
        LoginRule(
            "username",
            settings.LOGIN_USERNAME_FAILURE_LIMIT,
            timedelta(minutes=settings.LOGIN_USERNAME_COOLOFF_MINUTES),
        ),
        LoginRule(
            "address",
            settings.LOGIN_ADDRESS_FAILURE_LIMIT,
            timedelta(minutes=settings.LOGIN_ADDRESS_COOLOFF_MINUTES),
        ),
    )


def _values(username: str, address: str) -> dict[str, str]:
    return {"username": username, "address": address}


def login_locked_until(*, username: str, address: str) -> datetime | None:
    """When the latest lock on this username or address ends, or None when neither is locked."""
    values = _values(username, address)
    ends = []
    for rule in login_rules():
        if not values[rule.name]:
            continue
        hit = ratelimit.peek(rule.scope, values[rule.name], rule.rate)
        if hit is not None and hit.count >= hit.limit:
            ends.append(hit.reset_at)
    return datetime.fromtimestamp(max(ends), tz=UTC) if ends else None


def login_failure_record(*, username: str, address: str) -> None:
    """Count one failed login against the username and the address (atomically); reaching a
    rule's limit locks it until its window ends."""
    values = _values(username, address)
    for rule in login_rules():
        if values[rule.name]:
            ratelimit.count(rule.scope, values[rule.name], rule.rate)


def login_success_record(*, username: str) -> None:
    rule = login_rules()[0]
    if username:
        ratelimit.reset(rule.scope, username)


class LoginLockoutBackend:
    """First authentication backend: refuses every attempt while the username or the address
    is locked, the right password included (Django then sends ``user_login_failed``). No
    ``get_user``: it never signs anyone in, and ``force_login`` skips backends without it."""

    def authenticate(self, request: HttpRequest | None, **credentials: Any) -> None:
        if request is None:
            return None
        until = login_locked_until(
            username=axes_username(request, credentials), address=client_ip(request)
        )
        if until is not None:
            setattr(request, _LOCKED_ATTR, until)
            raise PermissionDenied
        return None


def lockout_response(request: HttpRequest, until: datetime) -> HttpResponse:
    """429 with the lockout page, saying when to try again (also in ``Retry-After``)."""
    seconds = max(0, int((until - timezone.now()).total_seconds()))
    response = render(
        request,
        "account/lockout.html",
        {"until": until, "minutes": max(1, -(-seconds // 60))},
        status=429,
    )
    response["Retry-After"] = str(seconds)
    return response


def axes_lockout_response(
    request: HttpRequest, original_response: Any = None, credentials: Any = None
) -> HttpResponse:
    """``AXES_LOCKOUT_CALLABLE``: axes' account+address lock, on the same page. The lock ends at
    the latest one cool-off after the last failure, which was just now."""
    cooloff = timedelta(hours=float(settings.AXES_COOLOFF_TIME))
    return lockout_response(request, timezone.now() + cooloff)


class LoginLockoutMiddleware:
    """Turns a refusal by ``LoginLockoutBackend`` into the lockout page."""

    def __init__(self, get_response: Any) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        until = getattr(request, _LOCKED_ATTR, None)
        if until is not None:
            return lockout_response(request, until)
        return response  # type: ignore[no-any-return]
