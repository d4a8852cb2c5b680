"""API schemas of cases: the vocabularies a request may use, opening a case (and converting a
report), the case as listed and as shown."""

from __future__ import annotations

from datetime import date, datetime
from uuid import UUID

from ninja import Field, Schema

from naungan.cases.schemas.incidents import IncidentOut
from naungan.cases.schemas.messages import CaseMessageOut
from naungan.cases.schemas.vocabulary import (
    ChannelIn,
    EducationIn,
    MaritalStatusIn,
    PlaceIn,
    RelationshipIn,
    SexIn,
    TriageIn,
    ViolenceTypeIn,
)


class PersonIn(Schema):
    person_id: UUID | None = Field(None, description="Link someone already in a visible case")
    name: str | None = Field(None, max_length=200)
    age: int | None = Field(None, ge=0, le=130)
    sex: SexIn | None = None
    nik: str | None = Field(None, max_length=40)
    phone: str | None = Field(None, max_length=40)
    address: str | None = Field(None, max_length=500)
    birth_date: date | None = None
    disability: bool = False
    education: EducationIn | None = None
    occupation: str | None = Field(None, max_length=100)
    marital_status: MaritalStatusIn | None = None


class VictimIn(PersonIn):
    violence_types: list[ViolenceTypeIn] = []
    place: PlaceIn | None = None


class PerpetratorIn(PersonIn):
    relationship: RelationshipIn | None = None


class CaseIn(Schema):
    area_code: str = Field(..., max_length=13)
    received_at: datetime | None = None
    channel: ChannelIn = "walk_in"
    violence_types: list[ViolenceTypeIn] = []
    description: str = Field("", max_length=20000)
    triage: TriageIn | None = None
    restricted: bool = False
    victims: list[VictimIn] = []
    perpetrators: list[PerpetratorIn] = []


class ConvertIn(Schema):
    """Optional case fields when converting a report; the report's own data fill the rest."""

    victims: list[VictimIn] = []
    perpetrators: list[PerpetratorIn] = []
    violence_types: list[ViolenceTypeIn] | None = None
    triage: TriageIn | None = None
    area_code: str | None = Field(None, max_length=13)
    restricted: bool = False


# The case list's query string: ``selectors.CaseFilters`` plus the page. (The name is the
# OpenAPI component's.)
class CaseFilters(Schema):
    status: str = ""
    area: str = ""
    violence_type: str = ""
    q: str = ""
    lead: str = ""
    overdue: bool = False
    received_from: str = ""
    received_to: str = ""
    channel: str = ""
    occurred_from: str = ""
    occurred_to: str = ""
    age_group: str = ""
    sex: str = ""
    disability: str = ""
    place: str = ""
    relationship: str = ""
    perpetrator_age_group: str = ""
    gbv_type: str = ""
    tpks_type: str = ""
    counted: bool = False
    limit: int = 50
    offset: int = 0


class CaseItemOut(Schema):
    id: UUID
    registration_number: str
    status: str
    area_code: str
    channel: str
    received_at: datetime
    violence_types: list[str]
    triage: str
    restricted: bool
    lead: str | None


class CaseListOut(Schema):
    items: list[CaseItemOut]
    count: int


class PartyOut(Schema):
    id: UUID = Field(description="The person's id (incidents name a survivor by it)")
    party_id: UUID = Field(description="The party's id (`/cases/{id}/parties/{party_id}`)")
    name: str
    age: int | None
    sex: str
    nik: str
    phone: str


class VictimOut(PartyOut):
    violence_types: list[str]
    place: str


class PerpetratorOut(PartyOut):
    relationship: str


class CaseOut(CaseItemOut):
    organisation: str
    description: str
    co_workers: list[str]
    created_by: str
    closed_at: datetime | None
    victims: list[VictimOut]
    perpetrators: list[PerpetratorOut]
    incidents: list[IncidentOut]
    messages: list[CaseMessageOut] = Field(
        description="The reporter's thread of the report the case came from; empty for a case "
        "opened directly"
    )


class CreatedOut(Schema):
    id: UUID


class ConvertOut(Schema):
    case_id: UUID
