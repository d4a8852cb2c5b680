"""Community API: the field app's offline queue (CONTRACT §4 ``POST /api/v1/sync``)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from naungan.accounts.access import api_role_required, request_user
from naungan.accounts.roles import ACTIVISTS

from .. import services
from ..schemas.sync import SyncIn, SyncOut
from . import router


@router.post(
    "/sync",
    response=SyncOut,
    summary="Sync an offline queue of the field app",
    description=(
        'Items `{"id": "<uuid made on the phone>", "type": "report" | "activity" | '
        '"accompaniment_log", "body": {...}}` (a report body as `POST /api/v1/reports`, an '
        "activity body as `POST /api/v1/activities`, an accompaniment log body "
        '`{"brief": "<brief id>", "done_on", "place", "with_whom", "what_happened", '
        '"finished"}`; a brief the activist is not, or no longer, named on is an `error` '
        "naming `brief`). Answers one result per item in the order sent: `stored`, "
        "`duplicate` (the id was stored before: the same `server_id`, nothing new stored) or "
        "`error` (with `detail` naming the field); good items are stored even when others are "
        "bad. An item naming another `user` is refused. Activists only."
    ),
)
@api_role_required(ACTIVISTS)
def sync(request: HttpRequest, payload: SyncIn) -> dict[str, Any]:
    results = services.sync_apply(actor=request_user(request), items=payload.items, request=request)
    return {"results": [r.as_dict() for r in results]}
