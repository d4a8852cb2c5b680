"""API schemas of the intervention plan and monitoring."""

from __future__ import annotations

from datetime import date, datetime
from uuid import UUID

from ninja import Field, Schema


class PlanActionIn(Schema):
    description: str = Field(..., min_length=1, max_length=2000)
    service: str = Field("", max_length=30)
    responsible_user: str | None = Field(None, description="Username of a caseworker of the case")
    responsible_org: str | None = Field(None, description="Organisation slug")
    due_on: date | None = Field(None, description="Date in the case area's zone")


class PlanIn(Schema):
    goals: str = Field(..., min_length=1, max_length=10000)
    made_with: str = Field("", max_length=200)
    actions: list[PlanActionIn] = Field(..., min_length=1, max_length=20)


class PlanActionOut(Schema):
    description: str
    service: str
    responsible_user: str | None
    responsible_org: str | None
    due_at: datetime | None
    task: UUID | None


class PlanOut(Schema):
    id: UUID
    version: int
    status: str
    goals: str
    made_with: str
    author: str
    decided_by: str | None
    decided_at: datetime | None
    decision_reason: str
    current: bool
    actions: list[PlanActionOut]


class PlanListOut(Schema):
    items: list[PlanOut]
    count: int


class PlanDecisionIn(Schema):
    approve: bool
    reason: str = Field("", max_length=2000)


class MonitoringIn(Schema):
    reviewed_on: date
    summary: str = Field(..., min_length=1, max_length=20000)
    rights_reviewed: bool = False
    risk_changed: bool = False
    next_review_on: date | None = Field(None, description="Default: 30 days after the review")


class MonitoringOut(Schema):
    id: UUID
    reviewed_on: date
    summary: str
    rights_reviewed: bool
    risk_changed: bool
    next_review_on: date | None
    author: str


class MonitoringListOut(Schema):
    items: list[MonitoringOut]
    count: int
