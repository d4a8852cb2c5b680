"""Closing a report or handing it over (pelimpahan) from the report page, and through the API:
the report ends with its reason, and the change is audited."""

from __future__ import annotations

import re
from typing import Any

import pytest

from naungan.core.models import AuditEvent
from naungan.reports.models import Report

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(public: Any, report_body: Any) -> Report:
    assert public.submit(report_body).status_code == 201
    return Report.objects.get()


def _outcome_form_fields(html: str) -> list[str]:
    """The names of the outcome form's fields, in the order the browser sends them."""
    form = re.search(r'<form method="post">[^\n]*value="outcome">.*?</form>', html, re.S)
    assert form, "the report page has an outcome form"
    return re.findall(r'name="([^"]+)"', form.group(0))


def _post(persona: Any, report: Report, action: str, reason: str) -> Any:
    """POST the outcome form as a browser does: every field in page order."""
    html = persona.client.get(f"/laporan/{report.public_id}/").content.decode()
    values = {"action": "outcome", "outcome": action, "reason": reason}
    data: dict[str, list[str]] = {}
    for name in _outcome_form_fields(html):
        if name == "csrfmiddlewaretoken":
            continue
        # Before the fix the form's choice was named "action" too: it came after the switch.
        value = action if name == "action" and "action" in data else values.get(name, "")
        data.setdefault(name, []).append(value)
    return persona.client.post(f"/laporan/{report.public_id}/", data)


def test_intake_closes_a_report_on_the_page(personas, report):
    response = _post(personas["intake_bpp"], report, "close", "Informasi sudah diberikan")
    assert response.status_code == 302
    report.refresh_from_db()
    assert (report.status, report.closed_reason) == ("closed", "Informasi sudah diberikan")
    assert report.closed_at is not None
    assert AuditEvent.objects.filter(object_id=str(report.public_id), action="update").exists()


def test_supervisor_hands_a_report_over_on_the_page(personas, report):
    response = _post(personas["supervisor_bpp"], report, "hand_over", "UPTD PPA Samarinda")
    assert response.status_code == 302
    report.refresh_from_db()
    assert (report.status, report.closed_reason) == ("handed_over", "UPTD PPA Samarinda")


def test_an_outcome_without_reason_is_refused_on_the_page(personas, report):
    response = _post(personas["intake_bpp"], report, "close", "")
    assert response.status_code == 422
    report.refresh_from_db()
    assert report.status == "received"


def test_close_and_hand_over_through_the_api(personas, public, report_body, report):
    public.submit({**report_body, "description": "Laporan kedua tentang kekerasan di rumah."})
    other = Report.objects.exclude(pk=report.pk).get()
    intake = personas["intake_bpp"]
    closed = intake.api("post", f"/api/v1/reports/{report.public_id}/close", {"reason": "Info"})
    assert closed.status_code == 200
    assert closed.json()["status"] == "closed"
    handed = intake.api(
        "post", f"/api/v1/reports/{other.public_id}/hand-over", {"recipient": "Polres Balikpapan"}
    )
    assert handed.status_code == 200
    assert handed.json()["status"] == "handed_over"
    report.refresh_from_db()
    other.refresh_from_db()
    assert (report.closed_reason, other.closed_reason) == ("Info", "Polres Balikpapan")
    again = intake.api("post", f"/api/v1/reports/{report.public_id}/close", {"reason": "Lagi"})
    assert again.status_code == 409
