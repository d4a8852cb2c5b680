"""The public reporting API skips the middlewares it does not need and validates its body
once (docs/performance.md), with the same answers as before."""

from __future__ import annotations

import json
from typing import Any
from unittest import mock

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import Client
from django.utils.module_loading import import_string

from naungan.core.middleware import PUBLIC_API_SKIPPED
from naungan.reports import schemas
from naungan.reports.models import Report
from naungan.reports.services import submit

pytestmark = pytest.mark.django_db


def _classes() -> set[str]:
    """The skippable middlewares that are classes (allauth's is a function: not spied on)."""
    return {d for d in PUBLIC_API_SKIPPED if isinstance(import_string(d), type)}


def _middleware_called(call: Any) -> set[str]:
    """Dotted paths of the skippable middlewares whose ``__call__`` ran during ``call()``."""
    ran: set[str] = set()
    patches = []
    for dotted in _classes():
        cls = import_string(dotted)
        original = cls.__call__

        def spy(self: Any, request: Any, _original: Any = original, _name: str = dotted) -> Any:
            ran.add(_name)
            return _original(self, request)

        patches.append(mock.patch.object(cls, "__call__", spy))
    for p in patches:
        p.start()
    try:
        call()
    finally:
        for p in patches:
            p.stop()
    return ran


def test_public_report_skips_session_auth_csrf_allauth_axes_htmx_and_auditlog_middleware(
    report_body: dict[str, Any],
) -> None:
    client = Client()
    responses: list[Any] = []
    ran = _middleware_called(
        lambda: responses.append(
            client.post(
                "/api/v1/public/reports",
                data=json.dumps(report_body),
                content_type="application/json",
            )
        ),
    )
    assert responses[0].status_code == 201
    assert ran == set()
    # The staff side still goes through all of them.
    assert _middleware_called(lambda: client.get("/healthz")) == _classes()


def test_public_report_keeps_security_headers_csp_language_and_client_address(
    report_body: dict[str, Any],
) -> None:
    seen: dict[str, Any] = {}
    real = submit.report_submit

    def spy(**kwargs: Any) -> Any:
        request = kwargs["request"]
        seen.update(
            user=request.user, ip=request.client_ip, has_session=hasattr(request, "session")
        )
        return real(**kwargs)

    client = Client()
    client.cookies["naungan_lang"] = "en"
    with mock.patch.object(submit, "report_submit", spy):
        response = client.post(
            "/api/v1/public/reports",
            data=json.dumps(report_body),
            content_type="application/json",
            REMOTE_ADDR="203.0.113.9",
        )
    assert response.status_code == 201
    assert isinstance(seen["user"], AnonymousUser)
    assert seen["ip"] == "203.0.113.9"
    assert seen["has_session"] is False
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Content-Language"] == "en"
    assert "sessionid" not in response.cookies
    assert "csrftoken" not in response.cookies


def test_error_messages_follow_the_chosen_language_on_the_public_path(
    report_body: dict[str, Any],
) -> None:
    report_body["incident_date"] = "2999-01-01"
    client = Client()
    client.cookies["naungan_lang"] = "id"
    response = client.post(
        "/api/v1/public/reports", data=json.dumps(report_body), content_type="application/json"
    )
    assert response.status_code == 422
    assert "masa depan" in json.dumps(response.json())


def test_public_body_is_validated_once(public: Any, report_body: dict[str, Any]) -> None:
    with (
        mock.patch.object(schemas, "report_validate", wraps=schemas.report_validate) as in_schema,
        mock.patch.object(submit, "report_validate", wraps=submit.report_validate) as in_service,
        mock.patch.object(
            schemas.PublicReportIn,
            "model_validate",
            wraps=schemas.PublicReportIn.model_validate,
        ) as parsed,
    ):
        response = public.submit(report_body)
    assert response.status_code == 201
    assert parsed.call_count == 1
    assert in_schema.call_count + in_service.call_count == 1
    assert Report.objects.count() == 1


def test_rule_and_type_errors_keep_their_field_and_message(
    public: Any, report_body: dict[str, Any]
) -> None:
    report_body.update(anonymous=False, victim={"age": 300})
    response = public.submit(report_body)
    assert response.status_code == 422
    detail = {tuple(d["loc"]): d["msg"] for d in response.json()["detail"]}
    assert detail[("body", "reporter_name")] == "Wajib diisi bila tidak anonim."
    assert detail[("body", "reporter_phone")] == "Wajib diisi bila tidak anonim."
    assert detail[("body", "victim", "age")] == "Usia harus bilangan bulat antara 0 dan 120."
    report_body.update(anonymous="maybe")
    response = public.submit(report_body)
    assert response.json()["detail"] == [
        {"loc": ["body", "anonymous"], "msg": "Harus true atau false."}
    ]


def test_openapi_documents_the_report_bodies(client: Client) -> None:
    doc = client.get("/api/v1/openapi.json").json()
    for path in ("/api/v1/public/reports", "/api/v1/reports"):
        body = doc["paths"][path]["post"]["requestBody"]["content"]["application/json"]
        assert "description" in body["schema"]["properties"]
        assert "$ref" not in json.dumps(body)


def test_idempotency_fingerprint_is_unchanged_for_stored_keys() -> None:
    """Records stored before the change must still match their retries."""
    import datetime as dt
    import hashlib
    from dataclasses import asdict

    data = submit.ReportInput(
        kind="complaint",
        victim_age=14,
        violence_types=["physical", "sexual"],
        description="Sesuatu terjadi di rumah.",
        incident_date=dt.date(2026, 1, 5),
        received_at=dt.datetime(2026, 1, 5, 10, tzinfo=dt.UTC),
    )
    # As stored before the field checklist existed: an empty one is left out.
    fields = {k: v for k, v in asdict(data).items() if k != "reported_checklist"}
    old = json.dumps(fields, sort_keys=True, default=str, separators=(",", ":"))
    assert data.fingerprint() == hashlib.sha256(old.encode()).hexdigest()
    data.reported_checklist = ["child"]
    assert data.fingerprint() != hashlib.sha256(old.encode()).hexdigest()


def test_insert_values_are_what_the_orm_would_send(orgs: Any) -> None:
    from django.db import connection

    from naungan.reports.models import Report
    from naungan.reports.services import store

    report = Report(
        tracking_code="ABCD-EFGH",
        pin_hash="x" * 64,
        kind="complaint",
        reporter_relation="victim",
        anonymous=False,
        reporter_name="Siti",
        reporter_phone="081234567890",
        victim_age=14,
        violence_types=["physical"],
        description="Sesuatu terjadi di rumah.",
    )
    fields = store._REPORT_FIELDS
    fast = store._values(report, fields, connection)
    slow = [f.get_db_prep_save(f.pre_save(report, True), connection) for f in fields]
    for f, a, b in zip(fields, fast, slow, strict=True):
        if f.attname in ("created_at", "updated_at", "received_at"):
            continue  # "now", a moment apart
        if f.attname in ("reporter_name", "reporter_phone", "victim_name", "description"):
            continue  # encrypted: a fresh nonce each time
        # PostgreSQL's JSON wrapper (psycopg Jsonb) has no equality: compare what it holds.
        assert getattr(a, "obj", a) == getattr(b, "obj", b), f.attname
