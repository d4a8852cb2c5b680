"""API schemas of shelter stays: discharge, extensions, occupancy."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from ninja import Field, Schema


class DischargeIn(Schema):
    discharged_at: datetime | None = None
    destination: str = Field("", max_length=2000)


class ExtensionIn(Schema):
    until: datetime
    reason: str = Field(..., min_length=1, max_length=2000)


class ExtensionDecideIn(Schema):
    approve: bool
    note: str = Field("", max_length=2000)


class ExtensionCreatedOut(Schema):
    id: UUID
    status: str


class OccupancyOut(Schema):
    slug: str
    name: str
    area_code: str
    beds: int
    occupied: int
    free: int
    children: int
    over_capacity: bool


class OccupancyListOut(Schema):
    items: list[OccupancyOut]
    count: int
