from __future__ import annotations

import json
from typing import Any

import pytest

from naungan.core.models import AuditEvent
from naungan.reports.codes import pin_hash
from naungan.reports.models import IdempotencyRecord, Report

pytestmark = pytest.mark.django_db


def test_public_report_is_stored_encrypted_and_answers_code_and_pin(
    public: Any, report_body: dict[str, Any], orgs: Any
) -> None:
    response = public.submit(report_body)
    assert response.status_code == 201, response.content
    body = response.json()
    assert set(body) == {"tracking_code", "pin", "status"}
    assert body["status"] == "received"
    assert response["Cache-Control"] == "no-store"
    report = Report.objects.get(tracking_code=body["tracking_code"])
    assert report.description == report_body["description"]
    assert report.channel == "web"
    assert report.area.code == "64.71.01"
    assert report.organisation.slug == "t-uptd-bpp"
    assert report.victim_age == 15
    # The PIN is only a keyed hash; the description is ciphertext in the database.
    assert report.pin_hash == pin_hash(body["pin"])
    assert body["pin"] not in report.pin_hash
    from django.db import connection

    with connection.cursor() as cur:
        cur.execute("SELECT description FROM reports_report WHERE id = %s", [report.pk])
        raw = cur.fetchone()[0]
    assert raw.startswith("v2:")
    assert "dipukul" not in raw
    assert AuditEvent.objects.filter(object_id=str(report.public_id), action="create").exists()


def test_tracking_codes_differ_and_are_not_sequential(public: Any, report_body: Any) -> None:
    codes = {public.submit(report_body).json()["tracking_code"] for _ in range(5)}
    assert len(codes) == 5
    for code in codes:
        assert code.startswith("LP-")
        assert not set(code[3:].replace("-", "")) & set("01OI")


def test_status_with_code_and_pin_and_reporter_message(public: Any, report_body: Any) -> None:
    created = public.submit(report_body).json()
    response = public.status(created["tracking_code"], created["pin"])
    assert response.status_code == 200
    assert response.json() == {
        "tracking_code": created["tracking_code"],
        "status": "received",
        "messages": [],
    }
    assert (
        public.message(created["tracking_code"], created["pin"], "Halo, saya takut.").status_code
        == 201
    )
    messages = public.status(created["tracking_code"].lower(), created["pin"]).json()["messages"]
    assert [(m["from"], m["body"]) for m in messages] == [("reporter", "Halo, saya takut.")]


def test_wrong_pin_and_unknown_code_answer_the_same_404(public: Any, report_body: Any) -> None:
    created = public.submit(report_body).json()
    wrong_pin = "000000" if created["pin"] != "000000" else "111111"
    a = public.status(created["tracking_code"], wrong_pin)
    b = public.status("LP-ABCD-EFGH", created["pin"])
    assert a.status_code == b.status_code == 404
    assert a.json() == b.json() == {"detail": "Not Found"}
    assert public.message(created["tracking_code"], wrong_pin, "hai hai hai").status_code == 404


def test_repeated_wrong_pins_are_throttled(public: Any, report_body: Any, settings: Any) -> None:
    settings.REPORT_PIN_RATE = "3/900"
    created = public.submit(report_body).json()
    for _ in range(3):
        assert public.status(created["tracking_code"], "999999x").status_code == 404
    response = public.status(created["tracking_code"], created["pin"])
    assert response.status_code == 429
    assert "Retry-After" in response


def test_submissions_are_rate_limited_per_client(
    public: Any, report_body: Any, settings: Any
) -> None:
    settings.REPORT_SUBMIT_RATE = "2/600"
    assert public.submit(report_body).status_code == 201
    assert public.submit(report_body).status_code == 201
    assert public.submit(report_body).status_code == 429
    other = public.submit(report_body, REMOTE_ADDR="10.1.2.3")
    assert other.status_code == 201
    assert Report.objects.count() == 3


def test_idempotent_retry_replays_code_and_pin_and_stores_nothing_new(
    public: Any, report_body: Any
) -> None:
    first = public.submit(report_body, HTTP_IDEMPOTENCY_KEY="abc-123")
    again = public.submit(report_body, HTTP_IDEMPOTENCY_KEY="abc-123")
    assert first.status_code == again.status_code == 201
    assert first.json() == again.json()
    assert Report.objects.count() == 1
    record = IdempotencyRecord.objects.get()
    from django.db import connection

    with connection.cursor() as cur:
        cur.execute("SELECT response FROM reports_idempotencyrecord WHERE id = %s", [record.pk])
        assert first.json()["pin"] not in cur.fetchone()[0]


def test_same_key_with_different_body_is_422(public: Any, report_body: Any) -> None:
    assert public.submit(report_body, HTTP_IDEMPOTENCY_KEY="k1").status_code == 201
    report_body["description"] = "Sesuatu yang lain sama sekali terjadi."
    response = public.submit(report_body, HTTP_IDEMPOTENCY_KEY="k1")
    assert response.status_code == 422
    assert "Idempotency-Key" in json.dumps(response.json())
    assert Report.objects.count() == 1


def test_replay_still_works_when_client_is_throttled(
    public: Any, report_body: Any, settings: Any
) -> None:
    settings.REPORT_SUBMIT_RATE = "1/600"
    first = public.submit(report_body, HTTP_IDEMPOTENCY_KEY="k2")
    again = public.submit(report_body, HTTP_IDEMPOTENCY_KEY="k2")
    assert again.status_code == 201
    assert again.json() == first.json()
    assert public.submit(report_body, HTTP_IDEMPOTENCY_KEY="k3").status_code == 429


def test_expired_key_can_be_used_again(public: Any, report_body: Any) -> None:
    import datetime as dt

    public.submit(report_body, HTTP_IDEMPOTENCY_KEY="old")
    IdempotencyRecord.objects.update(created_at=dt.datetime(2020, 1, 1, tzinfo=dt.UTC))
    response = public.submit(report_body, HTTP_IDEMPOTENCY_KEY="old")
    assert response.status_code == 201
    assert Report.objects.count() == 2


def test_curhat_needs_no_violence_type(public: Any, report_body: Any) -> None:
    report_body.update(kind="curhat", violence_types=[], area_code=None)
    response = public.submit(report_body)
    assert response.status_code == 201
    assert Report.objects.get().kind == "curhat"


def test_named_report_requires_name_and_phone(public: Any, report_body: Any) -> None:
    report_body["anonymous"] = False
    response = public.submit(report_body)
    assert response.status_code == 422
    locs = {tuple(d["loc"]) for d in response.json()["detail"]}
    assert locs == {("body", "reporter_name"), ("body", "reporter_phone")}
    report_body.update(reporter_name="Siti", reporter_phone="0812-3456-7890")
    assert public.submit(report_body).status_code == 201
    from naungan.core.fields import blind_index

    assert Report.objects.get().reporter_phone_index == blind_index("phone", "+6281234567890")
