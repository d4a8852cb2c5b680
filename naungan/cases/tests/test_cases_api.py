"""The cases API over HTTP (CONTRACT §4): create, list (filters, pages, search, query
counts), detail; personas."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from naungan.cases.models import Case
from naungan.cases.tests.factories import INCIDENT, make_case
from naungan.core.models import AuditEvent

CASE_BODY = {
    "area_code": "64.71.01",
    "received_at": "2026-03-02T10:00:00+08:00",
    "channel": "walk_in",
    "violence_types": ["sexual"],
    "description": "Kronologi singkat",
    "victims": [{"name": "Siti", "age": 15, "sex": "F", "nik": "6471010101010001",
                 "phone": "081234567890"}],
    "perpetrators": [{"relationship": "family", "age": 40, "sex": "M"}],
}  # fmt: skip


def test_create_case_answers_201_with_open_status_and_police_task(personas):
    r = personas["intake_bpp"].api("post", "/api/v1/cases", CASE_BODY)
    assert r.status_code == 201, r.content
    body = r.json()
    assert body["status"] == "open"
    assert body["victims"][0]["name"] == "Siti"
    assert body["perpetrators"][0]["relationship"] == "family"
    tasks = personas["intake_bpp"].api("get", f"/api/v1/cases/{body['id']}/tasks").json()
    assert tasks["items"][0]["kind"] == "police_report"
    assert tasks["items"][0]["due_at"].startswith("2026-03-05T02:00:00")
    assert tasks["items"][0]["status"] == "open"


@pytest.mark.parametrize(
    ("patch", "field"),
    [
        ({"violence_types": ["bogus"]}, "violence_types"),
        ({"area_code": "99.99"}, "area_code"),
        ({"channel": "pigeon"}, "channel"),
        ({"area_code": "62.71"}, "area_code"),
    ],
)
def test_bad_input_is_422_naming_the_field(personas, patch, field):
    r = personas["intake_bpp"].api("post", "/api/v1/cases", CASE_BODY | patch)
    assert r.status_code == 422
    assert field in str(r.json()["detail"])
    assert Case.objects.count() == 0


@pytest.mark.parametrize("who", ["caseworker_bpp", "analyst_bpp", "activist_bpp", "admin_bpp"])
def test_other_roles_cannot_create(personas, who):
    r = personas[who].api("post", "/api/v1/cases", CASE_BODY)
    assert r.status_code == 403
    assert Case.objects.count() == 0


def test_no_token_is_401(client, db):
    assert client.get("/api/v1/cases").status_code == 401


def test_list_filters_and_pagination(personas):
    intake = personas["intake_bpp"].user
    make_case(intake, violence_types=["sexual"])
    make_case(intake, violence_types=["physical"], area="64.71.02")
    make_case(intake, violence_types=["physical", "neglect"])
    make_case(personas["intake_kalteng"].user, area="62.71")
    sup = personas["supervisor_bpp"]
    assert sup.api("get", "/api/v1/cases").json()["count"] == 3
    assert sup.api("get", "/api/v1/cases?violence_type=physical").json()["count"] == 2
    assert sup.api("get", "/api/v1/cases?area=64.71.02").json()["count"] == 1
    assert sup.api("get", "/api/v1/cases?status=closed").json()["count"] == 0
    page = sup.api("get", "/api/v1/cases?limit=2&offset=2").json()
    assert page["count"] == 3
    assert len(page["items"]) == 1
    assert len(sup.api("get", "/api/v1/cases?limit=999").json()["items"]) == 3


def test_list_search_by_nik_phone_and_old_spelling(personas):
    r = personas["intake_bpp"].api(
        "post",
        "/api/v1/cases",
        CASE_BODY | {"victims": [{"name": "Siti Djuwita", "nik": "6471010101010001",
                                  "phone": "0812-3456-7890"}]},
    )  # fmt: skip
    make_case(personas["intake_bpp"].user)
    sup = personas["supervisor_bpp"]
    for q in ["6471010101010001", "+6281234567890", "siti juwita", "Hj. Siti Djuwita"]:
        items = sup.api("get", f"/api/v1/cases?q={q}").json()["items"]
        assert [i["id"] for i in items] == [r.json()["id"]], q


def test_list_query_count_does_not_grow_with_cases(personas, django_assert_max_num_queries):
    sup = personas["supervisor_bpp"]
    make_case(personas["intake_bpp"].user)
    sup.api("get", "/api/v1/cases")  # token issued outside the measured calls
    with CaptureQueriesContext(connection) as one:
        sup.api("get", "/api/v1/cases?limit=200")
    for _ in range(11):
        make_case(personas["intake_bpp"].user)
    with django_assert_max_num_queries(len(one)):
        r = sup.api("get", "/api/v1/cases?limit=200")
    assert r.json()["count"] == 12
    assert len(one) <= 10


def test_list_body_is_what_the_schema_renders_from_case_item(personas):
    """The list answers without ninja validating every item: its body must stay exactly the
    CaseListOut rendering of ``case_item``, the one the other endpoints use."""
    import json

    from ninja.responses import NinjaJSONEncoder

    from naungan.cases.api.cases import case_item
    from naungan.cases.schemas.cases import CaseListOut

    intake = personas["intake_bpp"].user
    make_case(intake, violence_types=["sexual", "physical"])
    lead = personas["caseworker_bpp"].user
    led = make_case(intake, area="64.71.02")
    Case.objects.filter(pk=led.pk).update(lead=lead, triage="high", restricted=False)
    sup = personas["supervisor_bpp"]
    response = sup.api("get", "/api/v1/cases")
    assert response["Content-Type"] == "application/json; charset=utf-8"
    cases = list(Case.objects.select_related("area", "lead").order_by("-received_at", "-id"))
    expected = CaseListOut.model_validate(
        {"items": [case_item(c) for c in cases], "count": len(cases)}
    ).model_dump()
    assert response.content == json.dumps(expected, cls=NinjaJSONEncoder).encode()
    assert {i["lead"] for i in response.json()["items"]} == {None, lead.username}


def test_list_reads_token_rows_audit_and_count_in_four_queries(
    personas, django_assert_max_num_queries
):
    make_case(personas["intake_bpp"].user)
    sup = personas["supervisor_bpp"]
    sup.api("get", "/api/v1/cases")  # token issued and touched outside the measured call
    with django_assert_max_num_queries(4):
        assert sup.api("get", "/api/v1/cases").json()["count"] == 1
    assert AuditEvent.objects.filter(object_type="cases.case", object_id="list").count() == 2


def test_list_reused_sql_follows_new_cases_assignments_and_the_users_scope(personas):
    intake = personas["intake_bpp"].user
    cw = personas["caseworker_bpp"]
    first = make_case(intake)
    assert cw.api("get", "/api/v1/cases").json()["count"] == 0
    Case.objects.filter(pk=first.pk).update(lead=cw.user)
    second = make_case(intake)
    Case.objects.filter(pk=second.pk).update(lead=cw.user)
    body = cw.api("get", "/api/v1/cases").json()
    assert [i["id"] for i in body["items"]] == [str(second.public_id), str(first.public_id)]
    assert body["count"] == 2
    assert cw.api("get", "/api/v1/cases?offset=1").json()["items"][0]["id"] == str(first.public_id)
    # A caseworker made supervisor of the area sees the area's cases at once.
    third = make_case(intake)
    cw.user.role = "supervisor"
    cw.user.save()
    ids = {i["id"] for i in cw.api("get", "/api/v1/cases").json()["items"]}
    assert str(third.public_id) in ids
    assert cw.api("get", "/api/v1/cases?area=99.99").json() == {"items": [], "count": 0}


def test_list_is_newest_received_first_whatever_the_creation_order(personas):
    from datetime import timedelta

    from django.utils import timezone

    intake = personas["intake_bpp"].user
    now = timezone.now()
    old = make_case(intake, received_at=now - timedelta(days=3), channel="referral_in")
    new = make_case(intake, received_at=now - timedelta(days=1), channel="hotline")
    middle = make_case(intake, received_at=now - timedelta(days=2), channel="walk_in")
    sup = personas["supervisor_bpp"]
    for _ in range(2):  # compiled, then reused
        body = sup.api("get", "/api/v1/cases").json()
        assert [i["id"] for i in body["items"]] == [str(c.public_id) for c in (new, middle, old)]
        assert body["count"] == 3
    page = sup.api("get", "/api/v1/cases?limit=1&offset=1").json()
    assert [i["id"] for i in page["items"]] == [str(middle.public_id)]
    assert page["count"] == 3
    assert sup.api("get", "/api/v1/cases?offset=5").json() == {"items": [], "count": 3}


def test_detail_is_audited_and_404_for_other_area(personas):
    case = make_case(personas["intake_bpp"].user)
    url = f"/api/v1/cases/{case.public_id}"
    assert personas["supervisor_bpp"].api("get", url).status_code == 200
    assert AuditEvent.objects.filter(action="view", object_id=str(case.public_id)).exists()
    r = personas["supervisor_kalteng"].api("get", url)
    assert r.status_code == 404
    missing = personas["supervisor_kalteng"].api(
        "get", "/api/v1/cases/00000000-0000-0000-0000-000000000000"
    )
    assert missing.status_code == 404
    assert missing.json() == r.json() == {"detail": "Not Found"}


def test_intake_reads_but_does_not_write_their_case(personas, bpp_case):
    url = f"/api/v1/cases/{bpp_case.public_id}"
    assert personas["intake_bpp"].api("get", url).status_code == 200
    assert personas["intake_bpp"].api("post", f"{url}/incidents", INCIDENT).status_code == 404


def test_out_of_scope_list_is_empty(personas, bpp_case):
    r = personas["supervisor_kalteng"].api("get", "/api/v1/cases")
    assert r.json() == {"items": [], "count": 0}


def test_roles_without_case_pages_get_404_for_the_list_as_on_the_list_page(personas, bpp_case):
    for who in ["analyst_bpp", "provider_bpp", "admin_bpp", "activist_bpp"]:
        r = personas[who].api("get", "/api/v1/cases")
        assert (r.status_code, r.json()) == (404, {"detail": "Not Found"})
        assert personas[who].client.get("/kasus/").status_code == 404


def test_list_search_by_registration_number(personas):
    a = make_case(personas["intake_bpp"].user)
    b = make_case(personas["intake_bpp"].user)
    sup = personas["supervisor_bpp"]
    items = sup.api("get", f"/api/v1/cases?q={b.registration_number}").json()["items"]
    assert [i["registration_number"] for i in items] == [b.registration_number]
    assert a.registration_number != b.registration_number
