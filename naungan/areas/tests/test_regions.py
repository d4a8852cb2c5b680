import pytest
from django.db.models import Count

from naungan.areas.loader import load_regions, official_regions
from naungan.areas.models import Area, timezone_for_province


def test_migrate_loaded_every_official_region(db):
    counts = dict(Area.objects.values_list("level").annotate(n=Count("id")))
    assert counts["province"] == 38
    assert counts["regency"] == 514
    assert counts["district"] == 7285
    assert counts["village"] == 83762


def test_loader_is_idempotent(db):
    assert load_regions(Area) == 0


def test_known_codes_have_the_right_names_parents_and_levels(db):
    manggar = Area.objects.select_related("parent__parent__parent").get(code="64.71.01.1001")
    assert manggar.name == "Manggar"
    assert manggar.level == "village"
    assert manggar.parent.code == "64.71.01"
    assert manggar.parent.parent.name == "Kota Balikpapan"
    assert manggar.parent.parent.parent.name == "Kalimantan Timur"


@pytest.mark.parametrize(
    ("code", "zone"),
    [
        ("64", "Asia/Makassar"),
        ("62", "Asia/Jakarta"),
        ("31", "Asia/Jakarta"),
        ("51", "Asia/Makassar"),
        ("81", "Asia/Jayapura"),
        ("94", "Asia/Jayapura"),
    ],
)
def test_time_zone_by_province(code, zone):
    assert timezone_for_province(code) == zone


def test_villages_inherit_their_province_time_zone(db):
    assert Area.objects.get(code="64.71.01.1001").timezone == "Asia/Makassar"
    assert Area.objects.get(code="62.71.01.1001").timezone == "Asia/Jakarta"


def test_area_contains_itself_and_everything_inside_but_nothing_else(db):
    bpp = Area.objects.get(code="64.71")
    inside = Area.objects.filter(bpp.contains_q(""))
    codes = set(inside.values_list("code", flat=True))
    assert "64.71" in codes
    assert "64.71.01.1001" in codes
    assert "64.72" not in codes
    assert not any(c.startswith("62") for c in codes)
    assert bpp.contains(Area.objects.get(code="64.71.04"))
    assert not bpp.contains(Area.objects.get(code="64.72"))
    # every official code under 64.71 is inside
    expected = {c for c in official_regions() if c == "64.71" or c.startswith("64.71.")}
    assert codes == expected


def test_regions_api_lists_provinces_without_a_token(client, db):
    body = client.get("/api/v1/regions").json()
    assert body["count"] == 38
    assert {"code": "62", "name": "Kalimantan Tengah", "level": "province"} in body["items"]


def test_regions_api_lists_children_of_a_parent(client, db):
    body = client.get("/api/v1/regions?parent=64.71").json()
    assert body["count"] == 6
    assert all(i["level"] == "district" and i["code"].startswith("64.71.") for i in body["items"])


def test_regions_api_unknown_parent_is_404(client, db):
    response = client.get("/api/v1/regions?parent=99.99")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not Found"}


def test_regions_api_uses_a_fixed_number_of_queries(client, db, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        client.get("/api/v1/regions?parent=64.71.01")


def test_loader_fills_in_missing_villages_under_existing_parents(db):
    Area.objects.filter(level="village", province_code="64").delete()
    created = load_regions(Area)
    assert created == sum(
        1 for c in official_regions() if c.startswith("64.") and c.count(".") == 3
    )
    assert Area.objects.get(code="64.71.01.1001").parent.code == "64.71.01"
