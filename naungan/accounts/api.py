from __future__ import annotations

from django.http import HttpRequest
from ninja import Router, Schema

router = Router(tags=["accounts"])


class MeOut(Schema):
    username: str
    role: str
    organisation: str | None
    area_code: str | None
    second_factor_required: bool


@router.get(
    "",
    response=MeOut,
    summary="The calling user",
    description="Who the bearer token belongs to: role, organisation and area scope.",
)
def me(request: HttpRequest) -> dict[str, object]:
    user = request.user
    return {
        "username": user.get_username(),
        "role": user.role,  # type: ignore[union-attr]
        "organisation": user.organisation.slug if user.organisation else None,  # type: ignore[union-attr]
        "area_code": user.area.code if user.area else None,  # type: ignore[union-attr]
        "second_factor_required": user.requires_second_factor,  # type: ignore[union-attr]
    }
