"""API schemas of trainings. Ranges (scores 0–100, end not before start, areas) are checked by
the services, so the API and the pages refuse with the same words."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from ninja import Field, Schema


class CompetencyConferredIn(Schema):
    competency: str = Field(..., description="A code of `GET /api/v1/competencies`.")
    validity_months: int | None = Field(None, description="Empty: the competency never expires.")


class TrainingCreateIn(Schema):
    title: str = Field(..., min_length=1, max_length=200)
    organiser: str = Field(..., description="Slug of a dinas, kecamatan office or UPTD PPA.")
    starts_on: date
    ends_on: date
    place: str = Field(..., min_length=1, max_length=200)
    description: str = Field("", max_length=5000)
    resource_organisations: list[str] = Field(default_factory=list, description="Slugs.")
    resource_persons: str = Field(
        "", max_length=2000, description="Other resource persons' bodies, one per line."
    )
    pass_mark: int | None = Field(None, description="Post-test score to pass; empty: attendance.")
    competencies: list[CompetencyConferredIn] = Field(default_factory=list)
    participants: list[str] = Field(default_factory=list, description="Usernames.")


class ParticipantsAddIn(Schema):
    participants: list[str] = Field(..., description="Usernames.")


class ResultItemIn(Schema):
    participant: UUID
    attended: bool
    pre_score: int | None = None
    post_score: int | None = None


class ResultsIn(Schema):
    results: list[ResultItemIn]


class CompetencyConferredOut(Schema):
    competency: str
    label: str
    validity_months: int | None


class ParticipantOut(Schema):
    id: UUID
    name: str
    username: str
    organisation: str | None
    attended: bool
    pre_score: int | None
    post_score: int | None
    passed: bool
    certificate_number: str | None


class TrainingOut(Schema):
    id: UUID
    title: str
    organiser: str
    organiser_name: str
    area_code: str
    starts_on: date
    ends_on: date
    place: str
    description: str
    resource_organisations: list[str]
    resource_persons: str
    pass_mark: int | None
    competencies: list[CompetencyConferredOut]
    participants: list[ParticipantOut]


class TrainingItemOut(Schema):
    id: UUID
    title: str
    organiser: str
    starts_on: date
    ends_on: date
    place: str
    participant_count: int


class TrainingListOut(Schema):
    items: list[TrainingItemOut]
    count: int
