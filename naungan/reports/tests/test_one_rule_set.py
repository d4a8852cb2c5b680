"""The field rules of a report live once (``services.report_validate``): the public form and
the public API refuse the same input with the same message, naming the same field."""

from __future__ import annotations

import html
import json
from typing import Any

import pytest
from django.test import Client

from naungan.reports.models import Report

from .test_web import FORM

pytestmark = pytest.mark.django_db

CASES = [
    # (form fields, API fields, API location, message)
    (
        {"anonymous": "0", "reporter_phone": "081234567890"},
        {"anonymous": False, "reporter_phone": "081234567890"},
        ["body", "reporter_name"],
        "Wajib diisi bila tidak anonim.",
    ),
    (
        {"anonymous": "0", "reporter_name": "A" * 201, "reporter_phone": "081234567890"},
        {"anonymous": False, "reporter_name": "A" * 201, "reporter_phone": "081234567890"},
        ["body", "reporter_name"],
        "Terlalu panjang (paling banyak 200 karakter).",
    ),
    (
        {"victim_age": "130"},
        {"victim": {"age": 130}},
        ["body", "victim", "age"],
        "Usia harus bilangan bulat antara 0 dan 120.",
    ),
    (
        {"violence_types": []},
        {"violence_types": []},
        ["body", "violence_types"],
        "Pilih minimal satu jenis kekerasan untuk pengaduan.",
    ),
    (
        {"description": "pendek"},
        {"description": "pendek"},
        ["body", "description"],
        "Ceritakan apa yang terjadi (minimal 10 karakter).",
    ),
]


@pytest.mark.parametrize(("form_fields", "api_fields", "loc", "message"), CASES)
def test_form_and_api_refuse_the_same_input_with_the_same_message(
    orgs: Any,
    report_body: dict[str, Any],
    form_fields: dict[str, Any],
    api_fields: dict[str, Any],
    loc: list[str],
    message: str,
) -> None:
    form = Client().post("/lapor/", {**FORM, **form_fields})
    assert form.status_code == 422
    assert message in html.unescape(form.content.decode())
    api = Client().post(
        "/api/v1/public/reports",
        data=json.dumps({**report_body, **api_fields}),
        content_type="application/json",
    )
    assert api.status_code == 422
    assert {"loc": loc, "msg": message} in api.json()["detail"]
    assert Report.objects.count() == 0
