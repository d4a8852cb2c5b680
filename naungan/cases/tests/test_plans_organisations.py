"""The organisations a plan action may name serve the case's area: its own, its kota/kabupaten
and province, and the national ones; a Balikpapan case is not offered (nor accepts) the bodies
of Kalimantan Tengah."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from naungan.cases import selectors
from naungan.cases.services.plans import PlanActionIn, plan_draft
from naungan.orgs.models import Organisation
from naungan.orgs.services import org_create

from .factories import make_case


@pytest.fixture
def more_orgs(orgs):
    """A provincial body of Kalimantan Timur, a puskesmas in another kecamatan of Balikpapan,
    a provider of another kota in Kalimantan Timur that covers Balikpapan, one that does not,
    SAPA 129 and an inactive Balikpapan body."""
    made = {
        "lpsk": org_create(
            actor=None, slug="t-lpsk", name="LPSK (uji)", kind="provider", area_code="64",
            services=["legal_aid"], provider_type="lpsk",
        ),
        "puskesmas": org_create(
            actor=None, slug="t-puskesmas", name="Puskesmas Klandasan (uji)", kind="provider",
            area_code="64.71.02", services=["health"], provider_type="health",
        ),
        "samarinda_covering": org_create(
            actor=None, slug="t-smd-cover", name="Psikolog Samarinda (uji)", kind="provider",
            area_code="64.72", services=["psychosocial"], provider_type="psychologist",
            coverage_codes=["64.72", "64.71"],
        ),
        "samarinda": org_create(
            actor=None, slug="t-smd", name="RS Samarinda (uji)", kind="provider",
            area_code="64.72", services=["health"], provider_type="health",
        ),
        "sapa": org_create(
            actor=None, slug="t-sapa", name="SAPA 129 (uji)", kind="provider",
            area_code="62", provider_type="national",
        ),
        "inactive": org_create(
            actor=None, slug="t-tutup", name="Lembaga tutup (uji)", kind="provider",
            area_code="64.71", services=["health"], provider_type="health",
        ),
    }  # fmt: skip
    Organisation.objects.filter(slug="t-tutup").update(active=False)
    return made


def _slugs(case):
    return set(selectors.plan_organisations(case=case).values_list("slug", flat=True))


def test_a_balikpapan_case_is_offered_bodies_of_its_kota_province_and_national(
    personas, bpp_case, more_orgs
):
    slugs = _slugs(bpp_case)
    assert {"t-uptd-bpp", "t-posbakum-bpp", "t-dinas-bpp", "t-ppatbm-bpp"} <= slugs
    assert {"t-lpsk", "t-puskesmas", "t-smd-cover", "t-sapa"} <= slugs
    assert not {"t-uptd-kalteng", "t-rsud-kalteng", "t-dinas-kalteng", "t-ppatbm-kalteng"} & slugs
    assert "t-smd" not in slugs  # another kota, not covering Balikpapan
    assert "t-tutup" not in slugs  # inactive


def test_a_provincial_case_is_offered_bodies_inside_the_province(personas, orgs):
    case = make_case(personas["intake_kalteng"].user, area="62")
    slugs = _slugs(case)
    assert {"t-uptd-kalteng", "t-rsud-kalteng", "t-ppatbm-kalteng"} <= slugs
    assert not {"t-uptd-bpp", "t-posbakum-bpp"} & slugs


def test_the_service_refuses_an_organisation_outside_the_case_area(personas, bpp_case):
    with pytest.raises(ValidationError, match="tidak melayani wilayah kasus"):
        plan_draft(
            actor=personas["caseworker_bpp"].user,
            case=bpp_case,
            goals="Korban aman",
            actions=[
                PlanActionIn(
                    description="Visum",
                    responsible_org=Organisation.objects.get(slug="t-rsud-kalteng"),
                )
            ],
        )
    assert not bpp_case.plans.exists()


def test_the_plan_page_offers_only_organisations_serving_the_case(personas, bpp_case):
    cw = personas["caseworker_bpp"]
    url = f"/kasus/{bpp_case.public_id}/rencana/"
    page = cw.client.get(url).content.decode()
    assert "Posbakum (uji)" in page
    assert "RSUD (uji)" not in page
    assert "UPTD PPA Kalteng (uji)" not in page
    kalteng = Organisation.objects.get(slug="t-rsud-kalteng")
    r = cw.client.post(
        url,
        {
            "goals": "Korban aman",
            "actions-TOTAL_FORMS": "1",
            "actions-INITIAL_FORMS": "0",
            "actions-0-description": "Visum",
            "actions-0-responsible_org": str(kalteng.pk),
        },
    )
    assert r.status_code == 200  # the form again, with the error on the field
    assert 'id="id_actions-0-responsible_org"' in r.content.decode()
    assert r.context["formset"].forms[0].errors["responsible_org"]
    assert not bpp_case.plans.exists()


def _api_plan(persona, case, org):
    action = {"description": "Visum", "responsible_org": org}
    return persona.api(
        "post", f"/api/v1/cases/{case.public_id}/plans", {"goals": "Aman", "actions": [action]}
    )


def test_the_api_refuses_an_organisation_outside_the_case_area(personas, bpp_case):
    r = _api_plan(personas["caseworker_bpp"], bpp_case, "t-rsud-kalteng")
    assert r.status_code == 422
    assert "tidak melayani wilayah kasus" in str(r.json()["detail"])
    r = _api_plan(personas["caseworker_bpp"], bpp_case, "t-posbakum-bpp")
    assert r.status_code == 201, r.content
