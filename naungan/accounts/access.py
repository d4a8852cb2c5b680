"""One access decorator for pages and API endpoints (healthchecks' ``authorize``, Zulip's
access helpers): the role set is checked before the view runs, and a role outside the set is
answered exactly like a record that does not exist — 404 in HTML and in the API alike."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

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
