"""The reporter's thread follows her report into its case (DESIGN §3 MessageThread,
CONTRACT §4): the case shows it with unread reporter messages marked, the lead and the area's
supervisors are notified of each new reporter message, the case's writers answer (she sees
"Petugas"), and the converted report's page links to its case."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.core import mail
from django.db import connection
from django.test import Client

from naungan.accounts.services import staff_create
from naungan.cases.models import Case, Notification
from naungan.core.models import AuditEvent
from naungan.reports.models import ReportMessage

from .factories import assign

LOCMEM = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
IMMEDIATE = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
PUBLIC_REPORT = {
    "kind": "complaint",
    "reporter_relation": "victim",
    "anonymous": True,
    "victim": {"name": "Sari Wulandari", "age": 16, "sex": "F"},
    "violence_types": ["physical"],
    "description": "Saya dipukul oleh ayah tiri di rumah tadi malam.",
    "area_code": "64.71.01",
}
SCARED = "Dia kembali lagi, saya takut."


class Reporter:
    """The public reporter: submits through the public API, then follows with code + PIN."""

    def __init__(self) -> None:
        self.client = Client()
        r = self.client.post(
            "/api/v1/public/reports", json.dumps(PUBLIC_REPORT), content_type="application/json"
        )
        assert r.status_code == 201, r.content
        self.code, self.pin = r.json()["tracking_code"], r.json()["pin"]

    def write(self, body: str) -> Any:
        return self.client.post(
            f"/api/v1/public/reports/{self.code}/messages",
            json.dumps({"body": body}),
            content_type="application/json",
            HTTP_X_REPORT_PIN=self.pin,
        )

    def thread(self) -> list[dict[str, Any]]:
        r = self.client.get(f"/api/v1/public/reports/{self.code}", HTTP_X_REPORT_PIN=self.pin)
        assert r.status_code == 200
        return r.json()["messages"]


@pytest.fixture
def reporter(db: Any) -> Reporter:
    return Reporter()


@pytest.fixture
def converted(personas, reporter) -> Case:
    """The reporter's report, converted by intake and led by the Balikpapan caseworker."""
    r = personas["intake_bpp"].api("get", "/api/v1/reports")
    report_id = next(i["id"] for i in r.json()["items"] if i["tracking_code"] == reporter.code)
    r = personas["intake_bpp"].api("post", f"/api/v1/reports/{report_id}/convert", {})
    assert r.status_code == 201, r.content
    case = Case.objects.get(public_id=r.json()["case_id"])
    return assign(personas["supervisor_bpp"].user, case, personas["caseworker_bpp"].user)


def _answer(persona, case, body="Kami segera datang. Tetap di tempat aman.") -> Any:
    return persona.api("post", f"/api/v1/cases/{case.public_id}/messages", {"body": body})


# --- the API --------------------------------------------------------------------------------


def test_case_from_a_report_carries_the_reporters_thread(personas, reporter, converted):
    assert reporter.write(SCARED).status_code == 201
    r = personas["caseworker_bpp"].api("get", f"/api/v1/cases/{converted.public_id}")
    assert r.status_code == 200
    messages = r.json()["messages"]
    assert [(m["from"], m["body"]) for m in messages] == [("reporter", SCARED)]
    assert messages[0]["sent_at"]


def test_case_opened_directly_has_an_empty_thread(personas, bpp_case):
    r = personas["caseworker_bpp"].api("get", f"/api/v1/cases/{bpp_case.public_id}")
    assert r.json()["messages"] == []


def test_caseworker_answers_and_the_reporter_sees_it_from_staff(personas, reporter, converted):
    reporter.write(SCARED)
    r = _answer(personas["caseworker_bpp"], converted)
    assert r.status_code == 201, r.content
    assert r.json()["from"] == "staff"
    thread = reporter.thread()
    assert [(m["from"], m["body"]) for m in thread] == [
        ("reporter", SCARED),
        ("staff", "Kami segera datang. Tetap di tempat aman."),
    ]
    assert "caseworker_bpp" not in json.dumps(thread)
    assert ReportMessage.objects.get(sender="staff").author == personas["caseworker_bpp"].user


def test_the_reporters_status_page_shows_the_answer_from_petugas(personas, reporter, converted):
    _answer(personas["supervisor_bpp"], converted, "Petugas kami menghubungi Anda lewat pesan.")
    page = Client().post("/lapor/status/", {"tracking_code": reporter.code, "pin": reporter.pin})
    html = page.content.decode()
    assert "Petugas kami menghubungi Anda lewat pesan." in html
    assert "supervisor_bpp" not in html


def test_answer_on_a_case_without_a_reporter_thread_is_409(personas, bpp_case):
    r = _answer(personas["caseworker_bpp"], bpp_case)
    assert r.status_code == 409
    assert r.json()["detail"]


@pytest.mark.parametrize(
    "who",
    ["intake_bpp", "caseworker_kalteng", "supervisor_kalteng", "provider_bpp", "analyst_bpp",
     "activist_bpp", "admin_bpp"],
)  # fmt: skip
def test_only_the_cases_writers_answer_everyone_else_gets_404(personas, converted, who):
    r = _answer(personas[who], converted)
    missing = personas[who].api(
        "post",
        "/api/v1/cases/00000000-0000-0000-0000-000000000000/messages",
        {"body": "Halo"},
    )
    assert r.status_code == 404
    assert r.content == missing.content
    assert not ReportMessage.objects.filter(sender="staff").exists()


def test_answer_without_a_token_is_401(converted):
    r = Client().post(
        f"/api/v1/cases/{converted.public_id}/messages",
        json.dumps({"body": "Halo"}),
        content_type="application/json",
    )
    assert r.status_code == 401


@pytest.mark.parametrize("body", ["", "   ", "x" * 5001])
def test_empty_or_too_long_answer_is_422_naming_body(personas, converted, body):
    r = _answer(personas["caseworker_bpp"], converted, body)
    assert r.status_code == 422
    assert any(d["loc"][-1] == "body" for d in r.json()["detail"])
    assert not ReportMessage.objects.filter(sender="staff").exists()


def test_answer_without_body_is_422_naming_body(personas, converted):
    r = personas["caseworker_bpp"].api("post", f"/api/v1/cases/{converted.public_id}/messages", {})
    assert r.status_code == 422
    assert "body" in json.dumps(r.json()["detail"])


def test_messages_stay_encrypted_at_rest(personas, reporter, converted):
    reporter.write(SCARED)
    _answer(personas["caseworker_bpp"], converted, "Jawaban rahasia petugas")
    with connection.cursor() as cur:
        cur.execute("SELECT body FROM reports_reportmessage")
        stored = " ".join(str(row[0]) for row in cur.fetchall())
    assert "takut" not in stored
    assert "rahasia" not in stored


# --- unread, audit ---------------------------------------------------------------------------


def test_the_case_writer_reading_the_thread_marks_it_read_and_is_audited(
    personas, reporter, converted
):
    reporter.write(SCARED)
    url = f"/api/v1/cases/{converted.public_id}"
    first = personas["caseworker_bpp"].api("get", url).json()["messages"]
    assert first[0]["read"] is False  # as it was before this read
    assert ReportMessage.objects.get(sender="reporter").read is True
    again = personas["caseworker_bpp"].api("get", url).json()["messages"]
    assert again[0]["read"] is True
    assert AuditEvent.objects.filter(
        actor=personas["caseworker_bpp"].user,
        action="view",
        object_id=str(converted.public_id),
        categories="messages",
    ).exists()


def test_a_read_only_viewer_leaves_reporter_messages_unread(personas, reporter, converted):
    reporter.write(SCARED)
    r = personas["intake_bpp"].api("get", f"/api/v1/cases/{converted.public_id}")
    assert r.json()["messages"][0]["body"] == SCARED
    assert ReportMessage.objects.get(sender="reporter").read is False
    # Nor does opening the converted report: its staff answer from the case now.
    personas["intake_bpp"].client.get(f"/laporan/{converted.source_report.public_id}/")
    assert ReportMessage.objects.get(sender="reporter").read is False


def test_answering_is_audited_on_the_case(personas, reporter, converted):
    _answer(personas["caseworker_bpp"], converted)
    assert AuditEvent.objects.filter(
        actor=personas["caseworker_bpp"].user,
        action="create",
        object_id=str(converted.public_id),
        categories="messages",
    ).exists()


# --- notifications ---------------------------------------------------------------------------


@pytest.fixture
def province_supervisor(orgs):
    """A supervisor of Provinsi Kalimantan Timur (64): her scope covers Balikpapan."""
    return staff_create(
        actor=None,
        username="supervisor_kaltim",
        password="Uji-Persona-2026!",
        role="supervisor",
        org_slug="t-uptd-bpp",
        area_code="64",
        check_password=False,
    )


def test_reporter_message_after_conversion_notifies_the_lead_and_area_supervisors(
    personas, reporter, converted, province_supervisor, settings, django_capture_on_commit_callbacks
):
    settings.MAILERS = LOCMEM
    settings.TASKS = IMMEDIATE
    cw = personas["caseworker_bpp"].user
    cw.email = "pendamping@example.org"
    cw.save()
    with django_capture_on_commit_callbacks(execute=True):
        assert reporter.write(SCARED).status_code == 201
    notices = Notification.objects.filter(case=converted, kind="reporter_message")
    assert set(notices.values_list("user__username", flat=True)) == {
        "caseworker_bpp",
        "supervisor_bpp",
        "supervisor_kaltim",
    }
    assert converted.registration_number in notices.first().message
    # Only the caseworker has an address. The e-mail names the case, no person, no message.
    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == ["pendamping@example.org"]
    assert converted.registration_number in email.subject
    text = email.subject + email.body
    assert "takut" not in text
    assert "Sari" not in text
    assert notices.get(user=cw).emailed_at is not None


def test_a_reporter_message_before_conversion_notifies_no_one(personas, reporter):
    reporter.write(SCARED)
    assert not Notification.objects.filter(kind="reporter_message").exists()


def test_notice_links_the_case_page_in_the_notices_list(personas, reporter, converted):
    reporter.write(SCARED)
    page = personas["caseworker_bpp"].client.get("/pemberitahuan/")
    assert f"/kasus/{converted.public_id}/" in page.content.decode()


# --- the pages -------------------------------------------------------------------------------


def test_case_page_shows_the_thread_with_unread_messages_marked(personas, reporter, converted):
    reporter.write(SCARED)
    page = personas["caseworker_bpp"].client.get(f"/kasus/{converted.public_id}/")
    html = page.content.decode()
    assert SCARED in html
    assert 'data-testid="unread-message"' in html
    assert 'data-testid="case-reply-form"' in html
    again = personas["caseworker_bpp"].client.get(f"/kasus/{converted.public_id}/")
    assert 'data-testid="unread-message"' not in again.content.decode()


def test_answer_from_the_case_page_reaches_the_reporter(personas, reporter, converted):
    cw = personas["caseworker_bpp"].client
    r = cw.post(f"/kasus/{converted.public_id}/pesan/", {"body": "Kami datang."})
    assert r.status_code == 302
    assert [m["body"] for m in reporter.thread()] == ["Kami datang."]


def test_a_refused_answer_keeps_the_text_on_the_case_page(personas, converted):
    cw = personas["caseworker_bpp"].client
    long = "Teks panjang yang tidak boleh hilang. " + "x" * 5000
    r = cw.post(f"/kasus/{converted.public_id}/pesan/", {"body": long})
    assert r.status_code == 422
    assert "Teks panjang yang tidak boleh hilang." in r.content.decode()
    assert not ReportMessage.objects.filter(sender="staff").exists()


def test_intake_cannot_answer_from_the_case_page(personas, converted):
    r = personas["intake_bpp"].client.post(f"/kasus/{converted.public_id}/pesan/", {"body": "x"})
    assert r.status_code == 404
    page = personas["intake_bpp"].client.get(f"/kasus/{converted.public_id}/")
    assert 'data-testid="case-thread"' in page.content.decode()
    assert 'data-testid="case-reply-form"' not in page.content.decode()


def test_case_opened_directly_shows_no_thread(personas, bpp_case):
    page = personas["caseworker_bpp"].client.get(f"/kasus/{bpp_case.public_id}/")
    assert 'data-testid="case-thread"' not in page.content.decode()


def test_converted_report_page_links_its_case_and_keeps_the_thread(personas, reporter, converted):
    reporter.write(SCARED)
    url = f"/laporan/{converted.source_report.public_id}/"
    sup = personas["supervisor_bpp"].client.get(url).content.decode()
    assert f"/kasus/{converted.public_id}/" in sup
    assert SCARED in sup
    assert 'data-testid="report-case-reply-form"' in sup
    intake = personas["intake_bpp"].client.get(url).content.decode()
    assert f"/kasus/{converted.public_id}/" in intake
    assert SCARED in intake
    assert 'data-testid="report-case-reply-form"' not in intake


def test_answer_from_the_report_page_goes_back_to_the_report(personas, reporter, converted):
    r = personas["supervisor_bpp"].client.post(
        f"/kasus/{converted.public_id}/pesan/", {"body": "Kami datang.", "back": "report"}
    )
    assert r.status_code == 302
    assert r["Location"] == f"/laporan/{converted.source_report.public_id}/"
    assert [m["from"] for m in reporter.thread()] == ["staff"]
