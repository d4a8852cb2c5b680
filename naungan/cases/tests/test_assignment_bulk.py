"""Bulk assignment on the filtered list and the caseload page (DESIGN §5 Assignment)."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from naungan.cases.exceptions import InvalidAssignee, NotPermitted
from naungan.cases.models import Assignment, Case
from naungan.cases.services.assignment import cases_bulk_assign
from naungan.core.models import AuditEvent

from .factories import assign, make_case

pytestmark = pytest.mark.django_db


def _cases(personas, n=3, **kw):
    return [make_case(personas["intake_bpp"].user, **kw) for _ in range(n)]


def test_bulk_assign_goes_through_case_assign(personas):
    cases = _cases(personas)
    worker = personas["caseworker_bpp"].user
    done = cases_bulk_assign(
        actor=personas["supervisor_bpp"].user,
        case_ids=[c.public_id for c in cases],
        assignee=worker,
    )
    assert len(done) == 3
    assert set(Case.objects.filter(lead=worker).values_list("pk", flat=True)) == {
        c.pk for c in cases
    }
    assert Assignment.objects.filter(user=worker, action=Assignment.Action.LEAD).count() == 3
    # Reasons are encrypted: compared after decryption, never in SQL.
    assert sum(e.reason.startswith("assign lead") for e in AuditEvent.objects.all()) == 3


def test_bulk_assign_is_all_or_nothing(personas):
    mine = _cases(personas, n=2)
    other = make_case(personas["intake_kalteng"].user, area="62.71")
    with pytest.raises(ValidationError):
        cases_bulk_assign(
            actor=personas["supervisor_bpp"].user,
            case_ids=[*(c.public_id for c in mine), other.public_id],
            assignee=personas["caseworker_bpp"].user,
        )
    assert not Case.objects.filter(lead__isnull=False).exists()


def test_bulk_assign_only_by_supervisors_to_their_unit(personas):
    cases = _cases(personas, n=1)
    with pytest.raises(NotPermitted):
        cases_bulk_assign(
            actor=personas["caseworker_bpp"].user,
            case_ids=[cases[0].public_id],
            assignee=personas["caseworker_bpp"].user,
        )
    with pytest.raises(InvalidAssignee):
        cases_bulk_assign(
            actor=personas["supervisor_bpp"].user,
            case_ids=[cases[0].public_id],
            assignee=personas["caseworker_kalteng"].user,
        )


def test_bulk_page_lists_filtered_cases_and_assigns(personas):
    sexual = _cases(personas, n=2, violence_types=["sexual"])
    physical = _cases(personas, n=1, violence_types=["physical"])
    client = personas["supervisor_bpp"].client
    page = client.get("/kasus/tugaskan-massal/?violence_type=sexual")
    assert page.status_code == 200
    text = page.content.decode()
    assert all(c.registration_number in text for c in sexual)
    assert physical[0].registration_number not in text
    worker = personas["caseworker_bpp"].user
    response = client.post(
        "/kasus/tugaskan-massal/?violence_type=sexual",
        {"assignee": worker.pk, "cases": [str(c.public_id) for c in sexual]},
    )
    assert response.status_code == 302
    assert response["Location"] == "/kasus/?violence_type=sexual"
    assert Case.objects.filter(lead=worker).count() == 2


def test_bulk_page_refuses_a_case_outside_the_filter(personas):
    physical = _cases(personas, n=1, violence_types=["physical"])
    response = personas["supervisor_bpp"].client.post(
        "/kasus/tugaskan-massal/?violence_type=sexual",
        {"assignee": personas["caseworker_bpp"].user.pk, "cases": [str(physical[0].public_id)]},
    )
    assert response.status_code == 200  # form error: not a choice
    assert not Case.objects.filter(lead__isnull=False).exists()


def test_other_area_supervisor_does_not_see_or_assign_bpp_cases(personas):
    cases = _cases(personas, n=1)
    client = personas["supervisor_kalteng"].client
    page = client.get("/kasus/tugaskan-massal/")
    assert page.status_code == 200
    assert cases[0].registration_number not in page.content.decode()
    r = personas["supervisor_kalteng"].api(
        "post",
        "/api/v1/cases/bulk-assign",
        {"cases": [str(cases[0].public_id)], "username": "caseworker_kalteng"},
    )
    assert r.status_code == 422
    assert not Case.objects.filter(lead__isnull=False).exists()


def test_api_bulk_assign(personas):
    cases = _cases(personas, n=2)
    r = personas["supervisor_bpp"].api(
        "post",
        "/api/v1/cases/bulk-assign",
        {"cases": [str(c.public_id) for c in cases], "username": "caseworker_bpp"},
    )
    assert r.status_code == 200, r.content
    assert r.json()["assigned"] == 2


def test_caseload_counts_open_cases_by_triage_and_warns(personas, settings, make_user):
    sup = personas["supervisor_bpp"].user
    worker = personas["caseworker_bpp"].user
    for triage in ("high", "high", "low"):
        assign(sup, make_case(personas["intake_bpp"].user, triage=triage), worker)
    kalteng_sup = personas["supervisor_kalteng"].user
    assign(
        kalteng_sup,
        make_case(personas["intake_kalteng"].user, area="62.71", triage="high"),
        personas["caseworker_kalteng"].user,
    )
    settings.NAUNGAN_CASELOAD_WARNING = 2
    page = personas["supervisor_bpp"].client.get("/kasus/beban-kerja/")
    assert page.status_code == 200
    text = page.content.decode()
    assert 'data-testid="caseload-caseworker_bpp"' in text
    assert 'data-testid="overload"' in text
    assert "caseworker_kalteng" not in text
    data = personas["supervisor_bpp"].api("get", "/api/v1/cases/caseload").json()
    row = next(i for i in data["items"] if i["username"] == "caseworker_bpp")
    assert row["by_triage"] == {"high": 2, "low": 1}
    assert row["total"] == 3
    assert row["overloaded"] is True
    settings.NAUNGAN_CASELOAD_WARNING = 30
    page = personas["supervisor_bpp"].client.get("/kasus/beban-kerja/")
    assert 'data-testid="overload"' not in page.content.decode()


def test_caseload_query_count_is_flat(personas, django_assert_max_num_queries, make_user):
    sup = personas["supervisor_bpp"].client
    sup.get("/kasus/beban-kerja/")
    for i in range(4):
        w = make_user("caseworker", "bpp", username=f"cw{i}")
        assign(personas["supervisor_bpp"].user, make_case(personas["intake_bpp"].user), w)
    with django_assert_max_num_queries(12):
        assert sup.get("/kasus/beban-kerja/").status_code == 200


# --- closed cases are not assigned in bulk ----------------------------------------------------


def _closed(personas):
    """A case closed through the workflow (a request approved by the area's supervisor)."""
    from naungan.cases import services

    case = make_case(personas["intake_bpp"].user)
    assign(personas["supervisor_bpp"].user, case, personas["caseworker_bpp"].user)
    closure = services.closure_request(
        actor=personas["caseworker_bpp"].user, case=case, reason="moved"
    )
    services.closure_decide(actor=personas["supervisor_bpp"].user, closure=closure, approve=True)
    case.refresh_from_db()
    assert case.status == "closed"
    return case


def test_bulk_page_lists_only_cases_not_closed(personas):
    closed = _closed(personas)
    still_open = _cases(personas, n=1)[0]
    page = personas["supervisor_bpp"].client.get("/kasus/tugaskan-massal/")
    text = page.content.decode()
    assert still_open.registration_number in text
    assert closed.registration_number not in text
    assert "1 kasus yang belum ditutup" in text
    # Posting the closed case anyway: not a choice of the form, nothing assigned.
    r = personas["supervisor_bpp"].client.post(
        "/kasus/tugaskan-massal/",
        {"assignee": personas["caseworker_bpp"].user.pk, "cases": [str(closed.public_id)]},
    )
    assert r.status_code == 200
    assert not Assignment.objects.filter(case=closed, action="removed").exists()


def test_bulk_assign_refuses_a_closed_case_and_assigns_nothing(personas, make_user):
    from naungan.cases.exceptions import TransitionNotAllowed

    closed = _closed(personas)
    still_open = _cases(personas, n=1)[0]
    other = make_user("caseworker", "bpp", username="cw_bulk")
    with pytest.raises(TransitionNotAllowed, match=closed.registration_number):
        cases_bulk_assign(
            actor=personas["supervisor_bpp"].user,
            case_ids=[still_open.public_id, closed.public_id],
            assignee=other,
        )
    assert not Case.objects.filter(lead=other).exists()
    r = personas["supervisor_bpp"].api(
        "post",
        "/api/v1/cases/bulk-assign",
        {"cases": [str(closed.public_id)], "username": "cw_bulk"},
    )
    assert r.status_code == 409
    assert "sudah ditutup" in r.json()["detail"]
    closed.refresh_from_db()
    assert closed.lead == personas["caseworker_bpp"].user
