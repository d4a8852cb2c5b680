"""Input and output schemas of the reports API (CONTRACT §4)."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Literal, Self

from django.core.exceptions import ValidationError as DjangoValidationError
from ninja import Field, Schema
from pydantic import BaseModel, PrivateAttr, ValidationError, model_validator
from pydantic_core import PydanticCustomError

from .services.validation import ReportInput, ValidReport, report_validate

Kind = Literal["complaint", "curhat"]
Relation = Literal["victim", "family", "witness", "other"]
ViolenceTypeName = Literal[
    "physical", "psychological", "sexual", "exploitation", "trafficking", "neglect", "other"
]
StaffChannel = Literal["hotline", "walk_in", "activist", "referral_in", "outreach"]


class VictimIn(BaseModel):
    """A plain pydantic model: ninja's Schema would read attributes off any object, so a string
    in place of the victim would pass."""

    name: str | None = Field(None, description="Victim's name (optional, stored encrypted).")
    age: int | None = Field(None, description="Age in years, 0–120.")
    sex: Literal["F", "M"] | None = None


# The error type of a rule of ``report_validate``: its message is already in the user's language.
RULE_ERROR = "naungan_rule"
_FIELD_LOC = {
    "victim_name": ("victim", "name"),
    "victim_age": ("victim", "age"),
    "victim_sex": ("victim", "sex"),
}


class PublicReportIn(Schema):
    """The public report body, and its single validation: pydantic checks the types, then (an
    "after" validator) ``services.report_validate`` the rules the HTML form shares (lengths,
    dates, known area, who must give a name…). A failure of either is one pydantic
    ValidationError naming each field; on success ``cleaned`` holds what the service stores."""

    kind: Kind = Field(description="`complaint` (report violence) or `curhat` (confide).")
    reporter_relation: Relation
    anonymous: bool = True
    reporter_name: str | None = Field(None, description="Required when `anonymous` is false.")
    reporter_phone: str | None = Field(None, description="Required when `anonymous` is false.")
    message_only: bool = Field(False, description="Contact by message only, never call.")
    victim: VictimIn | None = None
    violence_types: list[ViolenceTypeName] = Field(
        default_factory=list, description="SIMFONI values; at least one for a complaint."
    )
    description: str = Field(description="What happened: 10 to 10,000 characters.")
    incident_date: dt.date | None = Field(None, description="Not in the future.")
    area_code: str | None = Field(None, description="A known Kemendagri code, e.g. `64.71.01`.")
    location_detail: str | None = None

    _input: ReportInput = PrivateAttr()
    _clean: ValidReport = PrivateAttr()

    def to_input(self) -> ReportInput:
        victim = self.victim
        return ReportInput(
            kind=self.kind,
            reporter_relation=self.reporter_relation,
            anonymous=self.anonymous,
            reporter_name=self.reporter_name,
            reporter_phone=self.reporter_phone,
            message_only=self.message_only,
            victim_name=victim.name if victim else None,
            victim_age=victim.age if victim else None,
            victim_sex=victim.sex if victim else None,
            violence_types=list(self.violence_types),
            description=self.description,
            incident_date=self.incident_date,
            area_code=self.area_code,
            location_detail=self.location_detail,
        )

    @model_validator(mode="after")
    def _rules(self) -> Self:
        data = self.to_input()
        try:
            self._clean = report_validate(data, staff=isinstance(self, StaffReportIn))
        except DjangoValidationError as exc:
            raise ValidationError.from_exception_data(
                type(self).__name__,
                [
                    {
                        "type": PydanticCustomError(RULE_ERROR, "{msg}", {"msg": " ".join(msgs)}),
                        "loc": _FIELD_LOC.get(name, (name,)),
                        "input": None,
                    }
                    for name, msgs in exc.message_dict.items()
                ],
            ) from None
        self._input = data
        return self

    @property
    def cleaned(self) -> tuple[ReportInput, ValidReport]:
        """The input (for the idempotency fingerprint) and its validated values."""
        return self._input, self._clean


class StaffReportIn(PublicReportIn):
    channel: StaffChannel
    medium: Literal["phone", "whatsapp", "letter", "email"] | None = Field(
        None, description="For hotline reports."
    )
    source_reference: str | None = Field(None, description="The sender's reference (referrals).")
    received_at: dt.datetime | None = Field(None, description="Defaults to now; not in the future.")
    victim_consent: bool | None = Field(
        None,
        description="Channel `activist`: whether the victim agreed to the report (kept for "
        "activists' reports only).",
    )
    reported_checklist: list[str] = Field(
        default_factory=list,
        description="The quick triage checklist as answered in the field (item keys of the "
        "active `triage` instrument, `GET /api/v1/risk/instruments`): it sets the report's "
        "`triage_suggested`, orders the intake queue and is pre-ticked for the desk, who "
        "confirms or raises it.",
    )

    def to_input(self) -> ReportInput:
        data = super().to_input()
        data.channel = self.channel
        data.victim_consent = self.victim_consent
        data.reported_checklist = list(self.reported_checklist)
        data.medium = self.medium
        data.source_reference = self.source_reference
        data.received_at = self.received_at
        return data


class PublicReportOut(Schema):
    tracking_code: str
    pin: str = Field(description="Shown once; only a keyed hash is stored.")
    status: str


class StaffReportCreated(Schema):
    id: uuid.UUID
    tracking_code: str
    pin: str = Field(description="Give it to the reporter so she can follow the report.")
    status: str


class PublicMessageOut(Schema):
    from_: Literal["reporter", "staff"] = Field(alias="from")
    body: str
    sent_at: dt.datetime


class PublicStatusOut(Schema):
    tracking_code: str
    status: Literal["received", "in_progress", "closed"]
    messages: list[PublicMessageOut]


class MessageIn(Schema):
    body: str


class MessageCreated(Schema):
    sent_at: dt.datetime


class ReportItemOut(Schema):
    id: uuid.UUID
    tracking_code: str
    kind: str
    channel: str
    status: str
    triage: str | None
    area_code: str | None
    received_at: dt.datetime
    response_due_at: dt.datetime | None
    overdue: bool
    unread_messages: bool
    triage_suggested: str | None = Field(
        None,
        description="The level the triage checklist suggests: from the field checklist until "
        "the report is triaged, then the desk's.",
    )


class ReportList(Schema):
    items: list[ReportItemOut]
    count: int


class StaffMessageOut(Schema):
    from_: Literal["reporter", "staff"] = Field(alias="from")
    author: str | None
    body: str
    sent_at: dt.datetime
    read: bool


class ReportDetailOut(ReportItemOut):
    description: str
    reporter_relation: str
    anonymous: bool
    reporter_name: str
    reporter_phone: str
    message_only: bool
    victim: dict[str, object]
    violence_types: list[str]
    victim_consent: bool | None = Field(
        None, description="Activists' reports: whether the victim agreed to the report."
    )
    incident_date: dt.date | None
    location_detail: str
    organisation: str | None
    closed_reason: str
    triage_checklist: list[str]
    reported_checklist: list[str] = Field(
        default_factory=list,
        description="The checklist items ticked in the field (activists' reports).",
    )
    triage_suggested_by: str | None = Field(
        None,
        description="The triage instrument version that suggested `triage_suggested` "
        "(e.g. `triage v2`), stored at triage.",
    )
    triage_reason: str
    messages: list[StaffMessageOut]


class TriageIn(Schema):
    level: Literal["emergency", "high", "medium", "low"]
    checklist: list[str] = Field(default_factory=list)
    reason: str = ""


class CloseIn(Schema):
    reason: str


class HandOverIn(Schema):
    recipient: str = Field(description="The competent body the report is handed over to.")
