"""The home page as each role's work list (issue 11): the supervisor who was told "Tidak ada
tugas terbuka. Bagus!" while a plan and a closure waited and two cases had no lead, one of
them Darurat; the caseworker whose new emergency case appeared nowhere; the intake officer's
queue; one empty state, only when nothing waits; the query count of each role's page."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from naungan.cases import services
from naungan.cases.models import Case
from naungan.reports.models import Report

from .factories import assign, make_case, submit_plan
from .test_home import reported_case

NO_TASKS = "Tidak ada tugas terbuka"
EMPTY = 'data-testid="home-empty"'


def _home(persona) -> str:
    r = persona.client.get("/")
    assert r.status_code == 200
    return r.content.decode()


def _section(body: str, testid: str) -> str:
    """The HTML of one section of the page (empty when it is not there)."""
    start = body.find(f'data-testid="{testid}"')
    if start < 0:
        return ""
    end = body.find("</section>", start)
    return body[start:end]


@pytest.fixture
def supervisors_morning(personas):
    """What the supervisor found in issue 11: a plan and a closure waiting for approval, two
    cases without a lead (one Darurat), and a Central Kalimantan case she must not see."""
    intake = personas["intake_bpp"].user
    sup = personas["supervisor_bpp"].user
    cw = personas["caseworker_bpp"].user
    planned = make_case(intake, triage="medium")
    assign(sup, planned, cw)
    plan = submit_plan(cw, planned)
    closing = make_case(intake, triage="low")
    assign(sup, closing, cw)
    closure = services.closure_request(actor=cw, case=closing, reason="client_declined")
    medium = make_case(intake, triage="medium", received_at=timezone.now() - timedelta(days=2))
    emergency = make_case(intake, triage="emergency")
    elsewhere = make_case(personas["intake_kalteng"].user, area="62.71", triage="emergency")
    return {
        "plan": plan,
        "closure": closure,
        "unassigned": [emergency, medium],
        "elsewhere": elsewhere,
    }


def test_the_supervisors_home_shows_what_waits_for_her_emergency_first(
    personas, supervisors_morning
):
    body = _home(personas["supervisor_bpp"])
    assert NO_TASKS not in body
    assert EMPTY not in body
    emergency, medium = supervisors_morning["unassigned"]
    unassigned = _section(body, "home-unassigned")
    assert unassigned.index(emergency.registration_number) < unassigned.index(
        medium.registration_number
    )
    assert "Darurat" in unassigned
    assert f'href="/kasus/{emergency.public_id}/"' in unassigned
    decisions = _section(body, "home-approvals")
    plan, closure = supervisors_morning["plan"], supervisors_morning["closure"]
    assert f'href="/kasus/{plan.case.public_id}/rencana/"' in decisions
    assert f'href="/kasus/{closure.case.public_id}/"' in decisions
    assert "Penutupan kasus" in decisions
    # The sections come in order of urgency: cases without a lead, then decisions.
    assert body.index('data-testid="home-unassigned"') < body.index('data-testid="home-approvals"')
    assert supervisors_morning["elsewhere"].registration_number not in body


def test_the_other_areas_supervisor_sees_only_her_own_work(personas, supervisors_morning):
    body = _home(personas["supervisor_kalteng"])
    assert supervisors_morning["elsewhere"].registration_number in body
    for case in supervisors_morning["unassigned"]:
        assert case.registration_number not in body
    assert 'data-testid="home-approvals"' not in body


def test_transfers_and_the_units_overdue_tasks_are_on_the_supervisors_home(personas, bpp_case):
    from naungan.cases.services.transfers import transfer_request
    from naungan.orgs.models import Organisation

    late = make_case(
        personas["intake_kalteng"].user,
        area="62.71",
        violence_types=["sexual"],
        received_at=timezone.now() - timedelta(days=5),
    )
    assign(personas["supervisor_kalteng"].user, late, personas["caseworker_kalteng"].user)
    transfer = transfer_request(
        actor=personas["supervisor_bpp"].user,
        case=bpp_case,
        to_organisation=Organisation.objects.get(slug="t-uptd-kalteng"),
        reason="Korban pindah.",
    )
    body = _home(personas["supervisor_kalteng"])
    assert f'href="/kasus/pelimpahan/{transfer.public_id}/"' in _section(body, "home-transfers")
    overdue = _section(body, "home-overdue")
    assert late.registration_number in overdue
    assert "caseworker_kalteng" in overdue  # who owns it
    assert "Terlambat" in overdue


def test_the_caseworkers_new_emergency_case_is_on_her_home_until_she_opens_it(personas):
    cw = personas["caseworker_bpp"]
    case = make_case(personas["intake_bpp"].user, triage="emergency", violence_types=["physical"])
    case.tasks.all().delete()  # the case of issue 11: no task to show it by
    assign(personas["supervisor_bpp"].user, case, cw.user)
    new = _section(_home(cw), "home-new-cases")
    assert case.registration_number in new
    assert "Darurat" in new
    assert f'href="/kasus/{case.public_id}/"' in new
    cw.client.get(f"/kasus/{case.public_id}/")
    body = _home(cw)
    assert 'data-testid="home-new-cases"' not in body
    assert EMPTY in body  # nothing else waits for her


def test_a_reporters_message_shows_on_the_caseworkers_home(personas):
    case, write = reported_case(personas)
    cw = personas["caseworker_bpp"]
    cw.client.get(f"/kasus/{case.public_id}/")  # opened: no longer a new case
    assert 'data-testid="home-messages"' not in _home(cw)
    write("Dia kembali lagi, saya takut.")
    messages = _section(_home(cw), "home-messages")
    assert case.registration_number in messages
    assert "1 pesan baru" in messages
    assert f'href="/kasus/{case.public_id}/#thread"' in messages
    assert "takut" not in messages  # the home page names the case, never the message


def test_the_caseworkers_tasks_in_deadline_order(personas):
    cw = personas["caseworker_bpp"]
    intake = personas["intake_bpp"].user
    later = make_case(intake, violence_types=["sexual"])
    sooner = make_case(
        intake, violence_types=["sexual"], received_at=timezone.now() - timedelta(hours=100)
    )
    for case in (later, sooner):
        assign(personas["supervisor_bpp"].user, case, cw.user)
    tasks = _section(_home(cw), "needs-me-now")
    assert tasks.index(sooner.registration_number) < tasks.index(later.registration_number)
    assert "Terlambat" in tasks


def test_a_caseworker_never_has_unassigned_cases_listed(personas, settings):
    settings.CASEWORKER_SEES_UNIT_CASES = True
    case = make_case(personas["intake_bpp"].user, triage="emergency")
    body = _home(personas["caseworker_bpp"])
    assert case.registration_number not in body
    assert 'data-testid="home-unassigned"' not in body


def _public_report() -> Report:
    r = Client().post(
        "/api/v1/public/reports",
        json.dumps(
            {
                "kind": "complaint",
                "reporter_relation": "victim",
                "anonymous": True,
                "victim": {"name": "Sari", "age": 16, "sex": "F"},
                "violence_types": ["physical"],
                "description": "Saya dipukul oleh ayah tiri di rumah tadi malam.",
                "area_code": "64.71.01",
            }
        ),
        content_type="application/json",
    )
    assert r.status_code == 201, r.content
    return Report.objects.get(tracking_code=r.json()["tracking_code"])


def test_the_intake_home_puts_untriaged_reports_first_then_the_nearest_deadline(personas):
    now = timezone.now()
    later, sooner, untriaged = _public_report(), _public_report(), _public_report()
    Report.objects.filter(pk=later.pk).update(triage="medium", response_due_at=now + timedelta(1))
    Report.objects.filter(pk=sooner.pk).update(triage="high", response_due_at=now)
    queue = _section(_home(personas["intake_bpp"]), "intake-queue")
    codes = [untriaged.tracking_code, sooner.tracking_code, later.tracking_code]
    assert [queue.index(c) for c in codes] == sorted(queue.index(c) for c in codes)


@pytest.mark.parametrize("who", ["supervisor_bpp", "caseworker_bpp", "intake_bpp"])
def test_one_empty_state_only_when_nothing_waits(personas, who):
    body = _home(personas[who])
    assert body.count(EMPTY) == 1
    assert NO_TASKS not in body
    assert 'class="card mb-3 home-section"' not in body


def test_the_empty_state_is_gone_as_soon_as_something_waits(personas):
    make_case(personas["intake_bpp"].user)
    body = _home(personas["supervisor_bpp"])
    assert EMPTY not in body
    assert 'data-testid="home-unassigned"' in body


# --- query counts: flat whatever the number of lines ------------------------------------------


def _busy(personas, n: int) -> list[Case]:
    """``n`` of everything: unassigned cases, new assignments with overdue tasks, plans and
    closures waiting, open reports, the supervisor's own tasks."""
    intake = personas["intake_bpp"].user
    sup = personas["supervisor_bpp"].user
    cw = personas["caseworker_bpp"].user
    old = timezone.now() - timedelta(days=5)
    out = []
    for i in range(n):
        make_case(intake, triage="emergency" if i % 2 else "high")
        led = make_case(intake, violence_types=["sexual"], received_at=old)
        assign(sup, led, cw)
        submit_plan(cw, led)
        closing = make_case(intake)
        assign(sup, closing, cw)
        services.closure_request(actor=cw, case=closing, reason="client_declined")
        assign(sup, make_case(intake, violence_types=["sexual"]), sup)
        _public_report()
        out.append(led)
    return out


# One query of the services app's shelter line (free beds) for supervisors and caseworkers,
# and two of the referrals app's line (waiting for the provider, answered lately).
@pytest.mark.parametrize(
    ("who", "queries"), [("supervisor_bpp", 25), ("caseworker_bpp", 14), ("intake_bpp", 10)]
)
def test_home_query_count_per_role(personas, django_assert_max_num_queries, who, queries):
    _busy(personas, 4)
    with django_assert_max_num_queries(queries):
        first = _home(personas[who])
    _busy(personas, 4)
    with django_assert_max_num_queries(queries):
        again = _home(personas[who])
    assert 'data-testid="home-empty"' not in first + again
