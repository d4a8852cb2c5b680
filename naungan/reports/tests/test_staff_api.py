from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from naungan.core.models import AuditEvent
from naungan.reports import services
from naungan.reports.models import Report, TriageClock

pytestmark = pytest.mark.django_db


def _staff_report(persona: Any, body: dict[str, Any], **extra: Any) -> Any:
    return persona.api("post", "/api/v1/reports", {**body, "channel": "hotline", **extra})


def test_intake_records_hotline_report_and_sees_it(personas: Any, report_body: Any) -> None:
    intake = personas["intake_bpp"]
    received = "2026-01-06T09:30:00+08:00"
    response = _staff_report(intake, report_body, medium="phone", received_at=received)
    assert response.status_code == 201, response.content
    created = response.json()
    assert {"id", "tracking_code", "pin"} <= set(created)
    report = Report.objects.get(public_id=created["id"])
    assert report.channel == "hotline"
    assert report.created_by == intake.user
    assert report.received_at == dt.datetime.fromisoformat(received)
    listing = intake.api("get", "/api/v1/reports").json()
    assert listing["count"] == 1
    assert listing["items"][0]["id"] == created["id"]
    detail = intake.api("get", f"/api/v1/reports/{created['id']}")
    assert detail.status_code == 200
    assert detail.json()["description"] == report_body["description"]
    assert AuditEvent.objects.filter(object_id=created["id"], action="view").count() == 1


def test_staff_channel_is_required_and_checked(personas: Any, report_body: Any) -> None:
    intake = personas["intake_bpp"]
    assert intake.api("post", "/api/v1/reports", report_body).status_code == 422
    response = intake.api("post", "/api/v1/reports", {**report_body, "channel": "web"})
    assert response.status_code == 422


def test_future_received_at_is_422(personas: Any, report_body: Any) -> None:
    later = (timezone.now() + dt.timedelta(days=1)).isoformat()
    response = _staff_report(personas["intake_bpp"], report_body, received_at=later)
    assert response.status_code == 422
    assert ["body", "received_at"] in [d["loc"] for d in response.json()["detail"]]


def test_no_token_is_401(client: Any, report_body: Any) -> None:
    assert client.get("/api/v1/reports").status_code == 401
    assert client.post("/api/v1/reports", report_body, "application/json").status_code == 401


@pytest.mark.parametrize(
    "who",
    [
        "intake_kalteng",
        "supervisor_kalteng",
        "caseworker_bpp",
        "provider_bpp",
        "analyst_bpp",
        "admin_bpp",
        "activist_bpp",
    ],
)
def test_out_of_scope_or_no_content_role_sees_no_report_in_the_queue(
    personas: Any, public: Any, report_body: Any, who: str
) -> None:
    # The 404 of every report route for these personas is in the authorisation matrix
    # (naungan/core/tests/test_authorisation_matrix.py); here the queue's content.
    public.submit(report_body)
    assert personas[who].api("get", "/api/v1/reports").json() == {"items": [], "count": 0}


def test_in_scope_supervisor_sees_report(personas: Any, public: Any, report_body: Any) -> None:
    public.submit(report_body)
    report = Report.objects.get()
    sup = personas["supervisor_bpp"]
    assert sup.api("get", f"/api/v1/reports/{report.public_id}").status_code == 200


def test_report_without_area_goes_to_city_unit(
    personas: Any, public: Any, report_body: Any
) -> None:
    report_body["area_code"] = None
    public.submit(report_body)
    report = Report.objects.get()
    assert report.organisation.slug == "t-uptd-bpp"
    assert personas["intake_bpp"].api("get", "/api/v1/reports").json()["count"] == 1
    assert personas["intake_kalteng"].api("get", "/api/v1/reports").json()["count"] == 0


def test_report_in_kalteng_goes_to_province_unit(
    personas: Any, public: Any, report_body: Any
) -> None:
    report_body["area_code"] = "62.71.01.1001"
    public.submit(report_body)
    assert Report.objects.get().organisation.slug == "t-uptd-kalteng"
    assert personas["intake_kalteng"].api("get", "/api/v1/reports").json()["count"] == 1
    assert personas["intake_bpp"].api("get", "/api/v1/reports").json()["count"] == 0


def test_activist_sees_own_report_only(personas: Any, public: Any, report_body: Any) -> None:
    activist = personas["activist_bpp"]
    created = activist.api("post", "/api/v1/reports", {**report_body, "channel": "walk_in"})
    assert created.status_code == 201
    assert Report.objects.get(public_id=created.json()["id"]).channel == "activist"
    public.submit(report_body)
    assert activist.api("get", "/api/v1/reports").json()["count"] == 1


def test_triage_sets_deadline_from_receipt_with_org_clock(
    personas: Any, public: Any, report_body: Any, orgs: Any
) -> None:
    public.submit(report_body)
    report = Report.objects.get()
    intake = personas["intake_bpp"]
    response = intake.api(
        "post",
        f"/api/v1/reports/{report.public_id}/triage",
        {"level": "medium", "checklist": ["pregnant_disability"], "reason": "Kehamilan aman"},
    )
    assert response.status_code == 200, response.content
    report.refresh_from_db()
    assert report.status == "triaged"
    assert report.response_due_at == report.received_at + dt.timedelta(hours=6)
    TriageClock.objects.create(organisation=orgs["bpp"]["t-uptd-bpp"], level="low", hours=10)
    personas["supervisor_bpp"].api(
        "post", f"/api/v1/reports/{report.public_id}/triage", {"level": "low", "reason": "aman"}
    )
    report.refresh_from_db()
    assert report.response_due_at == report.received_at + dt.timedelta(hours=10)


def test_only_supervisor_lowers_level_with_reason(
    personas: Any, public: Any, report_body: Any
) -> None:
    public.submit(report_body)
    report = Report.objects.get()
    path = f"/api/v1/reports/{report.public_id}/triage"
    intake, sup = personas["intake_bpp"], personas["supervisor_bpp"]
    assert intake.api("post", path, {"level": "high"}).status_code == 200
    assert intake.api("post", path, {"level": "emergency"}).status_code == 200
    assert intake.api("post", path, {"level": "low"}).status_code == 409
    assert sup.api("post", path, {"level": "low"}).status_code == 422
    assert sup.api("post", path, {"level": "low", "reason": "sudah aman"}).status_code == 200


def test_emergency_is_due_an_hour_after_receipt_and_overdue_only_then(
    personas: Any, public: Any, report_body: Any
) -> None:
    public.submit(report_body)
    report = Report.objects.get()
    received = timezone.now().replace(microsecond=0) - dt.timedelta(minutes=20)
    Report.objects.filter(pk=report.pk).update(received_at=received)
    intake = personas["intake_bpp"]
    intake.api("post", f"/api/v1/reports/{report.public_id}/triage", {"level": "emergency"})
    item = intake.api("get", "/api/v1/reports").json()["items"][0]
    assert item["triage"] == "emergency"
    assert dt.datetime.fromisoformat(item["response_due_at"]) == received + dt.timedelta(hours=1)
    assert item["overdue"] is False
    Report.objects.filter(pk=report.pk).update(
        response_due_at=timezone.now() - dt.timedelta(minutes=1)
    )
    assert intake.api("get", "/api/v1/reports").json()["items"][0]["overdue"] is True


def test_api_triage_below_the_checklist_needs_a_reason_naming_the_field(
    personas: Any, public: Any, report_body: Any
) -> None:
    public.submit(report_body)
    report = Report.objects.get()
    path = f"/api/v1/reports/{report.public_id}/triage"
    intake = personas["intake_bpp"]
    refused = intake.api("post", path, {"level": "high", "checklist": ["child"]})
    assert refused.status_code == 422
    assert [d["loc"] for d in refused.json()["detail"]] == [["body", "reason"]]
    assert "Darurat" in refused.json()["detail"][0]["msg"]
    report.refresh_from_db()
    assert (report.triage, report.status) == ("", "received")
    body = {"level": "high", "checklist": ["child"], "reason": "Anak sudah bersama neneknya"}
    assert intake.api("post", path, body).status_code == 200
    report.refresh_from_db()
    assert report.triage_checklist == ["child"]
    assert report.triage_reason == "Anak sudah bersama neneknya"
    detail = intake.api("get", f"/api/v1/reports/{report.public_id}").json()
    assert detail["triage_checklist"] == ["child"]
    assert detail["triage_suggested"] == "emergency"
    assert detail["triage_reason"] == "Anak sudah bersama neneknya"


def test_staff_reply_reaches_reporter_without_name(
    personas: Any, public: Any, report_body: Any
) -> None:
    created = public.submit(report_body).json()
    report = Report.objects.get()
    intake = personas["intake_bpp"]
    public.message(created["tracking_code"], created["pin"], "Tolong saya")
    item = intake.api("get", "/api/v1/reports").json()["items"][0]
    assert item["unread_messages"] is True
    reply = intake.api(
        "post", f"/api/v1/reports/{report.public_id}/messages", {"body": "Kami akan menelepon."}
    )
    assert reply.status_code == 201
    thread = public.status(created["tracking_code"], created["pin"]).json()["messages"]
    assert [m["from"] for m in thread] == ["reporter", "staff"]
    assert "intake_bpp" not in str(thread)
    # Opening the report marks the reporter's message read.
    intake.api("get", f"/api/v1/reports/{report.public_id}")
    assert intake.api("get", "/api/v1/reports").json()["items"][0]["unread_messages"] is False


def test_close_and_hand_over_need_reason_and_end_the_report(
    personas: Any, public: Any, report_body: Any
) -> None:
    public.submit(report_body)
    public.submit(report_body)
    a, b = Report.objects.order_by("id")
    intake = personas["intake_bpp"]
    assert (
        intake.api("post", f"/api/v1/reports/{a.public_id}/close", {"reason": " "}).status_code
        == 422
    )
    assert (
        intake.api("post", f"/api/v1/reports/{a.public_id}/close", {"reason": "Info"}).status_code
        == 200
    )
    assert (
        intake.api(
            "post", f"/api/v1/reports/{b.public_id}/hand-over", {"recipient": "UPTD PPA Samarinda"}
        ).status_code
        == 200
    )
    a.refresh_from_db()
    b.refresh_from_db()
    assert (a.status, b.status) == ("closed", "handed_over")
    assert (
        intake.api("post", f"/api/v1/reports/{a.public_id}/triage", {"level": "low"}).status_code
        == 409
    )
    assert intake.api("get", "/api/v1/reports?status=closed").json()["count"] == 1


def test_queue_filters(personas: Any, public: Any, report_body: Any) -> None:
    public.submit(report_body)
    public.submit(
        {**report_body, "kind": "curhat", "violence_types": ["sexual"], "area_code": "64.71.02"}
    )
    intake = personas["intake_bpp"]
    assert intake.api("get", "/api/v1/reports?kind=curhat").json()["count"] == 1
    assert intake.api("get", "/api/v1/reports?violence_type=sexual").json()["count"] == 1
    assert intake.api("get", "/api/v1/reports?area=64.71.01").json()["count"] == 1
    assert intake.api("get", "/api/v1/reports?channel=hotline").json()["count"] == 0


def test_mark_converted_and_curhat_rules(personas: Any, public: Any, report_body: Any) -> None:
    public.submit({**report_body, "kind": "curhat"})
    report = Report.objects.get()
    intake, sup = personas["intake_bpp"].user, personas["supervisor_bpp"].user
    with pytest.raises(services.TransitionNotAllowed):
        services.report_mark_converted(actor=intake, report=report)
    with pytest.raises(services.TransitionNotAllowed):
        services.report_curhat_to_complaint(actor=intake, report=report, reporter_agreed=False)
    services.report_curhat_to_complaint(
        actor=sup, report=report, reporter_agreed=False, danger_reason="anak sendirian"
    )
    received = report.received_at
    services.report_mark_converted(actor=intake, report=report)
    report.refresh_from_db()
    assert (report.kind, report.status, report.received_at) == ("complaint", "converted", received)
    with pytest.raises(services.TransitionNotAllowed):
        services.report_mark_converted(actor=intake, report=report)


def test_queue_query_count_is_pinned(
    personas: Any, public: Any, report_body: Any, django_assert_max_num_queries: Any
) -> None:
    for _ in range(8):
        public.submit(report_body)
    intake = personas["intake_bpp"]
    intake.token  # noqa: B018 - issue the token outside the counted block
    with django_assert_max_num_queries(8):
        assert intake.api("get", "/api/v1/reports").json()["count"] == 8
