"""API schemas of competencies: the vocabulary, one's own, direct records, the expiry view,
the requirements and the check of a guarded action."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from ninja import Field, Schema


class CompetencyOut(Schema):
    code: str
    label: str


class CompetencyListOut(Schema):
    items: list[CompetencyOut]
    count: int


class GrantOut(Schema):
    id: UUID
    competency: str
    label: str
    granted_on: date
    expires_on: date | None
    expired: bool
    source: str
    training: UUID | None
    certificate_number: str | None


class GrantListOut(Schema):
    items: list[GrantOut]
    count: int


class GrantIn(Schema):
    username: str
    competency: str
    granted_on: date
    expires_on: date | None = None
    note: str = Field("", max_length=300)


class ExpiringOut(Schema):
    username: str
    name: str
    organisation: str | None
    competency: str
    label: str
    expires_on: date
    expired: bool
    days_left: int


class ExpiringListOut(Schema):
    items: list[ExpiringOut]
    count: int
    days: int


class RequirementOut(Schema):
    organisation: str
    action: str
    action_label: str
    competency: str
    label: str


class RequirementListOut(Schema):
    items: list[RequirementOut]
    count: int


class CheckOut(Schema):
    action: str
    allowed: bool
