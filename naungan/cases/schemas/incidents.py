"""API schemas of incidents and their classification."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from ninja import Field, Schema

from naungan.cases.schemas.vocabulary import (
    AbductionIn,
    HarmfulPracticeIn,
    PlaceIn,
    RelationshipIn,
    TpksIn,
    ViolenceTypeIn,
)


class IncidentOut(Schema):
    id: UUID
    survivor: UUID
    occurred_on: date | None
    gbv_type: str
    context_flags: list[str]
    tpks_type: str | None
    perpetrator_relationship: str
    perpetrator_age: int | None
    survivor_age: int | None
    reporting_consent: bool
    reported_elsewhere: bool


class ClassificationIn(Schema):
    penetration: bool | None = None
    sexual_contact: bool | None = None
    physical_assault: bool | None = None
    forced_marriage: bool | None = None
    denial_of_resources: bool | None = None
    psychological_abuse: bool | None = None


class IncidentIn(Schema):
    survivor: UUID | None = None
    occurred_on: date | None = None
    occurred_on_approximate: bool = False
    survivor_age_at_incident: int | None = Field(None, ge=0, le=130)
    classification: ClassificationIn
    perpetrator_relationship: RelationshipIn | None = None
    perpetrator_age: int | None = Field(None, ge=0, le=130)
    money_goods_exchanged: bool = False
    abduction: AbductionIn = "none"
    harmful_traditional_practice: HarmfulPracticeIn = "no"
    tpks_type: TpksIn | None = None
    reporting_consent: bool = False
    reported_elsewhere: bool = False
    place: PlaceIn | None = None
    violence_types: list[ViolenceTypeIn] = []
    narrative: str = Field("", max_length=20000)


class IncidentCreatedOut(IncidentOut):
    answer_trace: list[dict[str, object]]


class ReclassifyIn(Schema):
    classification: ClassificationIn
    reason: str = Field(..., min_length=1, max_length=2000)
