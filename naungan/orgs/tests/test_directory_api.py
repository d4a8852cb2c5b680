"""``GET /api/v1/providers`` (CONTRACT §4): any staff token, nearest first, 422 naming an
unknown ``service`` or ``area``, never a shelter's address."""

from __future__ import annotations

import pytest

from naungan.core.testing.matrix import ROLES

URL = "/api/v1/providers"
MANGGAR = "64.71.01.1001"


@pytest.fixture
def partners(orgs, provider):
    pos = provider(
        "pos-aisyiyah", "Posbakum Aisyiyah (uji)", "64.71", ["legal_aid"],
        coverage=["64.71.01", "64.71.02"], provider_type="legal_aid",
        phone="(0542) 000-101", hours="Senin–Sabtu 08.00–15.00 WITA",
        eligibility="Warga tidak mampu", eligibility_documents=["sktm", "pkh"],
    )  # fmt: skip
    provider("lbh", "A LBH Kota (uji)", "64.71", ["legal_aid"], provider_type="legal_aid")
    shelter = provider(
        "ra", "Rumah Aman (uji)", "64.71", ["shelter"], provider_type="shelter",
        capacity_notes="Kamar ibu dan anak",
    )  # fmt: skip
    shelter.capacity = 4
    shelter.confidential_address = "Jl. Rahasia Sekali 9"
    shelter.save()
    return pos


@pytest.mark.parametrize("role", ROLES)
def test_every_staff_role_gets_legal_aid_for_manggar_posbakum_first(personas, partners, role):
    r = personas[f"{role}_bpp"].api("GET", f"{URL}?service=legal_aid&area={MANGGAR}")
    assert r.status_code == 200
    body = r.json()
    assert body["count"] == 3  # the two above and the conftest's Posbakum of the kota
    first = body["items"][0]
    assert first["slug"] == "pos-aisyiyah"
    assert first["rank"] == 0
    assert first["nearness"] == "district"
    assert first["services"] == ["legal_aid"]
    assert first["area_code"] == "64.71"
    assert first["coverage"] == ["64.71.01", "64.71.02"]
    assert first["eligibility_documents"] == ["sktm", "pkh"]
    assert first["phone"] == "(0542) 000-101"
    assert {i["rank"] for i in body["items"][1:]} == {1}


def test_without_a_token_401(partners, client):
    assert client.get(f"{URL}?service=legal_aid").status_code == 401


@pytest.mark.parametrize(
    ("query", "field"),
    [("service=teleport", "service"), ("area=99.99", "area"), ("service=x&area=64.71", "service")],
)
def test_unknown_service_or_area_is_422_naming_it(personas, partners, query, field):
    r = personas["caseworker_bpp"].api("GET", f"{URL}?{query}")
    assert r.status_code == 422
    assert r.json()["detail"][0]["loc"] == ["query", field]


def test_an_area_outside_the_callers_scope_is_404(personas, partners):
    r = personas["caseworker_kalteng"].api("GET", f"{URL}?service=legal_aid&area={MANGGAR}")
    assert r.status_code == 404
    assert r.json() == {"detail": "Not Found"}


def test_without_area_the_callers_scope_and_without_service_every_service(personas, partners):
    bpp = personas["supervisor_bpp"].api("GET", URL).json()
    slugs = {i["slug"] for i in bpp["items"]}
    assert {"pos-aisyiyah", "lbh", "ra", "t-posbakum-bpp"} <= slugs
    assert "t-rsud-kalteng" not in slugs
    assert all(i["area_code"].startswith("64") for i in bpp["items"])
    kalteng = personas["supervisor_kalteng"].api("GET", URL).json()
    assert [i["slug"] for i in kalteng["items"]] == ["t-rsud-kalteng"]


def test_only_partner_providers_never_the_unit_or_a_dinas(personas, partners):
    slugs = {i["slug"] for i in personas["intake_bpp"].api("GET", URL).json()["items"]}
    assert not slugs & {"t-uptd-bpp", "t-dinas-bpp", "t-ppatbm-bpp"}


def test_a_shelter_is_listed_without_its_address(personas, partners):
    r = personas["caseworker_bpp"].api("GET", f"{URL}?service=shelter")
    (item,) = r.json()["items"]
    assert item["capacity"] == 4
    assert item["capacity_notes"] == "Kamar ibu dan anak"
    assert "Rahasia" not in r.content.decode()


def test_limit_and_offset_page_the_list_and_count_all(personas, partners):
    r = personas["caseworker_bpp"].api("GET", f"{URL}?service=legal_aid&limit=1&offset=1")
    body = r.json()
    assert body["count"] == 3
    assert len(body["items"]) == 1


def test_the_openapi_document_describes_the_directory(client):
    doc = client.get("/api/v1/openapi.json").json()
    op = doc["paths"]["/api/v1/providers"]["get"]
    assert {p["name"] for p in op["parameters"]} >= {"service", "area"}


def test_the_list_query_count_is_pinned(personas, partners, django_assert_max_num_queries):
    caseworker = personas["caseworker_bpp"]
    caseworker.token  # noqa: B018 - issued before counting
    with django_assert_max_num_queries(8):
        r = caseworker.api("GET", f"{URL}?area={MANGGAR}")
    assert r.json()["count"] == 4
