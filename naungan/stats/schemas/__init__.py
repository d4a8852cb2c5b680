"""Output schemas of the statistics API."""

from __future__ import annotations

from ninja import Schema


class SectionRowOut(Schema):
    label: str
    count: int | None


class SectionOut(Schema):
    """A section another app registers (``core.registry.register_stats_source``): referrals,
    risk assessments, prevention activities, trainings. ``total`` when the rows are its parts."""

    source: str
    title: str
    rows: list[SectionRowOut]
    total: int | None


class SummaryOut(Schema):
    """CONTRACT §4: counted incidents (reporting consent, not reported elsewhere) and their
    breakdown; ``null`` is a hidden cell (below 5, or the complementary one) for analysts."""

    area: str
    year: int
    total_incidents: int | None
    by_violence_type: dict[str, int | None]
    by_age_group: dict[str, int | None]
    by_sex: dict[str, int | None]
    sections: list[SectionOut] = []


class CellOut(Schema):
    key: str
    label: str
    count: int | None


class BreakdownOut(Schema):
    area: str
    year: int
    month: int | None
    basis: str
    dimension: str
    total: int | None
    items: list[CellOut]
    count: int
