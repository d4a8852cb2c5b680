"""Input and output schemas of the cases API (CONTRACT §4, §6, §8)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal
from uuid import UUID

from ninja import Field, Schema

ViolenceTypeIn = Literal[
    "physical", "psychological", "sexual", "exploitation", "trafficking", "neglect", "other"
]
ChannelIn = Literal["web", "hotline", "walk_in", "activist", "referral_in", "outreach"]
RelationshipIn = Literal[
    "intimate_partner",
    "former_partner",
    "primary_caregiver",
    "family",
    "supervisor_employer",
    "schoolmate",
    "teacher",
    "service_provider",
    "neighbour_friend",
    "stranger",
    "other",
    "unknown",
]
PlaceIn = Literal["household", "workplace", "short_course", "school", "public_facility", "other"]
TpksIn = Literal[
    "nonphysical_harassment",
    "physical_harassment",
    "forced_contraception",
    "forced_sterilisation",
    "forced_marriage",
    "sexual_torture",
    "sexual_exploitation",
    "sexual_slavery",
    "electronic",
    "rape",
    "obscene_act",
    "other",
]


class PersonIn(Schema):
    person_id: UUID | None = Field(None, description="Link someone already in a visible case")
    name: str | None = Field(None, max_length=200)
    age: int | None = Field(None, ge=0, le=130)
    sex: Literal["F", "M"] | None = None
    nik: str | None = Field(None, max_length=40)
    phone: str | None = Field(None, max_length=40)
    address: str | None = Field(None, max_length=500)
    birth_date: date | None = None
    disability: bool = False
    education: Literal["none", "primary", "junior", "senior", "higher", "unknown"] | None = None
    occupation: str | None = Field(None, max_length=100)
    marital_status: Literal["single", "married", "divorced", "widowed", "unknown"] | None = None


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
    triage: Literal["emergency", "high", "medium", "low"] | None = None
    restricted: bool = False
    victims: list[VictimIn] = []
    perpetrators: list[PerpetratorIn] = []


class ConvertIn(Schema):
    """Optional case fields when converting a report; the report's own data fill the rest."""

    victims: list[VictimIn] = []
    perpetrators: list[PerpetratorIn] = []
    violence_types: list[ViolenceTypeIn] | None = None
    triage: Literal["emergency", "high", "medium", "low"] | None = None
    area_code: str | None = Field(None, max_length=13)
    restricted: bool = False


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
    id: UUID
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


class CaseMessageOut(Schema):
    from_: Literal["reporter", "staff"] = Field(alias="from")
    body: str
    sent_at: datetime
    author: str | None = Field(None, description="Staff only; the reporter sees “Petugas”")
    read: bool = Field(description="A reporter message read by the case's staff")


class CaseMessageIn(Schema):
    body: str = Field(description="1 to the thread's maximum length; sent to the reporter")


class CaseMessageCreatedOut(Schema):
    from_: Literal["staff"] = Field(alias="from")
    body: str
    sent_at: datetime


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


class AssignIn(Schema):
    username: str
    lead: bool = True
    remove: bool = Field(False, description="Remove this user from the case instead")


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
    abduction: Literal["none", "abducted", "trafficked", "forced_conscription"] = "none"
    harmful_traditional_practice: Literal["no", "fgm", "early_marriage", "other"] = "no"
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


class TaskOut(Schema):
    id: UUID
    kind: str
    due_at: datetime
    status: str
    statutory: bool
    overdue: bool
    owner: str | None
    source_rule: str
    waived_reason: str


class TaskListOut(Schema):
    items: list[TaskOut]
    count: int


class WaiveIn(Schema):
    reason: str = Field(..., min_length=1, max_length=2000)


class TransitionIn(Schema):
    to: Literal["open", "assessment", "intervention", "monitoring", "closed"]
    reason: str = Field("", max_length=2000)


class ClosureIn(Schema):
    reason: Literal["goals_met", "client_declined", "transferred", "unreachable", "moved", "died"]
    summary: str = Field("", max_length=20000)


class ClosureOut(Schema):
    id: UUID
    status: str
    reason: str
    requested_by: str
    decided_by: str | None
    case_status: str


class DecideIn(Schema):
    approve: bool
    note: str = Field("", max_length=2000)


class ReopenIn(Schema):
    reason: str = Field(..., min_length=1, max_length=2000)


class NoteIn(Schema):
    kind: Literal["contact", "home_visit", "coordination", "supervision", "other"]
    body: str = Field(..., min_length=1, max_length=20000)


class CreatedOut(Schema):
    id: UUID


class MatchOut(Schema):
    person_id: UUID
    case_id: UUID
    registration_number: str
    role: str
    match: str


class MatchListOut(Schema):
    items: list[MatchOut]
    count: int


class ConvertOut(Schema):
    case_id: UUID
