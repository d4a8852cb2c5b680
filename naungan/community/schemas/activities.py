"""Schemas of prevention activities (CONTRACT §4 ``POST /api/v1/activities``, the summary)."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any, Self

from django.core.exceptions import ValidationError as DjangoValidationError
from ninja import Field, Schema
from pydantic import BaseModel, PrivateAttr, model_validator

from ..services.activities import ActivityInput, activity_validate
from ._errors import as_pydantic


class AttendanceIn(BaseModel):
    """Counts by sex and adult/child. Plain ints here: a negative one is refused by the rule
    (naming the field), not by the type."""

    women: int = 0
    men: int = 0
    girls: int = 0
    boys: int = 0
    total: int | None = Field(None, description="Optional: must equal the sum of the four.")


class ActivityIn(Schema):
    """The activity body and its single validation: pydantic checks the types, then
    ``activity_validate`` the rules the form and the sync share."""

    kind: str = Field(
        description="`komsos`, `parenting` (Lautan RT), `school`, `worship`, "
        "`radicalism_awareness` or `other`."
    )
    held_on: dt.date = Field(description="Not in the future.")
    area_code: str = Field(
        description="The kelurahan, e.g. `64.71.01.1001`; in the caller's scope."
    )
    rt: str | None = Field(None, description="RT number, e.g. `005`.")
    rw: str | None = None
    topic: str
    partner: str | None = Field(None, description="e.g. Posbakum Aisyiyah, Bikksa, Polsek.")
    materials: str | None = None
    attendance: AttendanceIn = Field(default_factory=lambda: AttendanceIn(total=None))

    _input: ActivityInput = PrivateAttr()
    _values: dict[str, Any] = PrivateAttr()

    def to_input(self) -> ActivityInput:
        return ActivityInput(
            kind=self.kind,
            held_on=self.held_on,
            area_code=self.area_code,
            rt=self.rt,
            rw=self.rw,
            topic=self.topic,
            partner=self.partner,
            materials=self.materials,
            attendance=self.attendance.model_dump(),
        )

    @model_validator(mode="after")
    def _rules(self) -> Self:
        data = self.to_input()
        try:
            self._values = activity_validate(data)
        except DjangoValidationError as exc:
            raise as_pydantic(type(self).__name__, exc) from None
        self._input = data
        return self

    @property
    def cleaned(self) -> tuple[ActivityInput, dict[str, Any]]:
        return self._input, self._values


class ActivityCreated(Schema):
    id: uuid.UUID


class AttendanceOut(Schema):
    women: int
    men: int
    girls: int
    boys: int


class ActivitySummaryOut(Schema):
    area: str
    month: str
    activities: int
    attendance: AttendanceOut
