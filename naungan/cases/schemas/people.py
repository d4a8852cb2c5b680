"""API schemas of the people search before create."""

from __future__ import annotations

from uuid import UUID

from ninja import Schema


class MatchOut(Schema):
    person_id: UUID
    case_id: UUID
    registration_number: str
    role: str
    match: str


class MatchListOut(Schema):
    items: list[MatchOut]
    count: int
