"""API schemas of referrals (CONTRACT §4, §8): sending one with its consent, the lists, one
referral (for the provider: the consented categories of the case only) and the answers."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from ninja import Field, Schema


class ConsentBody(Schema):
    """The consent of a referral. `data`: `identity`, `contact`, `narrative`, `risk`,
    `services`, `documents`. `given_by`: `victim`, `guardian` (with `guardian` or
    `guardian_name`), `best_interest` (a child; a supervisor records and approves it with
    `exception_reason`, `alternative_basis` `vital_interest` | `public_task`,
    `representative`, `child_view`) or `legal_duty` (a supervisor; `duty`
    `tpks_police_report`, to law enforcement on a sexual-violence case)."""

    given_by: str = Field("", max_length=20)
    data: list[str] = Field(default_factory=list, max_length=10)
    victim: UUID | None = Field(None, description="Person id of the victim; default the first")
    method: str = Field("written", max_length=10, description="`written`, `oral`, `adapted`")
    form_version: str = Field("", max_length=20, description="Default the form in use")
    given_at: datetime | None = Field(None, description="Default now")
    guardian: UUID | None = Field(None, description="Person id of a guardian party")
    guardian_name: str = Field("", max_length=200)
    exception_reason: str = Field("", max_length=5000)
    alternative_basis: str = Field("", max_length=20)
    representative: str = Field("", max_length=300)
    child_view: str = Field("", max_length=5000)
    duty: str = Field("", max_length=30)


class ReferralIn(Schema):
    organisation: str | None = Field(None, max_length=60, description="The provider's slug")
    service_type: str = Field(
        "",
        max_length=30,
        description="`health`, `psychosocial`, `legal_aid`, `law_enforcement`, "
        "`rehabilitation`, `reintegration`, `religious`, `repatriation`, `family_counselling`",
    )
    consent: ConsentBody | None = None
    note: str = Field("", max_length=5000, description="For the provider")
    documents_held: list[str] = Field(
        default_factory=list,
        max_length=10,
        description="Eligibility documents the client holds (`sktm`, `pkh`, `kis`, `ktp`, `kk`)",
    )
    warning_reason: str = Field(
        "", max_length=2000, description="Why refer although the eligibility is not met"
    )


class ReasonIn(Schema):
    reason: str = Field("", max_length=5000)


class CompleteIn(Schema):
    outcome: str = Field("", max_length=5000)
    service_given: str = Field("", max_length=5000)


class ReferralStatusOut(Schema):
    id: UUID
    status: str


class ConsentOut(Schema):
    given_by: str
    data: list[str]
    given_at: datetime
    form_version: str
    withdrawn_at: datetime | None = None


class EventOut(Schema):
    from_status: str | None = None
    status: str
    at: datetime


class ReferralItemOut(Schema):
    id: UUID
    reference: str
    organisation: str
    organisation_name: str
    service_type: str
    status: str
    feedback: dict[str, str] | None = None
    warnings: list[str] = []
    sent_at: datetime
    case_id: UUID | None = Field(None, description="Absent meaning for providers: null")


class ReferralListOut(Schema):
    items: list[ReferralItemOut]
    count: int


class ReferralOut(ReferralItemOut):
    """One referral. `case` holds the consented categories of the case only: a category
    not consented is an absent key; after the consent is withdrawn (or the referral declined
    or withdrawn) it is empty."""

    from_organisation_name: str
    note: str
    accepted_at: datetime | None = None
    declined_at: datetime | None = None
    completed_at: datetime | None = None
    withdrawn_at: datetime | None = None
    consent: ConsentOut
    events: list[EventOut]
    case: dict[str, Any]


class ReferralCreatedOut(ReferralOut):
    warning_reason: str = ""
