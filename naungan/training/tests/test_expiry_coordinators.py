"""Who needs which training before it expires, for a supervisor (everyone in their area) and for
the kecamatan's Kasi Kessos (an analyst of the kecamatan: the PPATBM activists of their
kecamatan only, never the UPTD PPA's staff)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from conftest import PASSWORD, Persona
from naungan.accounts.services import staff_create
from naungan.core.words import person_name
from naungan.orgs.models import Organisation
from naungan.orgs.services import org_create
from naungan.training import selectors
from naungan.training.models import CompetencyGrant, GrantSource

pytestmark = pytest.mark.django_db


def _kessos(kecamatan: str, username: str) -> Persona:
    office = org_create(
        actor=None,
        slug=f"t-kec-{kecamatan.replace('.', '-')}",
        name=f"Kecamatan {kecamatan} (uji)",
        kind="dinas",
        area_code=kecamatan,
    )
    return Persona(
        staff_create(
            actor=None,
            username=username,
            password=PASSWORD,
            role="analyst",
            org_slug=office.slug,
            area_code=kecamatan,
            check_password=False,
        )
    )


@pytest.fixture
def expiring(personas: dict[str, Any]) -> dict[str, Any]:
    """The activist of Manggar (Balikpapan Timur) and the caseworker of Balikpapan each hold a
    competency that ends in 20 days; the activist another that ended last week."""
    today = timezone.localdate()
    for who, competency, days in (
        ("activist_bpp", "regulations", 20),
        ("activist_bpp", "emergency_simulation", -7),
        ("caseworker_bpp", "regulations", 20),
        ("activist_kalteng", "regulations", 20),
    ):
        CompetencyGrant.objects.create(
            user=personas[who].user,
            competency=competency,
            granted_on=today - timedelta(days=300),
            expires_on=today + timedelta(days=days),
            source=GrantSource.DIRECT,
        )
    return personas


def _seen(user: Any) -> set[tuple[str, str]]:
    lines = selectors.expiring_competencies(user=user, days=60)
    return {(x.person.username, x.held.grant.competency) for x in lines}


def test_a_supervisor_sees_everyone_of_their_area(expiring: dict[str, Any]) -> None:
    assert _seen(expiring["supervisor_bpp"].user) == {
        ("activist_bpp", "regulations"),
        ("activist_bpp", "emergency_simulation"),
        ("caseworker_bpp", "regulations"),
    }


def test_a_kasi_kessos_sees_the_activists_of_their_kecamatan_only(
    expiring: dict[str, Any],
) -> None:
    timur = _kessos("64.71.01", "kessos_timur")
    tengah = _kessos("64.71.04", "kessos_tengah")
    assert _seen(timur.user) == {
        ("activist_bpp", "regulations"),
        ("activist_bpp", "emergency_simulation"),
    }
    assert _seen(tengah.user) == set()
    # The dinas' analyst of the city: the city's activists, never the UPTD PPA's caseworker.
    assert ("caseworker_bpp", "regulations") not in _seen(expiring["analyst_bpp"].user)
    assert {o.slug for o in selectors.organisations_in_scope(timur.user)} == {"t-ppatbm-bpp"}
    # Recording competencies stays with the training managers.
    assert not selectors.people_in_scope(timur.user).exists()


def test_the_expiry_page_and_api_for_a_kasi_kessos(expiring: dict[str, Any]) -> None:
    timur = _kessos("64.71.01", "kessos_timur")
    page = timur.client.get("/kompetensi/berakhir/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "Aktivis PPATBM di wilayah Anda" in text
    assert person_name(expiring["activist_bpp"].user) in text
    assert person_name(expiring["caseworker_bpp"].user) not in text
    assert "PPATBM Manggar (uji)" in text
    assert "sudah berakhir" in text
    assert 'href="/kompetensi/catat/"' not in text  # recording is for managers
    narrowed = timur.client.get(
        "/kompetensi/berakhir/",
        {"organisation": Organisation.objects.get(slug="t-ppatbm-bpp").pk},
    )
    assert narrowed.status_code == 200
    assert timur.client.get("/kompetensi/catat/").status_code == 404
    api = timur.api("GET", "/api/v1/competencies/expiring?days=60")
    assert api.status_code == 200
    assert {i["username"] for i in api.json()["items"]} == {"activist_bpp"}
    assert api.json()["count"] == 2


def test_the_home_page_of_a_kasi_kessos_counts_the_activists_to_train(
    expiring: dict[str, Any],
) -> None:
    timur = _kessos("64.71.01", "kessos_timur")
    text = timur.client.get("/").content.decode()
    assert 'data-testid="home-expiry"' in text
    assert "1 aktivis perlu pelatihan penyegaran" in text
    assert "1 kompetensi sudah berakhir" in text
    sup = expiring["supervisor_bpp"].client.get("/").content.decode()
    assert 'data-testid="home-expiry"' not in sup


def test_the_supervisors_expiry_page_still_lists_everyone(expiring: dict[str, Any]) -> None:
    page = expiring["supervisor_bpp"].client.get("/kompetensi/berakhir/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "3 kompetensi berakhir atau akan berakhir dalam 60 hari" in text
