"""API schemas of the next hearing and partner clocks."""

from __future__ import annotations

from datetime import datetime

from ninja import Schema

from .vocabulary import PartnerClockIn


class NextHearingIn(Schema):
    next_hearing_at: datetime


class PartnerClockStartIn(Schema):
    clock: PartnerClockIn
    started_at: datetime | None = None
