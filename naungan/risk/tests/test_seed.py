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
