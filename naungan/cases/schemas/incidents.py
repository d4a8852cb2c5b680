"""API schemas of incidents and their classification."""

from __future__ import annotations

from datetime import date, datetime
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
    """The six GBVIMS answers, each required, ``true`` or ``false`` (CONTRACT §6): a missing
    or ``null`` one is a 422 naming it."""

    penetration: bool
    sexual_contact: bool
    physical_assault: bool
    forced_marriage: bool
    denial_of_resources: bool
    psychological_abuse: bool


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


class IncidentCorrectIn(IncidentIn):
    """The whole incident again (as recorded), with an optional reason for the correction."""

    reason: str = Field("", max_length=2000)


class WithdrawIn(Schema):
    reason: str = Field(..., min_length=1, max_length=2000)


class IncidentWithdrawnOut(IncidentCreatedOut):
    withdrawn_at: datetime
    withdrawn_by: str
    withdrawn_reason: str
