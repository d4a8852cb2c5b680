from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from naungan.orgs.models import Organisation
from naungan.orgs.services import DirectoryIn, org_create


@pytest.fixture
def provider(db: Any) -> Callable[..., Organisation]:
    """``provider("slug", "Name", "64.71", ["legal_aid"], coverage=[...], ...)``: an active
    partner provider of the directory."""

    def make(
        slug: str,
        name: str,
        area: str,
        services: list[str],
        *,
        coverage: list[str] | None = None,
        provider_type: str = "other",
        kind: str = "provider",
        **info: Any,
    ) -> Organisation:
        return org_create(
            actor=None,
            slug=slug,
            name=name,
            kind=kind,
            area_code=area,
            services=services,
            provider_type=provider_type if kind == "provider" else "",
            coverage_codes=coverage,
            directory=DirectoryIn(**info),
        )

    return make
