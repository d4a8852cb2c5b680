"""One access decorator for pages and API endpoints (healthchecks' ``authorize``, Zulip's
access helpers): the role set is checked before the view runs, and a role outside the set is
answered exactly like a record that does not exist — 404 in HTML and in the API alike."""

from __future__ import annotations

import inspect
import time
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from allauth.account.authentication import get_authentication_records
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest

from .models import User
from .roles import user_in

F = TypeVar("F", bound=Callable[..., Any])


def role_required(roles: frozenset[str]) -> Callable[[F], F]:
    """Pages: anonymous visitors go to the login page; a signed-in user whose role is not in
    ``roles`` gets the 404 page. API endpoints: use ``api_role_required`` (the token has
    already authenticated the caller)."""

    def decorator(view: F) -> F:
        @login_required
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
            if not user_in(request.user, roles):
                raise Http404
            return view(request, *args, **kwargs)

        return wrapper  # type: ignore[return-value]

    return decorator


def api_role_required(roles: frozenset[str]) -> Callable[[F], F]:
    """API endpoints (after ninja's token auth): a role outside ``roles`` answers the API's
    404, the same body as a missing record."""

    def decorator(view: F) -> F:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
            if not user_in(request.user, roles):
                raise Http404
            return view(request, *args, **kwargs)

        # ninja reads the endpoint's parameters from the signature; evaluated here, in the
        # endpoint's own module, so string annotations (``from __future__ import
        # annotations``) resolve there and not in this one.
        wrapper.__signature__ = inspect.signature(view, eval_str=True)  # type: ignore[attr-defined]
        return wrapper  # type: ignore[return-value]

    return decorator


def request_user(request: HttpRequest) -> User:
    """The signed-in staff member of a request that an access decorator (or the API's token
    auth) has already let through."""
    return request.user  # type: ignore[return-value]


def signed_in_recently(request: HttpRequest) -> bool:
    """Whether this session's last sign-in step (the password or the TOTP code at login, or
    either on allauth's reauthentication pages) is younger than
    ``ACCOUNT_REAUTHENTICATION_TIMEOUT`` (``NAUNGAN_REAUTHENTICATION_MINUTES``). Sensitive
    steps (issuing an API token, enrolling or removing a second factor, new recovery codes)
    ask for the password again only after that: someone who has just signed in is not asked
    twice."""
    records = get_authentication_records(request, request.user)  # type: ignore[arg-type]
    if not records:
        return False
    last = max(float(r.get("at", 0)) for r in records)
    return time.time() - last < settings.ACCOUNT_REAUTHENTICATION_TIMEOUT
