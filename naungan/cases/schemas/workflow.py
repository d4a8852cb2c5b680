"""API schemas of status changes, closure and reopening."""

from __future__ import annotations

from typing import Literal
from uuid import UUID

from ninja import Field, Schema


class TransitionIn(Schema):
    to: Literal["open", "assessment", "intervention", "monitoring", "closed"]
    reason: str = Field("", max_length=2000)


class ClosureIn(Schema):
    reason: Literal["goals_met", "client_declined", "transferred", "unreachable", "moved", "died"]
    summary: str = Field("", max_length=20000)


class ClosureOut(Schema):
    id: UUID
    status: str
    reason: str
    requested_by: str
    decided_by: str | None
    case_status: str


class DecideIn(Schema):
    approve: bool
    note: str = Field("", max_length=2000)


class ReopenIn(Schema):
    reason: str = Field(..., min_length=1, max_length=2000)
