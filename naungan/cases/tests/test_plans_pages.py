"""The plan page: draft, submit and decide; monitoring entries kept on error."""

from __future__ import annotations

from datetime import date, timedelta

from django.utils import timezone

from naungan.cases.models import InterventionPlan, MonitoringEntry
from naungan.cases.services.plans import (
    PlanActionIn,
    monitoring_record,
    plan_decide,
    plan_draft,
    plan_submit,
)


def _draft(
    cw, case, *, due=date(2026, 12, 10), goals="Korban aman dan pulih", responsible=None, **extra
):
    return plan_draft(
        actor=cw,
        case=case,
        goals=goals,
        made_with="klien dan ibu",
        actions=[
            PlanActionIn(
                description="Konseling psikolog",
                responsible_user=responsible or cw,
                due_on=due,
            ),
            PlanActionIn(description="Pendampingan hukum", **extra),
        ],
    )


def test_draft_submit_and_decide_through_the_pages(personas, bpp_case):
    cw = personas["caseworker_bpp"]
    url = f"/kasus/{bpp_case.public_id}/rencana/"
    form = {
        "goals": "Korban aman",
        "made_with": "klien",
        "actions-TOTAL_FORMS": "3",
        "actions-INITIAL_FORMS": "0",
        "actions-0-description": "Konseling",
        "actions-0-responsible_user": str(cw.user.pk),
        "actions-0-due_on": "2026-12-10",
    }
    assert cw.client.post(url, form).status_code == 302
    plan = InterventionPlan.objects.get(case=bpp_case)
    assert plan.actions.count() == 1
    cw.client.post(f"{url}{plan.public_id}/ajukan/")
    # The caseworker's decide is refused (not a supervisor): nothing changes.
    cw.client.post(f"{url}{plan.public_id}/putuskan/", {"approve": "yes"})
    plan.refresh_from_db()
    assert plan.status == "submitted"
    sup = personas["supervisor_bpp"]
    assert "Setujui rencana" in sup.client.get(url).content.decode()
    sup.client.post(f"{url}{plan.public_id}/putuskan/", {"approve": "yes"})
    plan.refresh_from_db()
    assert plan.status == "approved"
    # Out-of-scope writer: 404 on the action URLs.
    r = personas["supervisor_kalteng"].client.post(f"{url}{plan.public_id}/ajukan/")
    assert r.status_code == 404


def test_case_page_shows_plan_and_monitoring_in_section_and_timeline(personas, bpp_case):
    cw = personas["caseworker_bpp"].user
    sup = personas["supervisor_bpp"].user
    plan_decide(actor=sup, plan=plan_submit(actor=cw, plan=_draft(cw, bpp_case)), approve=True)
    monitoring_record(
        actor=cw, case=bpp_case, reviewed_on=timezone.localdate(), summary="Klien stabil"
    )
    body = personas["caseworker_bpp"].client.get(f"/kasus/{bpp_case.public_id}/").content.decode()
    assert "Rencana berlaku: versi 1" in body
    assert "Konseling psikolog" in body
    assert "Rencana intervensi versi 1" in body  # timeline
    assert "Pemantauan" in body
    assert "Klien stabil" in body


def test_monitoring_page_post(personas, bpp_case):
    cw = personas["caseworker_bpp"]
    r = cw.client.post(
        f"/kasus/{bpp_case.public_id}/pemantauan/",
        {"reviewed_on": timezone.localdate().isoformat(), "summary": "Kunjungan rumah"},
    )
    assert r.status_code == 302
    assert MonitoringEntry.objects.filter(case=bpp_case).count() == 1
    r = personas["caseworker_kalteng"].client.post(
        f"/kasus/{bpp_case.public_id}/pemantauan/",
        {"reviewed_on": timezone.localdate().isoformat(), "summary": "x"},
    )
    assert r.status_code == 404


def test_refused_monitoring_entry_comes_back_with_what_was_typed(personas, bpp_case):
    future = (timezone.localdate() + timedelta(days=3)).isoformat()
    r = personas["caseworker_bpp"].client.post(
        f"/kasus/{bpp_case.public_id}/pemantauan/",
        {"reviewed_on": future, "summary": "Kunjungan rumah kedua", "next_review_on": ""},
    )
    assert r.status_code == 422
    html = r.content.decode()
    assert f'value="{future}"' in html
    assert "Kunjungan rumah kedua" in html
    assert MonitoringEntry.objects.filter(case=bpp_case).count() == 0
