"""Recording and reclassifying incidents over the API (CONTRACT §6)."""

from __future__ import annotations

import copy

import pytest

from naungan.cases.classification import QUESTION_KEYS
from naungan.cases.models import Incident
from naungan.cases.tests.factories import INCIDENT, answers


def test_incident_survivor_must_be_a_victim_of_the_case(personas, bpp_case):
    body = INCIDENT | {"survivor": "00000000-0000-0000-0000-000000000000"}
    r = personas["caseworker_bpp"].api(
        "post", f"/api/v1/cases/{bpp_case.public_id}/incidents", body
    )
    assert r.status_code == 422
    assert "survivor" in str(r.json()["detail"])


def test_reclassify_in_scope_keeps_trace(personas, bpp_case):
    from naungan.cases import services

    incident = services.incident_record(
        actor=personas["caseworker_bpp"].user,
        case=bpp_case,
        answers=answers("physical_assault"),
    )
    url = f"/api/v1/cases/{bpp_case.public_id}/incidents/{incident.public_id}/reclassify"
    body = {"classification": answers("penetration"), "reason": "visum"}
    assert personas["caseworker_bpp"].api("post", url, body).status_code == 403
    r = personas["supervisor_bpp"].api("post", url, body)
    assert r.status_code == 200
    assert r.json()["gbv_type"] == "rape"
    assert len(r.json()["answer_trace"]) == 2


# --- the six answers are required (CONTRACT §6) ----------------------------------------------


@pytest.mark.parametrize("missing", QUESTION_KEYS)
def test_each_missing_answer_is_a_422_naming_it(personas, bpp_case, missing):
    body = copy.deepcopy(INCIDENT)
    del body["classification"][missing]
    r = personas["caseworker_bpp"].api(
        "post", f"/api/v1/cases/{bpp_case.public_id}/incidents", body
    )
    assert r.status_code == 422
    (error,) = r.json()["detail"]
    assert error["loc"][-2:] == ["classification", missing]
    assert not Incident.objects.filter(case=bpp_case).exists()


@pytest.mark.parametrize("missing", QUESTION_KEYS)
def test_a_null_answer_is_a_422_naming_it(personas, bpp_case, missing):
    body = copy.deepcopy(INCIDENT)
    body["classification"][missing] = None
    r = personas["caseworker_bpp"].api(
        "post", f"/api/v1/cases/{bpp_case.public_id}/incidents", body
    )
    assert r.status_code == 422
    assert missing in str(r.json()["detail"])
    assert not Incident.objects.filter(case=bpp_case).exists()


def test_an_empty_classification_is_refused_not_typed_non_gbv(personas, bpp_case):
    body = INCIDENT | {"classification": {}}
    r = personas["caseworker_bpp"].api(
        "post", f"/api/v1/cases/{bpp_case.public_id}/incidents", body
    )
    assert r.status_code == 422
    named = {e["loc"][-1] for e in r.json()["detail"]}
    assert named == set(QUESTION_KEYS)
    assert not Incident.objects.filter(case=bpp_case).exists()


# --- correcting and withdrawing --------------------------------------------------------------


def _recorded(personas, case):
    r = personas["caseworker_bpp"].api(
        "post", f"/api/v1/cases/{case.public_id}/incidents", INCIDENT
    )
    assert r.status_code == 201
    assert r.json()["gbv_type"] == "sexual_assault"
    return f"/api/v1/cases/{case.public_id}/incidents/{r.json()['id']}"


def test_caseworker_corrects_with_put_and_the_old_trace_stays(personas, bpp_case):
    url = _recorded(personas, bpp_case)
    body = copy.deepcopy(INCIDENT) | {
        "reason": "hasil visum",
        "perpetrator_relationship": "stranger",
    }
    body["classification"]["penetration"] = True
    r = personas["caseworker_bpp"].api("put", url, body)
    assert r.status_code == 200
    out = r.json()
    assert out["gbv_type"] == "rape"
    assert out["context_flags"] == ["CSA"]  # IPV gone with the partner, CSA stays (age 14)
    assert [e["gbv_type"] for e in out["answer_trace"]] == ["sexual_assault", "rape"]
    assert out["answer_trace"][1]["reason"] == "hasil visum"
    case = personas["caseworker_bpp"].api("get", f"/api/v1/cases/{bpp_case.public_id}").json()
    assert [i["gbv_type"] for i in case["incidents"]] == ["rape"]


def test_a_correction_without_an_answer_is_refused(personas, bpp_case):
    url = _recorded(personas, bpp_case)
    body = copy.deepcopy(INCIDENT)
    del body["classification"]["psychological_abuse"]
    r = personas["supervisor_bpp"].api("put", url, body)
    assert r.status_code == 422
    assert "psychological_abuse" in str(r.json()["detail"])
    assert Incident.objects.get(case=bpp_case).gbv_type == "sexual_assault"


@pytest.mark.parametrize("who", ["caseworker_kalteng", "supervisor_kalteng", "intake_bpp"])
def test_correct_and_withdraw_outside_the_writers_are_404(personas, bpp_case, who):
    url = _recorded(personas, bpp_case)
    assert personas[who].api("put", url, INCIDENT).status_code == 404
    r = personas[who].api("post", f"{url}/withdraw", {"reason": "salah"})
    assert r.status_code == 404
    assert r.json() == {"detail": "Not Found"}
    assert not Incident.objects.get(case=bpp_case).withdrawn


def test_withdraw_needs_a_reason_then_leaves_the_case(personas, bpp_case):
    url = _recorded(personas, bpp_case)
    api = personas["caseworker_bpp"].api
    assert api("post", f"{url}/withdraw", {}).status_code == 422
    assert api("post", f"{url}/withdraw", {"reason": "   "}).status_code == 422
    r = api("post", f"{url}/withdraw", {"reason": "Salah kasus"})
    assert r.status_code == 200
    assert r.json()["withdrawn_reason"] == "Salah kasus"
    assert r.json()["withdrawn_by"] == "caseworker_bpp"
    assert r.json()["withdrawn_at"]
    case = api("get", f"/api/v1/cases/{bpp_case.public_id}").json()
    assert case["incidents"] == []
    assert api("post", f"{url}/withdraw", {"reason": "lagi"}).status_code == 409
    assert api("put", url, INCIDENT).status_code == 409
