"""The cases API's paths never shadow one another: every concrete path reaches exactly one
operation, so the order in which routers (or the app's modules) are mounted does not matter.
Before the routers got their own prefixes, ``/cases/{case_id}`` also matched
``/cases/transfers``, and only mounting order decided which one answered."""

from __future__ import annotations

import re
import uuid

from django.urls import URLPattern, URLResolver, resolve

from naungan.api import api

SAMPLE_ID = str(uuid.UUID(int=7))
# The routes of the cases app's two routers.
CASES_APP_ROUTES = ("cases", "notifications", "reports/<report_id>/convert")


def _patterns() -> list[URLPattern]:
    out: list[URLPattern] = []

    def walk(items: list[URLPattern | URLResolver]) -> None:
        for item in items:
            if isinstance(item, URLResolver):
                walk(item.url_patterns)
            else:
                out.append(item)

    walk(api.urls[0])
    return out


def _concrete(route: str) -> str:
    """The route with each parameter filled: an id (UUID), a number for an int."""
    route = re.sub(r"<int:\w+>", "1", route)
    return re.sub(r"<(?:\w+:)?\w+>", SAMPLE_ID, route)


def test_every_concrete_api_path_matches_exactly_one_route():
    patterns = _patterns()
    routes = [str(p.pattern) for p in patterns]
    assert any(r.startswith("cases/<caseid:case_id>") for r in routes)
    cases_routes = [r for r in routes if r.startswith(CASES_APP_ROUTES)]
    assert len(cases_routes) > 30
    for route in cases_routes:
        path = _concrete(route)
        matching = {str(p.pattern) for p in patterns if p.pattern.match(path)}
        assert matching == {route}, (path, matching)


def test_the_literal_segments_under_cases_reach_their_own_operations():
    for path, name in [
        ("/api/v1/cases/transfers", "transfers_list"),
        ("/api/v1/cases/saved-filters", "saved_filters_list"),
        ("/api/v1/cases/caseload", "cases_caseload"),
        ("/api/v1/cases/matches", "cases_matches"),
        (f"/api/v1/cases/{SAMPLE_ID}", "cases_get"),
        (f"/api/v1/cases/{SAMPLE_ID}/transfers", "transfers_create"),
        (f"/api/v1/reports/{SAMPLE_ID}/convert", "reports_convert"),
        ("/api/v1/notifications", "notifications_list"),
    ]:
        assert resolve(path).url_name == name, path


def test_a_malformed_case_id_still_reaches_the_endpoint_and_answers_422(personas):
    r = personas["supervisor_bpp"].api("get", "/api/v1/cases/not-a-uuid")
    assert r.status_code == 422
