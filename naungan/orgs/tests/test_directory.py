"""``providers_for`` and the directory search: active partners offering a service and serving
an area, nearest first (kecamatan, kota, province, national), then by name."""

from __future__ import annotations

import pytest

from naungan.areas.models import Area
from naungan.orgs.selectors import Nearness, directory_search, providers_for

MANGGAR = "64.71.01.1001"  # Kelurahan Manggar, Kecamatan Balikpapan Timur, Kota Balikpapan


def _slugs(orgs):
    return [o.slug for o in orgs]


@pytest.fixture
def network(provider):
    """Legal aid around Manggar, named so that name order alone would be wrong."""
    all_provinces = list(Area.objects.filter(level="province").values_list("code", flat=True))
    return {
        # a national body covering every province (home in Kaltim, like the demo's LPSK)
        "national": provider("aa-lpsk", "AA Lembaga Nasional", "64", ["legal_aid"],
                             coverage=all_provinces, provider_type="lpsk"),
        "province": provider("bb-prov", "BB Bantuan Hukum Provinsi", "64", ["legal_aid"]),
        "kota": provider("cc-kota", "CC LBH Kota", "64.71", ["legal_aid"]),
        # home in the kota, posts in the kecamatan of Manggar
        "kecamatan": provider("zz-pos", "ZZ Posbakum", "64.71", ["legal_aid"],
                              coverage=["64.71.01"]),
    }  # fmt: skip


def test_nearest_first_kecamatan_then_kota_then_province_then_national(network):
    found = providers_for("legal_aid", Area.objects.get(code=MANGGAR))
    assert _slugs(found) == ["zz-pos", "cc-kota", "bb-prov", "aa-lpsk"]


def test_a_provider_covering_another_kelurahan_of_the_kecamatan_ranks_as_the_kecamatan(provider):
    provider("a-kota", "A Kota", "64.71", ["health"])
    provider("z-lamaru", "Z Puskesmas Lamaru", "64.71.01.1002", ["health"])  # same kecamatan
    provider("b-utara", "B Puskesmas Utara", "64.71.03", ["health"])  # other kecamatan
    entries = directory_search(area=Area.objects.get(code=MANGGAR), service="health")
    assert [(e.org.slug, e.nearness) for e in entries] == [
        ("z-lamaru", Nearness.DISTRICT),
        ("a-kota", Nearness.REGENCY),
        ("b-utara", Nearness.REGENCY),
    ]


def test_a_search_for_the_kota_has_no_kecamatan_to_match(network):
    entries = directory_search(area=Area.objects.get(code="64.71"), service="legal_aid")
    ranks = {e.org.slug: e.nearness for e in entries}
    assert ranks == {
        "cc-kota": Nearness.REGENCY,
        "zz-pos": Nearness.REGENCY,
        "bb-prov": Nearness.PROVINCE,
        "aa-lpsk": Nearness.NATIONAL,
    }
    assert _slugs(e.org for e in entries) == ["cc-kota", "zz-pos", "bb-prov", "aa-lpsk"]


def test_sapa_129_is_national_wherever_it_lives(provider):
    provider("sapa", "A SAPA 129", "31", ["complaint"], provider_type="national")
    provider("uptd-like", "Z Pengaduan Kota", "64.71", ["complaint"])
    found = providers_for("complaint", Area.objects.get(code=MANGGAR))
    assert _slugs(found) == ["uptd-like", "sapa"]


def test_only_active_partners_offering_the_service_in_the_area(provider, network):
    provider("other-kota", "Posbakum Samarinda", "64.72", ["legal_aid"])
    provider("other-prov", "Posbakum Palangka Raya", "62.71", ["legal_aid"])
    provider("health-only", "RSUD", "64.71", ["health"])
    provider("uptd", "UPTD PPA (menampung sendiri)", "64.71", ["legal_aid"], kind="uptd_ppa")
    gone = provider("gone", "Posbakum Lama", "64.71", ["legal_aid"])
    gone.active = False
    gone.save()
    found = _slugs(providers_for("legal_aid", Area.objects.get(code=MANGGAR)))
    assert set(found) == {"zz-pos", "cc-kota", "bb-prov", "aa-lpsk"}


def test_a_provider_covering_another_kota_from_outside_serves_it(provider):
    # home in Samarinda, coverage explicitly includes Balikpapan
    provider("smd", "LBH Samarinda", "64.72", ["legal_aid"], coverage=["64.72", "64.71"])
    entries = directory_search(area=Area.objects.get(code=MANGGAR), service="legal_aid")
    assert [(e.org.slug, e.nearness) for e in entries] == [("smd", Nearness.REGENCY)]


def test_a_kalteng_search_does_not_see_balikpapan(network, provider):
    provider("pky", "Posbakum PN Palangka Raya", "62.71", ["legal_aid"])
    found = _slugs(providers_for("legal_aid", Area.objects.get(code="62.71.01.1001")))
    assert found == ["pky", "aa-lpsk"]  # the national one serves Kalteng too


def test_without_a_service_every_service_and_by_name_words(provider, network):
    provider("rs", "RSUD Kota", "64.71", ["health"])
    area = Area.objects.get(code=MANGGAR)
    assert {e.org.slug for e in directory_search(area=area)} == {
        "rs", "zz-pos", "cc-kota", "bb-prov", "aa-lpsk",
    }  # fmt: skip
    assert [e.org.slug for e in directory_search(area=area, text="lbh")] == ["cc-kota"]


def test_an_unknown_service_finds_nobody(network):
    assert providers_for("teleport", Area.objects.get(code=MANGGAR)) == []


def test_coverage_in_words_names_whole_sets_once(db):
    from naungan.orgs.words import coverage_text

    kecamatan = list(Area.objects.filter(parent__code="64.71"))
    assert coverage_text(kecamatan) == "Seluruh kecamatan di Kota Balikpapan"
    two = Area.objects.filter(code__in=["64.71.01", "64.71.02"])
    assert coverage_text(two) == "Kecamatan Balikpapan Timur, Kecamatan Balikpapan Barat"
    assert coverage_text(Area.objects.filter(level="province")) == "Seluruh Indonesia"
    mixed = Area.objects.filter(code__in=["64.71.01.1001", "64.71.01.2001", "62"])
    assert coverage_text(mixed) == "Provinsi Kalimantan Tengah, Kelurahan Manggar"
