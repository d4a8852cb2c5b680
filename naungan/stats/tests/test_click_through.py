"""A supervisor's number on ``/statistik/`` links to the case list with exactly the filters of
its cell: the list (page and API) shows as many cases as the number clicked. Analysts get no
link and the case list answers them 404."""

from __future__ import annotations

import re
from html import unescape
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pytest

from .conftest import YEAR


@pytest.fixture
def world(case_with: Any, personas: Any) -> None:
    girl = [{"name": "Ani", "age": 10, "sex": "F"}]
    boy = [{"name": "Budi", "age": 10, "sex": "M"}]
    woman = [{"name": "Citra", "age": 30, "sex": "F", "disability": True}]
    case_with(2, area="64.71.01", month=3, victims=girl, survivor_age=10)  # 1 case, 2 incidents
    case_with(1, area="64.71.01", month=3, victims=girl, survivor_age=10, place="school")
    case_with(1, area="64.71.01", month=3, victims=boy, survivor_age=10)
    case_with(1, area="64.71.01", month=4, victims=girl, survivor_age=10)
    case_with(1, area="64.71.02", month=3, victims=girl, survivor_age=10)
    case_with(1, area="64.71.01", month=3, victims=woman, survivor_age=30)
    # not counted: no consent, or reported elsewhere; and another province
    case_with(1, area="64.71.01", month=3, victims=girl, survivor_age=10, reporting_consent=False)
    case_with(1, area="64.71.01", month=3, victims=girl, survivor_age=10, reported_elsewhere=True)
    case_with(1, area="62.71.01", month=3, victims=girl, survivor_age=10)


def _links(html: str) -> dict[str, str]:
    """Each case link of the page, by its query, with the number shown."""
    out = {}
    for href, number in re.findall(r'href="(/kasus/\?[^"]+)" data-testid="case-link">(\d+)', html):
        out[unescape(href)] = number
    return out


def _list_count(client: Any, href: str) -> int:
    r = client.get(href)
    assert r.status_code == 200, href
    return int(r.context["page"].paginator.count)


def _api_count(persona: Any, href: str) -> int:
    query = urlsplit(href).query
    r = persona.api("get", f"/api/v1/cases?{query}")
    assert r.status_code == 200, r.content
    return int(r.json()["count"])


def _cell_href(table: Any, key: str) -> tuple[str, int]:
    (cell,) = [c for c in table.cells if c.key == key]
    return cell.url, cell.cases


def _tables(r: Any) -> dict[str, Any]:
    out = {t.name: t for t, _chart in r.context["charts"]}
    out["month"] = r.context["months"]
    if r.context["areas"] is not None:
        out["area"] = r.context["areas"]
    return out


def test_every_link_opens_as_many_cases_as_its_number(personas: Any, world: None) -> None:
    sup = personas["supervisor_bpp"]
    r = sup.client.get(f"/statistik/?area=64.71.01&year={YEAR}&month=3")
    links = _links(r.content.decode())
    assert len(links) > 10
    for href, number in links.items():
        assert _list_count(sup.client, href) == int(number), href


def test_area_month_age_group_and_sex_cells(personas: Any, world: None) -> None:
    sup = personas["supervisor_bpp"]
    r = sup.client.get(f"/statistik/?area=64.71.01&year={YEAR}&month=3")
    tables = _tables(r)
    href, n = _cell_href(tables["age_group"], "6-12")
    params = dict(parse_qsl(urlsplit(href).query))
    assert params == {
        "area": "64.71.01",
        "counted": "on",
        "received_from": f"{YEAR}-03-01",
        "received_to": f"{YEAR}-03-31",
        "age_group": "6-12",
    }
    assert n == 3  # the case with two incidents is one case; uncounted ones are left out
    assert tables["age_group"].cells[1].value == 4  # four incidents
    assert _list_count(sup.client, href) == n == _api_count(sup, href)
    href, n = _cell_href(tables["sex"], "M")
    assert n == 1
    assert _list_count(sup.client, href) == 1 == _api_count(sup, href)
    href, n = _cell_href(tables["disability"], "true")
    assert n == 1
    assert _list_count(sup.client, href) == 1
    href, n = _cell_href(tables["place"], "school")
    assert n == 1
    assert _list_count(sup.client, href) == 1
    # area + month + age group + sex, all in one link: a case list filtered by all of them
    combined = f"{href.split('&place=')[0]}&age_group=6-12&sex=F"
    assert _list_count(sup.client, combined) == 2  # Ani ×2 cases in March (not the boy)


def test_year_view_months_and_areas(personas: Any, world: None) -> None:
    sup = personas["supervisor_bpp"]
    r = sup.client.get(f"/statistik/?area=64.71&year={YEAR}")
    tables = _tables(r)
    for key in (f"{YEAR}-03", f"{YEAR}-04"):
        href, n = _cell_href(tables["month"], key)
        assert n > 0
        assert _list_count(sup.client, href) == n
    for key in ("64.71.01", "64.71.02"):
        href, n = _cell_href(tables["area"], key)
        assert n > 0
        assert _list_count(sup.client, href) == n == _api_count(sup, href)
    assert tables["month"].cases_total == 6
    assert _list_count(sup.client, tables["month"].total_url) == 6


def test_incident_date_basis_links_by_incident_date(personas: Any, world: None) -> None:
    sup = personas["supervisor_bpp"]
    r = sup.client.get(f"/statistik/?area=64.71&year={YEAR}&basis=incident")
    href, n = _cell_href(_tables(r)["sex"], "F")
    assert "occurred_from" in href
    assert "received_from" not in href
    assert n == 5
    assert _list_count(sup.client, href) == n


def test_analyst_has_no_link(personas: Any, world: None) -> None:
    r = personas["analyst_bpp"].client.get(f"/statistik/?area=64.71&year={YEAR}")
    assert _links(r.content.decode()) == {}
    assert all(c.url == "" and c.cases is None for t in _tables(r).values() for c in t.cells)


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("age_group=7-9", "age_group"),
        ("sex=X", "sex"),
        ("received_from=2025-13-01", "received_from"),
        ("received_from=2025-05-01&received_to=2025-04-01", "received_to"),
        ("disability=maybe", "disability"),
        ("channel=pigeon", "channel"),
    ],
)
def test_a_bad_filter_is_named_never_500(personas: Any, query: str, name: str) -> None:
    sup = personas["supervisor_bpp"]
    r = sup.client.get(f"/kasus/?{query}")
    assert r.status_code == 422
    assert 'data-testid="case-filter-errors"' in r.content.decode()
    assert r.context["page"].paginator.count == 0
    api = sup.api("get", f"/api/v1/cases?{query}")
    assert api.status_code == 422
    assert api.json()["detail"][0]["loc"] == ["query", name]
