"""API schemas of transfers."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from ninja import Schema


class TransferIn(Schema):
    to_organisation: str  # slug
    reason: str


class TransferDeclineIn(Schema):
    reason: str


class TransferOut(Schema):
    id: UUID
    case_id: UUID
    registration_number: str
    violence_types: list[str]
    triage: str
    from_organisation: str
    to_organisation: str
    from_area_code: str
    to_area_code: str
    reason: str
    status: str
    requested_by: str
    requested_at: datetime
    decided_by: str | None = None
    decided_at: datetime | None = None
    decline_reason: str = ""


class TransferListOut(Schema):
    items: list[TransferOut]
    count: int


class TransferFilters(Schema):
    direction: str = "incoming"  # incoming | outgoing
    status: str = ""
