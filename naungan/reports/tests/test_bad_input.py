"""Every bad input answers 4xx with {"detail": ...} naming the field; nothing is stored."""

from __future__ import annotations

import json
from typing import Any

import pytest

from naungan.reports.models import Report

pytestmark = pytest.mark.django_db


def _locs(response: Any) -> set[tuple[str, ...]]:
    return {tuple(str(p) for p in d["loc"]) for d in response.json()["detail"]}


@pytest.mark.parametrize(
    ("change", "loc"),
    [
        ({"description": "pendek"}, ("body", "description")),
        ({"description": ""}, ("body", "description")),
        ({"description": "x" * 10_001}, ("body", "description")),
        ({"incident_date": "2999-01-01"}, ("body", "incident_date")),
        ({"incident_date": "2026-02-31"}, ("body", "incident_date")),
        ({"area_code": "99.99.99"}, ("body", "area_code")),
        ({"violence_types": ["slapping"]}, ("body", "violence_types", "0")),
        ({"violence_types": "physical"}, ("body", "violence_types")),
        ({"violence_types": []}, ("body", "violence_types")),
        ({"victim": {"age": "fifteen"}}, ("body", "victim", "age")),
        ({"victim": {"age": 300}}, ("body", "victim", "age")),
        ({"victim": {"sex": "X"}}, ("body", "victim", "sex")),
        ({"victim": "girl"}, ("body", "victim")),
        ({"anonymous": "maybe"}, ("body", "anonymous")),
        ({"kind": "gossip"}, ("body", "kind")),
        ({"reporter_relation": 5}, ("body", "reporter_relation")),
        ({"description": 12345678901}, ("body", "description")),
    ],
)
def test_bad_field_is_422_naming_the_field(
    public: Any, report_body: dict[str, Any], change: dict[str, Any], loc: tuple[str, ...]
) -> None:
    report_body.update(change)
    response = public.submit(report_body)
    assert response.status_code == 422, response.content
    assert loc in _locs(response)
    assert all(d["msg"] for d in response.json()["detail"])
    assert Report.objects.count() == 0


def test_missing_description_is_422(public: Any, report_body: dict[str, Any]) -> None:
    del report_body["description"]
    response = public.submit(report_body)
    assert response.status_code == 422
    assert ("body", "description") in _locs(response)


def test_messages_follow_the_users_language(public: Any, report_body: dict[str, Any]) -> None:
    report_body["incident_date"] = "2999-01-01"
    response = public.submit(report_body, HTTP_ACCEPT_LANGUAGE="id")
    assert "masa depan" in json.dumps(response.json())


@pytest.mark.parametrize(
    ("raw", "status"),
    [
        (b"{not json", 400),
        (b"\xff\xfe", 400),
        (b"[1, 2, 3]", 422),
        (b'"just a string"', 422),
        (b"null", 422),
        (b"", 422),
    ],
)
def test_malformed_or_non_object_json(public: Any, raw: bytes, status: int) -> None:
    response = public.submit(raw)
    assert response.status_code == status
    assert "detail" in response.json()
    assert Report.objects.count() == 0


def test_oversized_body_is_413(public: Any, report_body: dict[str, Any]) -> None:
    report_body["location_detail"] = "x" * 70_000
    response = public.submit(report_body)
    assert response.status_code == 413
    assert "detail" in response.json()
    assert Report.objects.count() == 0


def test_too_long_idempotency_key_is_422(public: Any, report_body: dict[str, Any]) -> None:
    response = public.submit(report_body, HTTP_IDEMPOTENCY_KEY="k" * 101)
    assert response.status_code == 422
    assert Report.objects.count() == 0


def test_bad_message_body(public: Any, report_body: dict[str, Any]) -> None:
    created = public.submit(report_body).json()
    assert public.message(created["tracking_code"], created["pin"], "   ").status_code == 422
    response = public.client.post(
        f"/api/v1/public/reports/{created['tracking_code']}/messages",
        data="[]",
        content_type="application/json",
        HTTP_X_REPORT_PIN=created["pin"],
    )
    assert response.status_code == 422
