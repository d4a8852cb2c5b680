"""API schemas of status changes, closure and reopening."""

from __future__ import annotations

from uuid import UUID

from ninja import Field, Schema

from naungan.cases.schemas.vocabulary import CaseStatusIn, ClosureReasonIn


class TransitionIn(Schema):
    to: CaseStatusIn
    reason: str = Field("", max_length=2000)


class ClosureIn(Schema):
    reason: ClosureReasonIn
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
