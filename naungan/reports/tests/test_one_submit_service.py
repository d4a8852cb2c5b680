"""The public API, the public form (/lapor/) and the staff pages submit through one service,
``services.report_submission`` (rate limit, replay, submit, count): the same rules, the same
refusals, answered by each edge in its own way."""

from __future__ import annotations

import json
from typing import Any
from unittest import mock

import pytest
from django.test import Client

from naungan.reports import services
from naungan.reports.models import Report

from .test_web import FORM

pytestmark = pytest.mark.django_db


def _spy() -> Any:
    return mock.patch.object(
        services, "report_submission", wraps=services.report_submission, autospec=True
    )


def test_the_form_and_the_api_go_through_the_same_submit_service(
    orgs: Any, report_body: dict[str, Any]
) -> None:
    with _spy() as spy:
        form = Client().post("/lapor/", FORM)
        api = Client().post(
            "/api/v1/public/reports", data=json.dumps(report_body), content_type="application/json"
        )
    assert (form.status_code, api.status_code) == (201, 201)
    assert spy.call_count == 2
    scopes = [call.kwargs["idempotency_scope"] for call in spy.call_args_list]
    assert scopes == ["web", "public"]
    assert all(call.kwargs["actor"] is None for call in spy.call_args_list)
    assert Report.objects.count() == 2


def test_the_staff_page_and_the_staff_api_go_through_it_too(
    personas: Any, report_body: dict[str, Any]
) -> None:
    intake = personas["intake_bpp"]
    with _spy() as spy:
        page = intake.client.post(
            "/laporan/baru/", {**FORM, "channel": "walk_in", "submission": "staff-1"}
        )
        api = Client().post(
            "/api/v1/reports",
            data=json.dumps({**report_body, "channel": "hotline"}),
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Bearer {intake.token}",
        )
    assert (page.status_code, api.status_code) == (200, 201)
    assert [call.kwargs["actor"] for call in spy.call_args_list] == [intake.user, intake.user]


def test_throttled_form_and_api_are_refused_by_the_same_rule(
    orgs: Any, report_body: dict[str, Any], settings: Any
) -> None:
    settings.REPORT_SUBMIT_RATE = "1/600"
    browser, app = Client(), Client()
    assert browser.post("/lapor/", {**FORM, "submission": "a"}).status_code == 201
    form = browser.post("/lapor/", {**FORM, "submission": "b"})
    assert form.status_code == 429
    assert "Terlalu banyak laporan dari perangkat ini" in form.content.decode()
    api = app.post(
        "/api/v1/public/reports", data=json.dumps(report_body), content_type="application/json"
    )
    assert api.status_code == 429
    assert int(api["Retry-After"]) > 0
    assert api["Cache-Control"] == "no-store"
    assert api.json()["detail"].startswith("Terlalu banyak laporan dari alamat ini")
