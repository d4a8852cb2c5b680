"""Template context of every page: the site name, languages and the navigation badges."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest

from .registry import NavBadges


def site(request: HttpRequest) -> dict[str, Any]:
    return {
        "SITE_NAME": "Naungan",
        "LANGUAGES": settings.LANGUAGES,
        "nav_badges": NavBadges(request),
    }
