"""API schemas of outreach visits."""

from __future__ import annotations

from datetime import datetime

from ninja import Field, Schema

from .vocabulary import OutreachResultIn


class VisitPlanIn(Schema):
    planned_at: datetime
    team: str = Field(..., min_length=1, max_length=300)
    with_police: bool = False
    with_health: bool = False
    transport: str = Field("", max_length=100)
    address_verified: bool = False
    needs: str = Field("", max_length=2000)


class SafetyCheckIn(Schema):
    perpetrator_present: bool
    safe_for_victim: bool
    note: str = Field("", max_length=2000)


class VisitResultIn(Schema):
    result: OutreachResultIn
    note: str = Field("", max_length=5000)
    done_at: datetime | None = None
