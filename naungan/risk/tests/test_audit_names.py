"""The audit log names risk records as a person knows them (kind and the case's registration
number), links them only for a reader who may open the case, never shows the raw type, and
finds them by the case's number."""

from __future__ import annotations

import re
from datetime import timedelta

from django.utils import timezone

from naungan.risk import services
from naungan.risk.services import AssessmentIn, SafetyPlanIn
from naungan.risk.services.conferences import ConferenceIn

from .conftest import dash

AUDIT = "/audit/"


def _rows(html: str) -> list[str]:
    found = re.findall(r'<tr data-testid="audit-row">(.*?)</tr>', html, re.S)
    return [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", r)).strip() for r in found]


def _records(personas, case):
    cw = personas["caseworker_bpp"].user
    a = services.assessment_create(
        actor=cw, case=case, data=AssessmentIn(instrument="dash", answers=dash(3))
    )
    j = services.assessment_judge(actor=cw, assessment=a, level="high", reason="Ancaman baru")
    conf = services.conference_record(
        actor=cw, case=case, data=ConferenceIn(held_on=timezone.localdate() - timedelta(days=1))
    )
    plan = services.safety_plan_save(
        actor=cw,
        case=case,
        data=SafetyPlanIn(
            review_on=timezone.localdate() + timedelta(days=30), parts={"code_word": "mangga"}
        ),
    )
    return a, j, conf, plan


def test_risk_records_are_named_and_linked_for_a_reader_of_the_case(bpp_case, personas):
    a, j, conf, _plan = _records(personas, bpp_case)
    number = bpp_case.registration_number
    r = personas["supervisor_bpp"].client.get(AUDIT, {"action": "create"})
    html = r.content.decode()
    text = " | ".join(_rows(html))
    assert f"Asesmen risiko DASH · Kasus {number}" in text
    assert f"Penilaian profesional (DASH) · Kasus {number}" in text
    assert "Rapat koordinasi" in text
    assert f"Kasus {number}" in text
    assert f"Rencana keselamatan versi 1 · Kasus {number}" in text
    for raw in ("risk.riskassessment", "risk.conference", "risk.safetyplan"):
        assert raw not in html
    assert f'href="/kasus/{bpp_case.public_id}/risiko/asesmen/{a.public_id}/"' in html
    assert f'href="/kasus/{bpp_case.public_id}/risiko/asesmen/{j.public_id}/"' in html
    assert f'href="/kasus/{bpp_case.public_id}/risiko/rapat/{conf.public_id}/"' in html
    assert f'href="/kasus/{bpp_case.public_id}/risiko/rencana-keselamatan/"' in html
    assert "mangga" not in html  # never a plan's content


def test_an_admin_reads_the_names_without_links(bpp_case, personas):
    a, _j, conf, _plan = _records(personas, bpp_case)
    html = personas["admin_bpp"].client.get(AUDIT, {"action": "create"}).content.decode()
    text = " | ".join(_rows(html))
    assert f"Asesmen risiko DASH · Kasus {bpp_case.registration_number}" in text
    assert f"/risiko/asesmen/{a.public_id}/" not in html
    assert f"/risiko/rapat/{conf.public_id}/" not in html
    # A conference's cases are named only to a reader who sees them.
    assert "Rapat koordinasi" in text


def test_search_by_the_case_number_finds_the_risk_records(bpp_case, personas):
    _records(personas, bpp_case)
    client = personas["supervisor_bpp"].client
    number = bpp_case.registration_number
    text = " | ".join(_rows(client.get(AUDIT, {"q": number, "action": "create"}).content.decode()))
    for label in ("Asesmen risiko DASH", "Penilaian profesional", "Rencana keselamatan versi 1"):
        assert label in text
    assert "Rapat koordinasi" in text
    other = " | ".join(_rows(client.get(AUDIT, {"q": "TIDAK-ADA-99"}).content.decode()))
    assert "Asesmen risiko" not in other
