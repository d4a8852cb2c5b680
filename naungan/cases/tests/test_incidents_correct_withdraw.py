"""Incidents: the six answers required, correction by the case's writers, withdrawal with a
reason, and what follows from both (type and flags, trace, police-report clock, summary)."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from naungan.cases import selectors, services
from naungan.cases.classification import QUESTION_KEYS
from naungan.cases.exceptions import IncidentWithdrawn, NotPermitted, ReasonRequired
from naungan.cases.models import Incident, Task
from naungan.cases.services import summary as pdf
from naungan.core.models import AuditEvent

from .factories import answers, assign, make_case


def record(actor, case, *yes, **kw):
    return services.incident_record(actor=actor, case=case, answers=answers(*yes), **kw)


@pytest.mark.parametrize("missing", QUESTION_KEYS)
def test_each_missing_answer_is_refused_naming_it(personas, bpp_case, missing):
    given = answers("physical_assault")
    del given[missing]
    with pytest.raises(ValidationError) as exc:
        services.incident_record(
            actor=personas["caseworker_bpp"].user, case=bpp_case, answers=given
        )
    assert list(exc.value.message_dict) == [f"classification.{missing}"]
    assert not Incident.objects.filter(case=bpp_case).exists()


def test_no_answer_at_all_is_not_recorded_as_non_gbv(personas, bpp_case):
    # The bug of issue 11: nothing answered on a sexual-violence case became "Bukan KBG".
    with pytest.raises(ValidationError) as exc:
        services.incident_record(
            actor=personas["caseworker_bpp"].user,
            case=bpp_case,
            answers=dict.fromkeys(QUESTION_KEYS),
        )
    assert sorted(exc.value.message_dict) == sorted(f"classification.{k}" for k in QUESTION_KEYS)
    assert not Incident.objects.filter(case=bpp_case).exists()


def test_caseworker_corrects_type_flags_and_trace_keeps_the_old_entry(personas, bpp_case):
    cw = personas["caseworker_bpp"].user
    incident = record(cw, bpp_case, "physical_assault", survivor_age=30)
    assert (incident.gbv_type, incident.context_flags) == ("physical_assault", [])
    corrected = services.incident_correct(
        actor=cw,
        incident=incident,
        answers=answers("penetration", "physical_assault"),
        survivor_age=14,
        reason="salah ketik",
    )
    corrected.refresh_from_db()
    assert corrected.gbv_type == "rape"
    assert corrected.context_flags == ["CSA"]
    assert corrected.survivor_age == 14
    assert corrected.q_penetration is True
    assert [e["gbv_type"] for e in corrected.answer_trace] == ["physical_assault", "rape"]
    assert corrected.answer_trace[1]["reason"] == "salah ketik"
    assert corrected.answer_trace[1]["by"] == "caseworker_bpp"
    event = AuditEvent.objects.filter(action="update", object_id=str(incident.public_id)).get()
    assert "gbv_type physical_assault → rape" in event.reason
    assert "survivor_age 30 → 14" in event.reason
    assert "salah ketik" in event.reason


def test_correction_keeps_what_is_not_given_and_names_private_fields_only(personas, bpp_case):
    cw = personas["caseworker_bpp"].user
    incident = record(cw, bpp_case, "physical_assault", survivor_age=30, narrative="Lama")
    services.incident_correct(
        actor=cw,
        incident=incident,
        answers=answers("physical_assault"),
        narrative="Kronologi rahasia baru",
    )
    incident.refresh_from_db()
    assert incident.survivor_age == 30
    assert incident.narrative == "Kronologi rahasia baru"
    assert len(incident.answer_trace) == 1  # the answers did not change
    event = AuditEvent.objects.get(action="update", object_id=str(incident.public_id))
    assert "narrative changed" in event.reason
    assert "rahasia" not in event.reason


def test_a_caseworker_not_assigned_may_not_correct_or_withdraw(personas, bpp_case, make_user):
    incident = record(personas["caseworker_bpp"].user, bpp_case, "physical_assault")
    other = make_user("caseworker", "bpp", username="cw_lain_bpp")
    with pytest.raises(NotPermitted):
        services.incident_correct(actor=other, incident=incident, answers=answers())
    with pytest.raises(NotPermitted):
        services.incident_withdraw(actor=other, incident=incident, reason="salah")
    incident.refresh_from_db()
    assert incident.gbv_type == "physical_assault"
    assert not incident.withdrawn


def test_withdrawal_needs_a_reason_and_is_final(personas, bpp_case):
    cw = personas["caseworker_bpp"].user
    incident = record(cw, bpp_case, "physical_assault")
    with pytest.raises(ReasonRequired):
        services.incident_withdraw(actor=cw, incident=incident, reason="   ")
    incident.refresh_from_db()
    assert not incident.withdrawn
    services.incident_withdraw(actor=cw, incident=incident, reason="Tercatat di kasus lain")
    incident.refresh_from_db()
    assert incident.withdrawn
    assert incident.withdrawn_by == cw
    assert incident.withdrawn_reason == "Tercatat di kasus lain"
    event = AuditEvent.objects.get(action="update", object_id=str(incident.public_id))
    assert "Tercatat di kasus lain" in event.reason
    with pytest.raises(IncidentWithdrawn):
        services.incident_withdraw(actor=cw, incident=incident, reason="lagi")
    with pytest.raises(IncidentWithdrawn):
        services.incident_correct(actor=cw, incident=incident, answers=answers("penetration"))
    with pytest.raises(IncidentWithdrawn):
        services.incident_reclassify(
            actor=personas["supervisor_bpp"].user,
            incident=incident,
            answers=answers("penetration"),
            reason="visum",
        )


def test_withdrawn_incident_leaves_the_list_and_the_summary(personas, bpp_case):
    cw = personas["caseworker_bpp"].user
    kept = record(cw, bpp_case, "psychological_abuse")
    wrong = record(cw, bpp_case, "forced_marriage")
    services.incident_withdraw(actor=cw, incident=wrong, reason="Salah kasus")
    detail = selectors.case_detail(user=cw, case_id=bpp_case.public_id)
    assert selectors.case_incidents(case=detail) == [kept]
    assert selectors.case_incidents(case=detail, include_withdrawn=True) == [kept, wrong]
    assert list(Incident.objects.filter(case=bpp_case).active()) == [kept]
    html = pdf.summary_html(actor=cw, case=bpp_case, at=timezone.now())
    assert "Kekerasan psikis" in html
    assert "Perkawinan paksa" not in html


def _police_task(case):
    return Task.objects.get(case=case, kind="police_report")


def test_police_report_task_follows_the_sexual_incidents(personas):
    sup = personas["supervisor_bpp"].user
    cw = personas["caseworker_bpp"].user
    case = make_case(personas["intake_bpp"].user, violence_types=["physical"])
    assign(sup, case, cw)
    incident = record(cw, case, "penetration")
    assert _police_task(case).status == "open"
    # A caseworker's withdrawal leaves the statutory task for a supervisor to set aside.
    services.incident_withdraw(actor=cw, incident=incident, reason="Salah kasus")
    assert _police_task(case).status == "open"
    # A supervisor's correction removes the last basis: the task is cancelled.
    other = record(cw, case, "sexual_contact")
    services.incident_correct(actor=sup, incident=other, answers=answers("physical_assault"))
    assert _police_task(case).status == "cancelled"
    # A correction that makes it sexual again opens the same task, still due 72 h after receipt.
    services.incident_correct(actor=cw, incident=other, answers=answers("sexual_contact"))
    task = _police_task(case)
    assert task.status == "open"
    assert Task.objects.filter(case=case, kind="police_report").count() == 1


def test_police_report_task_stays_while_the_case_is_a_sexual_violence_case(personas, bpp_case):
    sup = personas["supervisor_bpp"].user
    incident = record(sup, bpp_case, "penetration")
    services.incident_withdraw(actor=sup, incident=incident, reason="Duplikat")
    assert _police_task(bpp_case).status == "open"  # bpp_case's violence types include sexual


def test_a_sexual_incident_recorded_by_tpks_category_alone_starts_the_clock(personas):
    sup = personas["supervisor_bpp"].user
    case = make_case(personas["intake_bpp"].user, violence_types=["psychological"])
    record(sup, case, "psychological_abuse", tpks_type="electronic")
    assert _police_task(case).status == "open"
