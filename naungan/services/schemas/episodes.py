"""API schemas of service episodes: opening one (``POST /api/v1/cases/{id}/services``,
CONTRACT §4, §8), listing and showing them."""

from __future__ import annotations

from datetime import date, datetime
from uuid import UUID

from ninja import Field, Schema

from .vocabulary import (
    AdmissionReasonIn,
    DestinationIn,
    MediationMatterIn,
    PartnerClockIn,
    ServiceIn,
)


class EpisodeIn(Schema):
    """One flat body for every service; the fields of another service are ignored."""

    service: ServiceIn
    started_at: datetime | None = Field(None, description="Default now; never in the future")
    organisation: str | None = Field(
        None,
        max_length=60,
        description="Slug. Shelter: the shelter (required). Otherwise the giving unit, "
        "default the case's UPTD PPA",
    )
    staff: str | None = Field(None, max_length=150, description="Username; default the caller")
    place: str = Field("", max_length=500)
    notes: str = Field("", max_length=20000)
    # shelter
    beds: int = Field(1, ge=1, le=50, description="Shelter: beds taken (victim and children)")
    children: int = Field(0, ge=0, le=50, description="Shelter: how many of them are children")
    admission_reasons: list[AdmissionReasonIn] = []
    capacity_override_reason: str | None = Field(
        None, max_length=2000, description="Supervisor only: admit although no bed is free"
    )
    # mediation
    matter: MediationMatterIn | None = None
    readiness_checked: bool = False
    client_agrees: bool = False
    mediator: str = Field("", max_length=200)
    # accompaniment
    destination: DestinationIn | None = None
    purpose: str = Field("", max_length=300)
    companions: str = Field("", max_length=300)
    outcome: str = Field("", max_length=5000)
    next_hearing_at: datetime | None = None
    partner_clocks: list[PartnerClockIn] = []
    # outreach: the first visit
    visit_planned_at: datetime | None = None
    visit_team: str = Field("", max_length=300)
    visit_with_police: bool = False
    visit_with_health: bool = False
    visit_transport: str = Field("", max_length=100)
    visit_address_verified: bool = False
    visit_needs: str = Field("", max_length=2000)


class EndIn(Schema):
    ended_at: datetime | None = None
    outcome: str = Field("", max_length=5000)


class EpisodeItemOut(Schema):
    id: UUID
    service: str
    organisation: str
    organisation_name: str
    staff: str | None
    started_at: datetime
    ended_at: datetime | None
    in_progress: bool
    automatic: bool


class EpisodeListOut(Schema):
    items: list[EpisodeItemOut]
    count: int


class ExtensionOut(Schema):
    id: UUID
    until: datetime
    reason: str
    status: str
    requested_by: str
    decided_by: str | None
    decision_note: str


class StayOut(Schema):
    shelter: str
    beds: int
    children: int
    admission_reasons: list[str]
    admitted_at: datetime
    planned_end_at: datetime
    over_capacity: bool
    discharged_at: datetime | None
    destination: str
    address: str | None = Field(
        None,
        description="The shelter's confidential address: only for the case's writers while "
        "the stay is in progress",
    )
    extensions: list[ExtensionOut]


class VisitOut(Schema):
    id: UUID
    planned_at: datetime
    team: str
    with_police: bool
    with_health: bool
    transport: str
    address_verified: bool
    needs: str
    status: str
    perpetrator_present: bool | None
    safe_for_victim: bool | None
    safety_checked_at: datetime | None
    departed_at: datetime | None
    done_at: datetime | None
    result: str | None


class SessionOut(Schema):
    id: UUID
    held_at: datetime
    parties: str
    minutes: str


class MediationOut(Schema):
    matter: str | None
    readiness_checked: bool
    client_agrees: bool
    mediator: str
    agreement: str
    agreement_signed_on: date | None
    follow_up_on: date | None
    sessions: list[SessionOut]


class AccompanimentOut(Schema):
    destination: str | None
    purpose: str
    companions: str
    next_hearing_at: datetime | None


class EpisodeOut(EpisodeItemOut):
    place: str
    outcome: str
    notes: str
    shelter: StayOut | None = None
    visits: list[VisitOut] | None = None
    mediation: MediationOut | None = None
    accompaniment: AccompanimentOut | None = None
    warnings: list[str] = []
