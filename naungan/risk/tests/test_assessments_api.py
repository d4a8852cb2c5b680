"""POST /api/v1/cases/{id}/risk-assessments (CONTRACT §7): scores, band edges, judgement,
referral reasons, bad input (422 naming the field, nothing stored), who may."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone

from naungan.cases.models import Task
from naungan.core.models import AuditEvent
from naungan.risk.models import RiskAssessment

from .conftest import dash

NOT_FOUND = {"detail": "Not Found"}


def _url(case, tail=""):
    return f"/api/v1/cases/{case.public_id}/risk-assessments{tail}"


def _post(personas, case, body, who="caseworker_bpp"):
    return personas[who].api("POST", _url(case), body)


@pytest.mark.parametrize(
    ("yes", "dont_know", "level"),
    [(0, 0, "standard"), (9, 15, "standard"), (10, 0, "medium"), (13, 11, "medium"),
     (14, 0, "high"), (24, 0, "high")],
)  # fmt: skip
def test_dash_band_edges_and_dont_know_counts_nothing(bpp_case, personas, yes, dont_know, level):
    r = _post(personas, bpp_case, {"instrument": "dash", "answers": dash(yes, dont_know)})
    assert r.status_code == 201, r.content
    body = r.json()
    assert body["score"] == yes
    assert body["scored_level"] == level
    assert body["level"] == level
    assert body["referral_required"] is (yes >= 14)
    assert body["referral_reasons"] == (["score"] if yes >= 14 else [])


def test_missing_answers_count_as_not_yes(bpp_case, personas):
    r = _post(personas, bpp_case, {"instrument": "dash", "answers": {"q1": "yes", "q2": None}})
    assert r.status_code == 201
    assert r.json()["score"] == 1
    assert r.json()["level"] == "standard"


def test_da_is_a_raw_count_without_level(bpp_case, personas):
    answers = {f"q{i}": "yes" for i in range(1, 21)}
    r = _post(personas, bpp_case, {"instrument": "da", "answers": answers})
    assert r.status_code == 201
    body = r.json()
    assert body["score"] == 20
    assert body["score_text"] == "20 dari 20"
    assert body["level"] is None
    assert body["scored_level"] is None
    assert body["referral_required"] is False
    assert "bobot" in body["weighted_levels"]


def test_da_refers_on_judgement_only_and_keeps_it(bpp_case, personas):
    r = _post(
        personas,
        bpp_case,
        {"instrument": "da", "answers": {"q1": "yes"}, "professional_judgement": "high",
         "judgement_reason": "Ancaman dengan senjata kemarin"},
    )  # fmt: skip
    assert r.status_code == 201
    body = r.json()
    assert body["level"] is None
    assert body["professional_judgement"] == "high"
    assert body["referral_required"] is True
    assert body["referral_reasons"] == ["judgement"]


def test_judgement_raises_the_level_and_is_a_reason(bpp_case, personas):
    r = _post(
        personas,
        bpp_case,
        {"instrument": "dash", "answers": dash(3), "professional_judgement": "high",
         "judgement_reason": "Pelaku baru keluar dari tahanan"},
    )  # fmt: skip
    assert r.status_code == 201
    body = r.json()
    assert (body["scored_level"], body["level"]) == ("standard", "high")
    assert body["referral_reasons"] == ["judgement"]


def test_judgement_equal_to_the_score_is_accepted(bpp_case, personas):
    r = _post(
        personas,
        bpp_case,
        {"instrument": "dash", "answers": dash(11), "professional_judgement": "medium",
         "judgement_reason": "Sesuai skor"},
    )  # fmt: skip
    assert r.status_code == 201
    assert r.json()["level"] == "medium"
    assert r.json()["referral_reasons"] == ["judgement"]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"instrument": "spasi", "answers": {}}, "instrument"),
        ({"answers": {}}, "instrument"),
        ({"instrument": "dash", "answers": {"q25": "yes"}}, "answers"),
        ({"instrument": "da", "answers": {"q21": "no"}}, "answers"),
        ({"instrument": "dash", "answers": {"q1": "maybe"}}, "answers"),
        ({"instrument": "dash", "answers": {"q1": True}}, "answers"),
        ({"instrument": "dash", "answers": ["yes"]}, "answers"),
        ({"instrument": "dash", "answers": {}, "professional_judgement": "extreme",
          "judgement_reason": "x"}, "professional_judgement"),
        ({"instrument": "dash", "answers": {}, "professional_judgement": "standard",
          "judgement_reason": "x"}, "professional_judgement"),
        ({"instrument": "dash", "answers": {}, "professional_judgement": "high"},
         "judgement_reason"),
        ({"instrument": "dash", "answers": {}, "professional_judgement": "high",
          "judgement_reason": "   "}, "judgement_reason"),
        ({"instrument": "dash", "answers": dash(14), "professional_judgement": "medium",
          "judgement_reason": "Menurut saya sedang"}, "professional_judgement"),
        ({"instrument": "dash", "answers": {}, "assessed_at": "kemarin"}, "assessed_at"),
    ],
)  # fmt: skip
def test_bad_input_is_422_naming_the_field_and_stores_nothing(bpp_case, personas, body, field):
    tasks = Task.objects.count()
    r = _post(personas, bpp_case, body)
    assert r.status_code == 422, r.content
    detail = r.json()["detail"]
    assert detail[0]["loc"] == ["body", field]
    assert detail[0]["msg"]
    assert not RiskAssessment.objects.exists()
    assert Task.objects.count() == tasks


def test_future_assessed_at_is_422_in_indonesian(bpp_case, personas):
    future = (timezone.now() + timedelta(hours=2)).isoformat()
    r = _post(personas, bpp_case, {"instrument": "dash", "answers": {}, "assessed_at": future})
    assert r.status_code == 422
    assert r.json()["detail"][0]["loc"] == ["body", "assessed_at"]
    assert "masa depan" in r.json()["detail"][0]["msg"]


def test_messages_follow_the_users_language(bpp_case, personas):
    r = personas["caseworker_bpp"].api(
        "POST", _url(bpp_case), {"instrument": "x"}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert r.status_code == 422
    assert r.json()["detail"][0]["loc"] == ["body", "instrument"]


def test_past_assessed_at_is_kept(bpp_case, personas):
    r = _post(
        personas,
        bpp_case,
        {"instrument": "dash", "answers": {}, "assessed_at": "2025-03-02T10:00:00+08:00"},
    )
    assert r.status_code == 201, r.content
    assert datetime.fromisoformat(r.json()["assessed_at"]) == datetime(2025, 3, 2, 2, tzinfo=UTC)


@pytest.mark.parametrize(
    ("body", "why"),
    [
        ({"professional_judgement": "high"}, "judgement_without_reason"),
        ({"professional_judgement": "medium", "judgement_reason": "Rendah"},
         "judgement_below_score"),
    ],
)  # fmt: skip
def test_refused_judgement_is_audited(bpp_case, personas, body, why):
    r = _post(personas, bpp_case, {"instrument": "dash", "answers": dash(15), **body})
    assert r.status_code == 422
    event = AuditEvent.objects.get(action="denied", object_id=str(bpp_case.public_id))
    assert event.reason == why
    assert event.outcome == "refused"
    assert event.actor == personas["caseworker_bpp"].user


def test_high_result_gives_the_supervisor_an_immediate_task(bpp_case, personas):
    r = _post(personas, bpp_case, {"instrument": "dash", "answers": dash(14)})
    assert r.status_code == 201
    task = bpp_case.tasks.get(kind="risk_high")
    assert task.owner == personas["supervisor_bpp"].user
    assert task.due_at <= timezone.now() + timedelta(hours=1)
    r = _post(personas, bpp_case, {"instrument": "dash", "answers": dash(13)})
    assert bpp_case.tasks.filter(kind="risk_high").count() == 1


def test_children_in_household_make_a_separate_child_protection_task(bpp_case, personas):
    _post(personas, bpp_case, {"instrument": "dash", "answers": {}})
    assert not bpp_case.tasks.filter(kind="child_protection_referral").exists()
    r = _post(
        personas, bpp_case, {"instrument": "dash", "answers": {}, "children_in_household": True}
    )
    assert r.json()["children_in_household"] is True
    assert bpp_case.tasks.filter(kind="child_protection_referral").count() == 1


def test_household_child_on_the_case_counts(bpp_case, personas):
    from naungan.cases import services as case_services

    case_services.party_add(
        actor=personas["caseworker_bpp"].user,
        case=bpp_case,
        role="household_member",
        person=case_services.PersonIn(name="Adik", age=6),
    )
    _post(personas, bpp_case, {"instrument": "dash", "answers": {}})
    assert bpp_case.tasks.filter(kind="child_protection_referral").exists()


def test_supervisor_writes_and_readers_read(bpp_case, personas):
    assert (
        _post(
            personas, bpp_case, {"instrument": "dash", "answers": {}}, "supervisor_bpp"
        ).status_code
        == 201
    )
    r = personas["intake_bpp"].api("GET", _url(bpp_case))  # the creator reads
    assert r.status_code == 200
    assert r.json()["count"] == 1
    assert AuditEvent.objects.filter(
        action="view", object_id=str(bpp_case.public_id), categories="risk"
    ).exists()


@pytest.mark.parametrize(
    "who", ["caseworker_kalteng", "supervisor_kalteng", "activist_bpp", "analyst_bpp",
            "admin_bpp", "provider_bpp"],
)  # fmt: skip
def test_everyone_else_gets_404(bpp_case, personas, who):
    r = _post(personas, bpp_case, {"instrument": "dash", "answers": {}}, who)
    assert (r.status_code, r.json()) == (404, NOT_FOUND)
    r = personas[who].api("GET", _url(bpp_case))
    assert (r.status_code, r.json()) == (404, NOT_FOUND)


def test_intake_reads_but_may_not_write(bpp_case, personas):
    r = _post(personas, bpp_case, {"instrument": "dash", "answers": {}}, "intake_bpp")
    assert r.status_code in (403, 404)
    assert not RiskAssessment.objects.exists()


def test_later_judgement_is_a_new_assessment(bpp_case, personas):
    first = _post(personas, bpp_case, {"instrument": "dash", "answers": dash(5)}).json()
    r = personas["caseworker_bpp"].api(
        "POST",
        _url(bpp_case, f"/{first['id']}/judgement"),
        {"professional_judgement": "high", "judgement_reason": "Ancaman baru"},
    )
    assert r.status_code == 201
    second = r.json()
    assert second["id"] != first["id"]
    assert second["revises"] == first["id"]
    assert second["level"] == "high"
    assert second["score"] == 5
    old = RiskAssessment.objects.get(public_id=first["id"])
    assert (old.level, old.judged_level) == ("standard", "")


def test_answers_are_encrypted_at_rest_and_read_back(bpp_case, personas):
    from django.db import connection

    answers = {"q1": "yes", "q2": "dont_know", "q3": "no"}
    r = _post(personas, bpp_case, {"instrument": "dash", "answers": answers})
    assert r.status_code == 201, r.content
    assessment = RiskAssessment.objects.get()
    with connection.cursor() as cursor:
        cursor.execute("SELECT answers FROM risk_riskassessment WHERE id = %s", [assessment.pk])
        (stored,) = cursor.fetchone()
    assert stored.startswith("v2:")
    assert "dont_know" not in stored
    assert "q1" not in stored
    assert {k: assessment.answers[k] for k in answers} == answers
    assert assessment.score == 1
