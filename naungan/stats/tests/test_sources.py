"""Further sources of statistics (``core.registry.register_stats_source``): shown on the
dashboard with the same suppression for analysts, read from the statistics alias."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from naungan.core import registry
from naungan.core.registry import StatsSection, register_stats_source

from .conftest import YEAR

CALLS: list[dict[str, Any]] = []


def _referrals(*, area: Any, year: int, month: int | None, using: str) -> StatsSection:
    CALLS.append({"area": area.code, "year": year, "month": month, "using": using})
    return StatsSection(
        title="Rujukan menurut status (uji)",
        rows=[("Diterima", 9), ("Ditolak", 3), ("Selesai", 8)],
        total=20,
    )


@pytest.fixture
def source() -> Iterator[None]:
    saved = registry.stats_sources()
    register_stats_source("referrals_test", _referrals)
    CALLS.clear()
    yield
    registry._STATS_SOURCES.clear()
    registry._STATS_SOURCES.update(saved)


def test_a_registered_source_is_shown_and_suppressed_for_analysts(
    personas: Any, source: None
) -> None:
    page = personas["analyst_bpp"].client.get(f"/statistik/?year={YEAR}&month=3")
    assert page.status_code == 200
    assert CALLS == [{"area": "64.71", "year": YEAR, "month": 3, "using": "default"}]
    (section,) = page.context["extra"]
    rows = dict(section["rows"])
    # 3 is hidden, and 8 too: otherwise 20 - 9 - 8 would give it away.
    assert rows == {"Diterima": 9, "Ditolak": None, "Selesai": None}
    sup = personas["supervisor_bpp"].client.get(f"/statistik/?year={YEAR}")
    assert dict(sup.context["extra"][0]["rows"]) == {"Diterima": 9, "Ditolak": 3, "Selesai": 8}
