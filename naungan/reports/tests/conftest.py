from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client


@pytest.fixture(autouse=True)
def _clear_cache() -> Iterator[None]:
    cache.clear()
    yield
    cache.clear()


VALID = {
    "kind": "complaint",
    "reporter_relation": "victim",
    "anonymous": True,
    "reporter_name": None,
    "reporter_phone": None,
    "victim": {"name": None, "age": 15, "sex": "F"},
    "violence_types": ["physical"],
    "description": "Saya dipukul oleh ayah tiri di rumah tadi malam.",
    "incident_date": "2026-01-05",
    "area_code": "64.71.01",
    "location_detail": None,
}


@pytest.fixture
def report_body() -> dict[str, Any]:
    return json.loads(json.dumps(VALID))


class Public:
    """The anonymous public API client."""

    def __init__(self) -> None:
        self.client = Client()

    def submit(self, body: Any, **headers: Any) -> Any:
        data = body if isinstance(body, (str, bytes)) else json.dumps(body)
        return self.client.post(
            "/api/v1/public/reports", data=data, content_type="application/json", **headers
        )

    def status(self, code: str, pin: str, **headers: Any) -> Any:
        return self.client.get(f"/api/v1/public/reports/{code}", HTTP_X_REPORT_PIN=pin, **headers)

    def message(self, code: str, pin: str, body: str) -> Any:
        return self.client.post(
            f"/api/v1/public/reports/{code}/messages",
            data=json.dumps({"body": body}),
            content_type="application/json",
            HTTP_X_REPORT_PIN=pin,
        )


@pytest.fixture
def public(db: Any) -> Public:
    return Public()
