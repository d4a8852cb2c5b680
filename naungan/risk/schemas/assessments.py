"""API schemas of risk assessments (CONTRACT §7). The body's fields are loosely typed on
purpose: the service checks each and answers 422 naming the field in the user's language."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from ninja import Field, Schema


class AssessmentIn(Schema):
    instrument: Any = Field(None, description="`dash` (q1..q24) or `da` (q1..q20)")
    answers: Any = Field(None, description='`{"q1": "yes" | "no" | "dont_know", …}`')
    assessed_at: Any = Field(None, description="ISO 8601; default now; never in the future")
    professional_judgement: Any = Field(None, description="`medium` | `high`; raises only")
    judgement_reason: Any = Field(None, description="Required with a judgement")
    children_in_household: bool | None = Field(
        None, description="Default: a household member under 18 on the case"
    )
    victim: UUID | None = Field(None, description="Person id; default the case's first victim")


class JudgementIn(Schema):
    professional_judgement: Any = None
    judgement_reason: Any = None


class AssessmentOut(Schema):
    id: UUID
    instrument: str
    version: int
    assessed_at: datetime
    score: int
    max_score: int
    score_text: str
    scored_level: str | None
    professional_judgement: str | None
    level: str | None
    referral_required: bool
    referral_reasons: list[str]
    escalation_incidents: int
    children_in_household: bool
    bands: list[list[Any]]
    weighted_levels: str | None
    revises: UUID | None


class AssessmentListOut(Schema):
    items: list[AssessmentOut]
    count: int
