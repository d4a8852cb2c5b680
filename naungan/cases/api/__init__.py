"""The cases app's API: one router, mounted once at ``/cases`` in ``naungan.api``, and
``outer_router`` for the app's few paths outside ``/cases`` (``/reports/{id}/convert``,
``/notifications``), mounted at the root. The endpoints live in one module per sub-domain (the
same names as ``services``, ``selectors``, ``views``).

A case id segment (``{caseid:case_id}``) never matches the router's own literal first segments
(``transfers``, ``saved-filters`` …), so no path of the router shadows another and the order
in which modules or routers are mounted does not matter. Any other value still reaches the
endpoint, whose ``UUID`` parameter answers a malformed id with 422 as before."""

from __future__ import annotations

from django.urls import register_converter
from ninja import Router

# The first path segments under /cases that are not a case id.
RESERVED_SEGMENTS = ("bulk-assign", "caseload", "matches", "saved-filters", "transfers")


class CaseIdConverter:
    """A path segment that is not one of ``RESERVED_SEGMENTS`` (the endpoint validates it)."""

    regex = r"(?!(?:" + "|".join(RESERVED_SEGMENTS) + r")(?:/|\Z))[^/]+"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: object) -> str:
        return str(value)


register_converter(CaseIdConverter, "caseid")

router = Router(tags=["cases"])
outer_router = Router(tags=["cases"])

# Importing the modules registers their endpoints on the two routers.
from . import (  # noqa: E402
    assignment,
    cases,
    incidents,
    messages,
    notifications,
    people,
    plans,
    saved_filters,
    summary,
    tasks,
    transfers,
    workflow,
)

# The operationIds the endpoints had before the API was split into modules, kept so that
# generated clients keep their method names.
_FORMER_MODULES = {
    "plans": "naungan.cases.api_plans",
    "summary": "naungan.cases.api_plans",
    "notifications": "naungan.cases.api_plans",
    "transfers": "naungan.cases.api_supervisor",
    "saved_filters": "naungan.cases.api_supervisor",
}
_FORMER_FUNCTIONS = {
    "cases_bulk_assign": "naungan.cases.api_supervisor",
    "cases_caseload": "naungan.cases.api_supervisor",
}
for _router in (router, outer_router):
    for _path_view in _router.path_operations.values():
        for _operation in _path_view.operations:
            _func = _operation.view_func
            _module = _FORMER_FUNCTIONS.get(_func.__name__) or _FORMER_MODULES.get(
                _func.__module__.rsplit(".", 1)[-1], "naungan.cases.api"
            )
            _operation.operation_id = f"{_module}_{_func.__name__}".replace(".", "_")

__all__ = [
    "assignment",
    "cases",
    "incidents",
    "messages",
    "notifications",
    "outer_router",
    "people",
    "plans",
    "router",
    "saved_filters",
    "summary",
    "tasks",
    "transfers",
    "workflow",
]
