"""The demo's risk data: DASH assessments on the demo cases (one high with the conference
referral and the supervisor's task), a conference with actions and a safety plan; running the
seed twice adds nothing."""

from __future__ import annotations

from naungan.cases.models import Task
from naungan.demo.seed import seed_demo
from naungan.risk.models import Conference, RiskAssessment, SafetyPlan


def test_demo_risk_data_is_seeded_once(db):
    seed_demo()
    seed_demo()
    dash = RiskAssessment.objects.filter(instrument="dash")
    assert dash.count() == 3
    high = dash.get(level="high")
    assert high.score == 15
    assert high.referral_required
    assert "score" in high.referral_reasons
    assert high.assessed_by.username == "pendamping_bpp"
    assert set(dash.values_list("level", flat=True)) == {"standard", "high", "medium"}
    assert Task.objects.filter(case=high.case, kind="risk_high").count() == 1
    conference = Conference.objects.get()
    assert list(conference.cases.all()) == [high.case]
    assert conference.actions.count() == 2
    assert conference.agencies.count() == 3
    plan = SafetyPlan.objects.get()
    assert plan.case == high.case
    assert plan.review_task is not None
    assert "jemput jemuran" in plan.code_word


def test_a_new_caseworker_of_the_demo_unit_may_file_a_dash_assessment(db):
    """CONTRACT §7 answers 201 to a writer of the case: the demo requires no competency for DASH
    sign-off, so a caseworker made with ``create_staff`` in the demo UPTD PPA is not refused."""
    from django.test import Client

    from naungan.accounts.services import staff_create, token_issue
    from naungan.cases.models import Case

    seed_demo()
    worker = staff_create(
        actor=None,
        username="cw_contract",
        password="Uji-Kontrak-2026!",
        role="caseworker",
        org_slug="uptd-ppa-balikpapan",
        area_code="64.71",
        check_password=False,
    )
    case = Case.objects.filter(organisation__slug="uptd-ppa-balikpapan").first()
    case.co_workers.add(worker)
    token = token_issue(user=worker, name="t")
    answer = Client().post(
        f"/api/v1/cases/{case.public_id}/risk-assessments",
        data={"instrument": "dash", "answers": {"q1": "yes"}},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )
    assert answer.status_code == 201, answer.content
