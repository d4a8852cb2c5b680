"""API schemas of risk conferences (CONTRACT §4 ``POST /api/v1/cases/{id}/conferences``)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from uuid import UUID

from ninja import Field, Schema


class ActionIn(Schema):
    description: str = Field(..., max_length=2000)
    due_on: date
    owner: str | None = Field(None, max_length=150, description="Username; default the lead")


class ConferenceIn(Schema):
    held_on: Any = Field(None, description="YYYY-MM-DD, not in the future")
    agencies: list[str] = Field([], description="Slugs of the organisations present")
    other_cases: list[UUID] = Field([], description="Other cases discussed (you write on them)")
    outcome: str = Field("", max_length=20000)
    actions: list[ActionIn] = []


class ActionOut(Schema):
    id: UUID
    title: str
    due_at: datetime
    owner: str | None
    status: str


class ConferenceOut(Schema):
    id: UUID
    held_on: date
    agencies: list[str]
    cases: list[UUID]
    outcome: str
    actions: list[ActionOut]


class ConferenceListOut(Schema):
    items: list[ConferenceOut]
    count: int
