"""The demo's directory of partners: realistic providers for Balikpapan and Palangka Raya,
safe to run twice, Posbakum first for legal aid in a kelurahan of Balikpapan."""

from __future__ import annotations

from naungan.areas.models import Area
from naungan.demo.seed import ORGS, USERS, seed_demo
from naungan.orgs.models import Organisation
from naungan.orgs.selectors import Nearness, directory_search, providers_for


def test_seed_twice_keeps_every_demo_org_and_adds_the_directory(db):
    seed_demo()
    first = dict(Organisation.objects.values_list("slug", "updated_at"))
    seed_demo()
    assert dict(Organisation.objects.values_list("slug", "updated_at")) == first
    assert {o.slug for o in ORGS} <= set(first)
    assert {"lbh-balikpapan", "rsud-kanujoso", "kemenag-balikpapan", "dinsos-balikpapan",
            "sapa-129", "puskesmas-pahandut"} <= set(first)  # fmt: skip
    assert "mitra_posbakum" in {u for u, *_ in USERS}
    pos = Organisation.objects.get(slug="posbakum-aisyiyah")
    assert pos.eligibility_documents == ["sktm", "pkh"]
    assert pos.hours
    assert pos.phone
    assert all(
        o.hours for o in Organisation.objects.filter(kind="provider", slug__in=set(first))
    ), "every demo partner has opening hours"


def test_demo_legal_aid_for_manggar_is_posbakum_first_and_lpsk_last(db):
    seed_demo()
    found = [o.slug for o in providers_for("legal_aid", Area.objects.get(code="64.71.01.1001"))]
    assert found[0] == "posbakum-aisyiyah"
    assert found[-1] == "lpsk"
    assert "posbakum-palangkaraya" not in found


def test_demo_health_in_manggar_puts_the_puskesmas_first_with_visum_hospitals(db):
    seed_demo()
    entries = directory_search(area=Area.objects.get(code="64.71.01.1001"), service="health")
    assert entries[0].org.slug == "puskesmas-manggar"
    assert entries[0].nearness == Nearness.DISTRICT
    assert {"rsud-kanujoso", "rsud-beriman"} <= {e.org.slug for e in entries}


def test_demo_lpsk_serves_kalteng_as_a_national_body(db):
    seed_demo()
    entries = directory_search(
        area=Area.objects.get(code="62.71.01.1001"), service="law_enforcement"
    )
    assert [(e.org.slug, e.nearness) for e in entries] == [
        ("polda-kalteng-ppa", Nearness.PROVINCE),
        ("lpsk", Nearness.NATIONAL),
    ]
