"""``/statistik/`` (CONTRACT §3): analysts see "<5" and no link to a case; supervisors see
every number, each a link to the case list; drill-down by area and month; bad parameters."""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import YEAR


@pytest.fixture
def world(case_with: Any) -> None:
    case_with(6, area="64.71.01")
    case_with(2, area="64.71.02", month=5)


def test_supervisor_sees_every_number_linked_to_the_case_list(personas: Any, world: None) -> None:
    r = personas["supervisor_bpp"].client.get(f"/statistik/?year={YEAR}")
    assert r.status_code == 200
    html = r.content.decode()
    assert 'data-testid="case-link"' in html
    assert "/kasus/?area=64.71.02&amp;counted=on" in html
    assert "violence_type=physical" in html
    assert 'data-testid="hidden-cell"' not in html
    # the ranked list of kecamatan and the drill-down links
    assert 'data-testid="stats-ranked"' in html
    assert f"/statistik/?area=64.71.01&amp;year={YEAR}" in html


def test_analyst_sees_small_cells_hidden_and_no_case_link(personas: Any, world: None) -> None:
    r = personas["analyst_bpp"].client.get(f"/statistik/?year={YEAR}")
    assert r.status_code == 200
    html = r.content.decode()
    assert "&lt;5" in html
    assert 'data-testid="case-link"' not in html
    assert "/kasus/" not in html


def test_drill_down_to_a_kecamatan_and_a_month(personas: Any, world: None) -> None:
    c = personas["supervisor_bpp"].client
    r = c.get(f"/statistik/?area=64.71.02&year={YEAR}&month=5")
    assert r.status_code == 200
    assert r.context["totals"]["incidents"] == 2
    r = c.get(f"/statistik/?area=64.71.02&year={YEAR}&month=4")
    assert r.context["totals"]["incidents"] == 0


@pytest.mark.parametrize("who", ["analyst_bpp", "supervisor_bpp"])
def test_an_area_outside_scope_is_404(personas: Any, who: str) -> None:
    assert personas[who].client.get(f"/statistik/?area=62&year={YEAR}").status_code == 404


@pytest.mark.parametrize("who", ["caseworker_bpp", "intake_bpp", "admin_bpp", "activist_bpp"])
def test_other_roles_get_404(personas: Any, who: str) -> None:
    assert personas[who].client.get("/statistik/").status_code == 404


@pytest.mark.parametrize(
    ("query", "word"),
    [("area=99", "Wilayah"), ("year=1990", "Tahun"), ("month=13", "Bulan"), ("year=abc", "Tahun")],
)
def test_a_bad_parameter_is_named(personas: Any, query: str, word: str) -> None:
    r = personas["supervisor_bpp"].client.get(f"/statistik/?{query}")
    assert r.status_code == 422
    assert word in r.content.decode()


def test_the_analyst_never_reaches_a_case_list(personas: Any) -> None:
    assert personas["analyst_bpp"].client.get("/kasus/").status_code == 404
    assert personas["analyst_bpp"].api("get", "/api/v1/cases").status_code == 404


def test_services_by_month(personas: Any, world: None) -> None:
    from naungan.services.models import ServiceEpisode

    episodes = ServiceEpisode.objects.filter(case__area_regency_code="64.71")
    sup = personas["supervisor_bpp"].client.get(f"/statistik/?year={YEAR}")
    rows = sup.context["services_by_month"]
    expected = episodes.filter(started_at__year=YEAR).count()
    assert sum(r["count"] for r in rows) == expected
    if expected:
        assert 'data-testid="table-service-months"' in sup.content.decode()
    ana = personas["analyst_bpp"].client.get(f"/statistik/?year={YEAR}")
    small = [r for r in rows if r["count"] < 5]
    hidden = [r for r in ana.context["services_by_month"] if r["count"] is None]
    assert len(hidden) == len(small)
