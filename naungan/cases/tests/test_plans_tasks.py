"""Each approved plan action's task says what the action is ("Rencana: Konseling psikolog"),
on the case page, on the home page, in the summary and in the API, instead of every one
reading "Tindak lanjut"."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from naungan.cases.models import Task
from naungan.cases.services.plans import PlanActionIn, plan_decide, plan_draft, plan_submit


@pytest.fixture
def approved(personas, bpp_case):
    cw = personas["caseworker_bpp"].user
    soon = timezone.localdate() + timedelta(days=7)
    plan = plan_draft(
        actor=cw,
        case=bpp_case,
        goals="Korban aman dan pulih",
        actions=[
            PlanActionIn(description="Konseling psikolog", responsible_user=cw, due_on=soon),
            PlanActionIn(description="Dampingi ke Unit PPA Polresta", due_on=soon),
        ],
    )
    plan_submit(actor=cw, plan=plan)
    return plan_decide(actor=personas["supervisor_bpp"].user, plan=plan, approve=True)


def test_each_plan_task_carries_its_action(approved, bpp_case):
    tasks = Task.objects.filter(case=bpp_case, kind="follow_up").order_by("id")
    assert [t.title for t in tasks] == ["Konseling psikolog", "Dampingi ke Unit PPA Polresta"]
    assert [t.label for t in tasks] == [
        "Rencana: Konseling psikolog",
        "Rencana: Dampingi ke Unit PPA Polresta",
    ]
    # Tasks without a title still read as their kind.
    assert Task.objects.get(case=bpp_case, kind="police_report").label.startswith("Lapor ke")


def test_case_page_and_home_name_the_action(personas, approved, bpp_case):
    cw = personas["caseworker_bpp"].client
    page = cw.get(f"/kasus/{bpp_case.public_id}/").content.decode()
    assert "Rencana: Konseling psikolog" in page
    assert "Rencana: Dampingi ke Unit PPA Polresta" in page
    assert ">Tindak lanjut<" not in page
    home = cw.get("/").content.decode()
    assert "Rencana: Konseling psikolog" in home


def test_the_api_gives_the_title(personas, approved, bpp_case):
    r = personas["caseworker_bpp"].api("get", f"/api/v1/cases/{bpp_case.public_id}/tasks")
    titles = {i["title"] for i in r.json()["items"] if i["kind"] == "follow_up"}
    assert titles == {"Konseling psikolog", "Dampingi ke Unit PPA Polresta"}
