"""Cases API: saved case-list filters."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Status

from naungan.accounts.access import api_role_required, request_user
from naungan.accounts.roles import CASE_ROLES
from naungan.cases import selectors
from naungan.cases.api import router
from naungan.cases.models import SavedFilter
from naungan.cases.schemas.saved_filters import SavedFilterIn, SavedFilterListOut, SavedFilterOut
from naungan.cases.services import saved_filters as saved_filter_services


@router.get(
    "/saved-filters",
    response=SavedFilterListOut,
    summary="My saved case-list filters",
)
@api_role_required(CASE_ROLES)
def saved_filters_list(request: HttpRequest) -> dict[str, Any]:
    items = list(selectors.saved_filters_of(user=request_user(request)))
    return {"items": items, "count": len(items)}


@router.post(
    "/saved-filters",
    response={201: SavedFilterOut},
    summary="Save a case-list filter",
    description="`query` is the list's query string; only `status`, `area`, `violence_type` "
    "and `overdue` are kept (search text may be personal data and is never stored). The same "
    "`name` replaces the earlier filter.",
)
@api_role_required(CASE_ROLES)
def saved_filters_create(request: HttpRequest, payload: SavedFilterIn) -> Status[SavedFilter]:
    saved = saved_filter_services.saved_filter_save(
        actor=request_user(request), name=payload.name, query=payload.query
    )
    return Status(201, saved)


@router.delete(
    "/saved-filters/{filter_id}",
    response={204: None},
    summary="Delete one of my saved filters",
)
@api_role_required(CASE_ROLES)
def saved_filters_delete(request: HttpRequest, filter_id: int) -> Status[None]:
    user = request_user(request)
    saved = selectors.saved_filter_get(user=user, filter_id=filter_id)
    saved_filter_services.saved_filter_delete(actor=user, saved=saved)
    return Status(204, None)
