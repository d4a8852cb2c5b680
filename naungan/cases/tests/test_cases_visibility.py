"""cases_visible_to: role × area × assignment; restricted cases; 404 alike."""

from __future__ import annotations

import pytest
from django.http import Http404

from naungan.cases.selectors import case_get, cases_visible_to

from .factories import assign, make_case


def visible(user):
    return set(cases_visible_to(user).values_list("pk", flat=True))


def test_caseworker_sees_only_cases_they_lead_or_co_work(personas, make_user):
    sup = personas["supervisor_bpp"].user
    cw = personas["caseworker_bpp"].user
    other = make_user("caseworker", "bpp", username="cw2")
    led = make_case(personas["intake_bpp"].user)
    co = make_case(personas["intake_bpp"].user)
    unassigned = make_case(personas["intake_bpp"].user)
    assign(sup, led, cw)
    assign(sup, co, other)
    assign(sup, co, cw, lead=False)
    assert visible(cw) == {led.pk, co.pk}
    assert unassigned.pk not in visible(cw)


def test_supervisor_sees_their_area_only(personas):
    bpp = make_case(personas["intake_bpp"].user)
    kalteng = make_case(personas["intake_kalteng"].user, area="62.71")
    assert visible(personas["supervisor_bpp"].user) == {bpp.pk}
    assert visible(personas["supervisor_kalteng"].user) == {kalteng.pk}


def test_intake_sees_cases_they_created(personas, make_user):
    mine = make_case(personas["intake_bpp"].user)
    colleague = make_user("intake", "bpp", username="intake2")
    theirs = make_case(colleague)
    assert visible(personas["intake_bpp"].user) == {mine.pk}
    assert visible(colleague) == {theirs.pk}


@pytest.mark.parametrize("role", ["activist", "provider", "analyst", "admin"])
def test_other_roles_see_no_case(personas, role):
    make_case(personas["intake_bpp"].user)
    assert visible(personas[f"{role}_bpp"].user) == set()


def test_restricted_case_only_for_named_users(personas, make_user):
    sup = personas["supervisor_bpp"].user
    other_sup = make_user("supervisor", "bpp", username="sup2")
    case = make_case(sup, restricted=True)
    assert case.pk in visible(sup)
    assert case.pk not in visible(other_sup)
    assign(sup, case, personas["caseworker_bpp"].user)
    assert case.pk in visible(personas["caseworker_bpp"].user)


def test_case_get_answers_404_for_missing_and_out_of_scope_alike(personas):
    case = make_case(personas["intake_bpp"].user)
    with pytest.raises(Http404):
        case_get(user=personas["supervisor_kalteng"].user, case_id=case.public_id)
    with pytest.raises(Http404):
        case_get(user=personas["supervisor_bpp"].user, case_id="not-a-uuid")
    assert case_get(user=personas["supervisor_bpp"].user, case_id=case.public_id) == case


def test_caseworker_sees_unit_cases_in_area_only_when_configured(personas, settings):
    cw = personas["caseworker_bpp"].user
    unit_case = make_case(personas["intake_bpp"].user)
    other_area = make_case(personas["intake_kalteng"].user, area="62.71")
    assert unit_case.pk not in visible(cw)
    settings.CASEWORKER_SEES_UNIT_CASES = True
    assert visible(cw) == {unit_case.pk}
    assert other_area.pk in visible(personas["caseworker_kalteng"].user)


def test_unit_visibility_never_reveals_restricted_cases_or_grants_writes(personas, settings):
    from naungan.cases.selectors import cases_writable_by

    settings.CASEWORKER_SEES_UNIT_CASES = True
    cw = personas["caseworker_bpp"].user
    secret = make_case(personas["intake_bpp"].user)
    secret.restricted = True
    secret.save()
    open_case = make_case(personas["intake_bpp"].user)
    assert visible(cw) == {open_case.pk}
    assert not cases_writable_by(cw).filter(pk=open_case.pk).exists()
    response = personas["caseworker_bpp"].api(
        "post",
        f"/api/v1/cases/{open_case.public_id}/incidents",
        {
            "occurred_on": "2026-03-01",
            "classification": {
                "penetration": False,
                "sexual_contact": False,
                "physical_assault": True,
                "forced_marriage": False,
                "denial_of_resources": False,
                "psychological_abuse": False,
            },
            "perpetrator_relationship": "family",
            "reporting_consent": True,
            "reported_elsewhere": False,
        },
    )
    assert response.status_code in {403, 404}
