"""Community API: prevention activities (CONTRACT §4)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Status

from naungan.accounts.access import api_role_required, request_user
from naungan.accounts.roles import ACTIVISTS, ACTIVITY_SUMMARY_READERS

from .. import selectors, services
from ..schemas.activities import ActivityCreated, ActivityIn, ActivitySummaryOut
from . import router


@router.post(
    "/activities",
    response={201: ActivityCreated},
    summary="Record a prevention activity",
    description=(
        "A Komsos, Lautan RT parenting session, school or place-of-worship meeting, "
        "radicalism-awareness session or other activity held by an activist in their "
        "kelurahan, with attendance by sex and adult/child. A negative count, a future date or "
        "an unknown kind → 422 naming the field; a kelurahan outside the activist's scope → 404. "
        "Activists only."
    ),
)
@api_role_required(ACTIVISTS)
def activities_create(request: HttpRequest, payload: ActivityIn) -> Status[dict[str, Any]]:
    data, values = payload.cleaned
    activity = services.activity_create(
        actor=request_user(request), data=data, values=values, request=request
    )
    return Status(201, {"id": activity.public_id})


@router.get(
    "/activities/summary",
    response=ActivitySummaryOut,
    summary="Monthly summary of prevention activities in an area",
    description=(
        "`area` (a Kemendagri code) and `month` (`YYYY-MM`): the number of activities in that "
        "area and everything inside it, and their attendance. Activists (their kelurahan), "
        "supervisors and analysts of the area; an area outside scope → 404."
    ),
)
@api_role_required(ACTIVITY_SUMMARY_READERS)
def activities_summary(request: HttpRequest, area: str = "", month: str = "") -> dict[str, Any]:
    # Both optional in the signature so that the role check answers before the parameters
    # are checked (a role outside the set gets the standard 404, not a 422).
    return selectors.activity_summary(user=request_user(request), area_code=area, month=month)
