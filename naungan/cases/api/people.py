"""Cases API: the people search before create (DESIGN §4)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from naungan.accounts.access import api_role_required, request_user
from naungan.accounts.roles import CASE_ROLES
from naungan.cases import selectors, services
from naungan.cases.api import router
from naungan.cases.schemas.people import MatchListOut


@router.get(
    "/matches",
    response=MatchListOut,
    summary="Search before create",
    description="Existing people in visible cases: exact by `nik` or `phone` (blind index), "
    "fuzzy by `name` (+ `birth_year` or `age`). Matches outside scope are never shown; they "
    "are recorded for the supervisors of that area.",
)
@api_role_required(CASE_ROLES)
def cases_matches(
    request: HttpRequest,
    nik: str = "",
    phone: str = "",
    name: str = "",
    birth_year: int | None = None,
    age: int | None = None,
) -> dict[str, Any]:
    user = request_user(request)
    matches, hidden = selectors.person_matches(
        user=user, nik=nik, phone=phone, name=name, birth_year=birth_year, age=age
    )
    services.match_hidden_alert(actor=user, cases=hidden)
    items = [
        {
            "person_id": m["person"].public_id,
            "case_id": m["case"].public_id,
            "registration_number": m["case"].registration_number,
            "role": m["role"],
            "match": m["match"],
        }
        for m in matches
    ]
    return {"items": items, "count": len(items)}
