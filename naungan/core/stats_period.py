"""The period a statistics source counts (``core.registry.register_stats_source``): the area's
year or month as dates and as moments in the area's time zone, and the column one area level
down. Shared by the apps that register sources, so none needs the statistics app."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo


def date_bounds(year: int, month: int | None) -> tuple[date, date]:
    """The first day of the period and the first day after it."""
    if month is None:
        return date(year, 1, 1), date(year + 1, 1, 1)
    return date(year, month, 1), date(year + (month == 12), month % 12 + 1, 1)


def moment_bounds(area: Any, year: int, month: int | None) -> tuple[datetime, datetime]:
    """The same, as moments in ``area``'s time zone (WIB/WITA/WIT)."""
    start, end = date_bounds(year, month)
    zone = ZoneInfo(area.timezone)
    return (
        datetime(start.year, start.month, start.day, tzinfo=zone),
        datetime(end.year, end.month, end.day, tzinfo=zone),
    )


def child_column(area: Any) -> str | None:
    """The ``Area`` column naming the areas one level below ``area`` (None for a kelurahan)."""
    from naungan.areas.models import AreaLevel

    return {
        AreaLevel.PROVINCE: "regency_code",
        AreaLevel.REGENCY: "district_code",
        AreaLevel.DISTRICT: "code",
    }.get(AreaLevel(area.level))
