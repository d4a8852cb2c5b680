"""API schemas of the people search before create and of a case's parties."""

from __future__ import annotations

from datetime import date, datetime
from uuid import UUID

from ninja import Field, Schema

from naungan.cases.schemas.cases import PersonIn
from naungan.cases.schemas.vocabulary import (
    EducationIn,
    MaritalStatusIn,
    PartyRoleIn,
    PlaceIn,
    RelationshipIn,
    SexIn,
    ViolenceTypeIn,
)


class MatchOut(Schema):
    person_id: UUID
    case_id: UUID
    registration_number: str
    role: str
    match: str


class MatchListOut(Schema):
    items: list[MatchOut]
    count: int


class PartyIn(PersonIn):
    """A party added to a case: a new person, or `person_id` of someone in a visible case."""

    role: PartyRoleIn
    violence_types: list[ViolenceTypeIn] = Field([], description="Victims only")
    place: PlaceIn | None = Field(None, description="Victims only: SIMFONI place")
    relationship: RelationshipIn | None = Field(None, description="Perpetrators only")
    guardian_of: UUID | None = Field(None, description="Guardians only: party id of a victim")


class PartyPatchIn(Schema):
    """A correction: only the fields sent change; `null` or `""` clears one."""

    name: str | None = Field(None, max_length=200)
    age: int | None = Field(None, ge=0, le=130)
    sex: SexIn | None = None
    nik: str | None = Field(None, max_length=40)
    phone: str | None = Field(None, max_length=40)
    address: str | None = Field(None, max_length=500)
    birth_date: date | None = None
    disability: bool | None = None
    education: EducationIn | None = None
    occupation: str | None = Field(None, max_length=100)
    marital_status: MaritalStatusIn | None = None
    violence_types: list[ViolenceTypeIn] | None = None
    place: PlaceIn | None = None
    relationship: RelationshipIn | None = None
    guardian_of: UUID | None = None


class PartyRemoveIn(Schema):
    reason: str = Field(..., max_length=2000)


class PartyOut(Schema):
    id: UUID = Field(description="The party's id (for corrections and removal)")
    role: str
    person_id: UUID = Field(description="The person's id (incidents name a survivor by it)")
    name: str
    age: int | None
    sex: str
    nik: str
    phone: str
    address: str
    birth_date: date | None
    disability: bool
    education: str
    occupation: str
    marital_status: str
    violence_types: list[str]
    place: str
    relationship: str
    guardian_of: UUID | None
    added_by: str | None = Field(description="Who added it after the case was opened")
    created_at: datetime


class PartyWrittenOut(PartyOut):
    warnings: list[str] = Field(
        description="People already recorded in cases the caller sees who may be this one "
        "(search before create), and the case types the party added"
    )


class PartyListOut(Schema):
    items: list[PartyOut]
    count: int


class PartyRemovedOut(Schema):
    id: UUID
    removed_at: datetime
