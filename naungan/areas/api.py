from __future__ import annotations

from django.http import Http404, HttpRequest
from ninja import Router, Schema

from .selectors import area_children, area_get

router = Router(tags=["regions"])


class RegionOut(Schema):
    code: str
    name: str
    level: str


class RegionList(Schema):
    items: list[RegionOut]
    count: int


@router.get(
    "",
    response=RegionList,
    auth=None,
    summary="Child areas of a region",
    description="Official Kemendagri areas. Without `parent`: the provinces. With "
    "`parent=CODE`: that area's direct children. Unknown parent → 404. No token needed.",
)
def regions(request: HttpRequest, parent: str | None = None) -> dict[str, object]:
    if parent and area_get(parent) is None:
        raise Http404
    items = list(area_children(parent_code=parent))
    return {"items": items, "count": len(items)}
