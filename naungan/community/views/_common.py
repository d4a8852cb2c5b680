"""Shared pieces of the community pages."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import Http404
from django.utils import timezone

from naungan.areas.models import Area, AreaLevel

from ..exceptions import NotFound


def not_found_as_404[F: Callable[..., Any]](view: F) -> F:
    """A service's or selector's NotFound is the 404 page, as a missing record."""

    @wraps(view)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return view(*args, **kwargs)
        except NotFound:
            raise Http404 from None

    return wrapper  # type: ignore[return-value]


def kelurahan_choices(user: Any) -> list[tuple[str, str]]:
    """The kelurahan an activist works in (their area when it is one, else those inside it)."""
    area = getattr(user, "area", None)
    if area is None:
        return []
    if area.level == AreaLevel.VILLAGE:
        return [(area.code, area.name)]
    return [
        (a.code, a.name)
        for a in Area.objects.filter(area.contains_q(), level=AreaLevel.VILLAGE).order_by("name")
    ]


def this_month() -> str:
    return f"{timezone.localdate():%Y-%m}"
