"""API schemas of the reporter's thread on a case."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from ninja import Field, Schema

from naungan.cases.schemas.vocabulary import SenderOut


class CaseMessageOut(Schema):
    from_: SenderOut = Field(alias="from")
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
