"""API schemas of safety plans."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from ninja import Field, Schema


class SafetyPlanIn(Schema):
    victim: UUID | None = None
    review_on: date | None = None
    safe_places: str = Field("", max_length=5000)
    contacts: str = Field("", max_length=5000)
    code_word: str = Field("", max_length=200)
    emergency_bag: str = Field("", max_length=5000)
    escape_routes: str = Field("", max_length=5000)
    children: str = Field("", max_length=5000)
    phone_safety: str = Field("", max_length=5000)
    protection_steps: str = Field("", max_length=5000)
    hotlines: str = Field("", max_length=5000)


class SafetyPlanOut(SafetyPlanIn):
    id: UUID
    number: int


class SafetyPlanListOut(Schema):
    items: list[SafetyPlanOut]
    count: int
