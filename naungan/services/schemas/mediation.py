"""API schemas of mediation sessions and the agreement."""

from __future__ import annotations

from datetime import date, datetime

from ninja import Field, Schema


class SessionIn(Schema):
    held_at: datetime | None = None
    parties: str = Field(..., min_length=1, max_length=2000)
    minutes: str = Field("", max_length=20000)


class AgreementIn(Schema):
    agreement: str = Field(..., min_length=1, max_length=20000)
    signed_on: date | None = None
    follow_up_on: date | None = None
