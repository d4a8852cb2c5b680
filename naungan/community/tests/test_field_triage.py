"""The quick triage checklist in the field (DESIGN §8, issue 13): an activist ticks what they
know, the report carries the suggestion and the instrument version from submission, the queue
puts a suggested emergency first, and the desk starts from the field's ticks and may not go
below them without a reason."""

from __future__ import annotations

import json
import re
import uuid
from typing import Any

import pytest
from django.test import Client

from naungan.reports.forms import _item_numbers
from naungan.reports.models import Report

pytestmark = pytest.mark.django_db


def _file(persona: Any, body: dict[str, Any], **extra: Any) -> dict[str, Any]:
    response = persona.api("post", "/api/v1/reports", body, **extra)
    assert response.status_code == 201, response.content
    return response.json()  # type: ignore[no-any-return]


def test_field_checklist_is_stored_with_its_suggestion_and_version(
    personas: Any, field_report_body: Any
) -> None:
    body = {**field_report_body, "reported_checklist": ["trafficking", "child"]}
    created = _file(personas["activist_bpp"], body)
    report = Report.objects.get(public_id=created["id"])
    # Kept in the instrument's order, whatever order they came in.
    assert report.reported_checklist == ["child", "trafficking"]
    assert report.triage_suggested == "emergency"
    assert report.triage_suggested_by.startswith("triage v")
    assert (report.triage, report.triage_checklist, report.response_due_at) == ("", [], None)
    intake = personas["intake_bpp"]
    detail = intake.api("get", f"/api/v1/reports/{created['id']}").json()
    assert detail["reported_checklist"] == ["child", "trafficking"]
    assert detail["triage_suggested"] == "emergency"
    assert detail["triage_checklist"] == []
    item = intake.api("get", "/api/v1/reports").json()["items"][0]
    assert (item["id"], item["triage_suggested"]) == (created["id"], "emergency")


def test_a_high_item_alone_suggests_high_and_none_suggests_nothing(
    personas: Any, field_report_body: Any
) -> None:
    high = _file(
        personas["activist_bpp"], {**field_report_body, "reported_checklist": ["suicidal"]}
    )
    plain = _file(personas["activist_bpp"], field_report_body)
    assert Report.objects.get(public_id=high["id"]).triage_suggested == "high"
    none = Report.objects.get(public_id=plain["id"])
    assert (none.reported_checklist, none.triage_suggested, none.triage_suggested_by) == (
        [],
        "",
        "",
    )


@pytest.mark.parametrize(
    ("value", "language", "words"),
    [
        (["child", "bukan_butir"], "id", "tidak dikenal: bukan_butir"),
        (["bukan_butir"], "en", "Unknown checklist item: bukan_butir"),
        ("child", "id", ""),
        ([1, 2], "id", ""),
    ],
)
def test_bad_field_checklist_is_a_422_naming_the_field_and_stores_nothing(
    personas: Any, field_report_body: Any, value: Any, language: str, words: str
) -> None:
    activist = personas["activist_bpp"]
    # The answer is in the token user's own language.
    type(activist.user).objects.filter(pk=activist.user.pk).update(language=language)
    body = {**field_report_body, "reported_checklist": value}
    response = activist.api("post", "/api/v1/reports", body)
    assert response.status_code == 422, response.content
    detail = response.json()["detail"]
    assert detail[0]["loc"][:2] == ["body", "reported_checklist"]
    if words:
        assert words in detail[0]["msg"]
    assert Report.objects.count() == 0


def test_queue_puts_a_suggested_emergency_first_then_high_then_the_rest(
    personas: Any, field_report_body: Any
) -> None:
    activist = personas["activist_bpp"]
    oldest = _file(activist, {**field_report_body, "received_at": "2026-11-01T08:00:00+08:00"})
    high = _file(
        activist,
        {
            **field_report_body,
            "received_at": "2026-11-02T08:00:00+08:00",
            "reported_checklist": ["no_safe_place"],
        },
    )
    emergency = _file(
        activist,
        {
            **field_report_body,
            "received_at": "2026-11-03T08:00:00+08:00",
            "reported_checklist": ["danger_now"],
        },
    )
    triaged = _file(activist, {**field_report_body, "received_at": "2026-10-01T08:00:00+08:00"})
    intake = personas["intake_bpp"]
    done = intake.api("post", f"/api/v1/reports/{triaged['id']}/triage", {"level": "emergency"})
    assert done.status_code == 200, done.content
    items = intake.api("get", "/api/v1/reports").json()["items"]
    assert [i["id"] for i in items] == [emergency["id"], high["id"], oldest["id"], triaged["id"]]
    page = intake.client.get("/laporan/").content.decode()
    order = [emergency["tracking_code"], high["tracking_code"], oldest["tracking_code"]]
    assert page.index(order[0]) < page.index(order[1]) < page.index(order[2])
    assert page.count('data-testid="queue-suggested"') == 2
    home = intake.client.get("/").content.decode()
    assert home.index(emergency["tracking_code"]) < home.index(oldest["tracking_code"])


def test_desk_may_not_go_below_the_field_suggestion_without_a_reason(
    personas: Any, field_report_body: Any
) -> None:
    created = _file(
        personas["activist_bpp"], {**field_report_body, "reported_checklist": ["child"]}
    )
    path = f"/api/v1/reports/{created['id']}/triage"
    intake = personas["intake_bpp"]
    # The desk ticks nothing: the field's tick still bars a lower level.
    refused = intake.api("post", path, {"level": "medium"})
    assert refused.status_code == 422
    assert refused.json()["detail"][0]["loc"] == ["body", "reason"]
    assert "lapangan" in refused.json()["detail"][0]["msg"]
    report = Report.objects.get(public_id=created["id"])
    assert (report.triage, report.status) == ("", "received")
    accepted = intake.api(
        "post", path, {"level": "medium", "reason": "Anak sudah aman bersama neneknya"}
    )
    assert accepted.status_code == 200, accepted.content
    report.refresh_from_db()
    assert (report.triage, report.triage_suggested) == ("medium", "emergency")
    # The field's answers stay as they were sent; the desk's own are apart.
    assert (report.reported_checklist, report.triage_checklist) == (["child"], [])


def test_the_suggested_level_needs_no_reason(personas: Any, field_report_body: Any) -> None:
    created = _file(
        personas["activist_bpp"], {**field_report_body, "reported_checklist": ["suicidal"]}
    )
    path = f"/api/v1/reports/{created['id']}/triage"
    answer = personas["intake_bpp"].api("post", path, {"level": "high", "checklist": ["suicidal"]})
    assert answer.status_code == 200, answer.content


def test_report_page_starts_from_the_field_ticks(personas: Any, field_report_body: Any) -> None:
    created = _file(
        personas["activist_bpp"], {**field_report_body, "reported_checklist": ["child"]}
    )
    page = personas["intake_bpp"].client.get(f"/laporan/{created['id']}/").content.decode()
    block = page.split('data-testid="reported-checklist"', 1)[1].split("</dd>", 1)[0]
    assert "<li>" in block
    assert "saran: darurat" in block
    assert re.search(r'<input[^>]*name="checklist"[^>]*value="child"[^>]*checked', page)
    assert not re.search(r'<input[^>]*name="checklist"[^>]*value="suicidal"[^>]*checked', page)
    assert 'data-triage-floor="emergency"' in page
    assert re.search(r'<option value="emergency"[^>]*selected', page)
    # The hint is the active instrument's rule (v2: items 1-4 emergency, 5-8 high).
    hint = "Jawaban “ya” pada butir 1–4 menyarankan darurat; pada butir 5–8 menyarankan tinggi."
    assert hint in page
    # Without JavaScript, "Hitung saran" with every box unticked keeps the field's floor.
    again = personas["intake_bpp"].client.post(
        f"/laporan/{created['id']}/", {"action": "triage", "suggest": "1", "level": "low"}
    )
    assert re.search(r'<option value="emergency"[^>]*selected', again.content.decode())


def test_the_activist_form_offers_the_checklist_and_the_desk_form_does_not(
    personas: Any, field_report_body: Any
) -> None:
    activist = personas["activist_bpp"]
    form = activist.client.get("/laporan/baru/").content.decode()
    assert 'name="reported_checklist"' in form
    assert "Tanda bahaya yang Anda ketahui" in form
    assert (
        'name="reported_checklist"'
        not in personas["intake_bpp"].client.get("/laporan/baru/").content.decode()
    )
    assert 'name="reported_checklist"' in activist.client.get("/ppatbm/lapor/").content.decode()
    data = {
        "kind": "complaint",
        "reporter_relation": "witness",
        "anonymous": "1",
        "violence_types": ["physical"],
        "description": field_report_body["description"],
        "area_code": field_report_body["area_code"],
        "reported_checklist": ["threat_weapon", "pregnant_disability"],
    }
    answer = activist.client.post("/laporan/baru/", data)
    assert answer.status_code in (200, 302), answer.content[:500]
    report = Report.objects.get()
    assert report.reported_checklist == ["threat_weapon", "pregnant_disability"]
    assert report.triage_suggested == "emergency"


def test_public_reports_carry_no_field_checklist(field_report_body: Any) -> None:
    body = {k: v for k, v in field_report_body.items() if k not in ("channel", "victim_consent")}
    answer = Client().post(
        "/api/v1/public/reports",
        data=json.dumps({**body, "reported_checklist": ["child"]}),
        content_type="application/json",
    )
    assert answer.status_code == 201, answer.content
    report = Report.objects.get()
    assert (report.reported_checklist, report.triage_suggested) == ([], "")


def test_offline_sync_carries_the_checklist(personas: Any, field_report_body: Any) -> None:
    item = {
        "id": str(uuid.uuid4()),
        "type": "report",
        "body": {**field_report_body, "reported_checklist": ["danger_now"]},
    }
    answer = personas["activist_bpp"].api("post", "/api/v1/sync", {"items": [item]})
    result = answer.json()["results"][0]
    assert result["status"] == "stored", result
    report = Report.objects.get(public_id=result["server_id"])
    assert (report.reported_checklist, report.triage_suggested) == (["danger_now"], "emergency")


def test_a_retry_with_another_checklist_is_not_the_same_body(
    personas: Any, field_report_body: Any
) -> None:
    activist = personas["activist_bpp"]
    key = {"HTTP_IDEMPOTENCY_KEY": str(uuid.uuid4())}
    body = {**field_report_body, "reported_checklist": ["child"]}
    first = _file(activist, body, **key)
    again = activist.api("post", "/api/v1/reports", body, **key)
    assert again.status_code == 201
    assert again.json()["tracking_code"] == first["tracking_code"]
    other = activist.api("post", "/api/v1/reports", {**body, "reported_checklist": []}, **key)
    assert other.status_code == 422  # CONTRACT §4: same key, another body
    assert Report.objects.count() == 1


def test_item_numbers_are_written_as_ranges() -> None:
    assert _item_numbers([1, 2, 3, 4]) == "1–4"
    assert _item_numbers([1, 2, 5, 6, 7, 8]) == "1, 2, 5–8"
    assert _item_numbers([3]) == "3"


def test_both_checklists_are_encrypted_at_rest(personas: Any, field_report_body: Any) -> None:
    from django.db import connection

    created = _file(
        personas["activist_bpp"], {**field_report_body, "reported_checklist": ["suicidal"]}
    )
    path = f"/api/v1/reports/{created['id']}/triage"
    answer = personas["intake_bpp"].api(
        "post", path, {"level": "high", "checklist": ["pregnant_disability"]}
    )
    assert answer.status_code == 200, answer.content
    plain = _file(personas["activist_bpp"], field_report_body)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT tracking_code, triage_checklist, reported_checklist FROM reports_report"
        )
        stored = {code: (desk, field) for code, desk, field in cursor.fetchall()}
    desk, field = stored[created["tracking_code"]]
    for value, key in ((desk, "pregnant_disability"), (field, "suicidal")):
        assert value.startswith("v2:")
        assert key not in value
    # Nothing ticked is stored as nothing, not as a ciphertext of "[]".
    assert stored[plain["tracking_code"]] == ("", "")
    report = Report.objects.get(public_id=created["id"])
    assert (report.triage_checklist, report.reported_checklist) == (
        ["pregnant_disability"],
        ["suicidal"],
    )
    assert Report.objects.get(public_id=plain["id"]).reported_checklist == []
