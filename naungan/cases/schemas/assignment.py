"""API schemas of assignment, bulk assignment and caseloads."""

from __future__ import annotations

from uuid import UUID

from ninja import Field, Schema


class AssignIn(Schema):
    username: str
    lead: bool = True
    remove: bool = Field(False, description="Remove this user from the case instead")


class BulkAssignIn(Schema):
    cases: list[UUID]
    username: str


class BulkAssignOut(Schema):
    assigned: int
    cases: list[UUID]


class CaseloadOut(Schema):
    username: str
    role: str
    by_triage: dict[str, int]
    total: int
    co_working: int
    overloaded: bool


class CaseloadListOut(Schema):
    items: list[CaseloadOut]
    count: int
    warning: int
