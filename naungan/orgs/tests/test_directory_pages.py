"""The directory page ``/mitra/`` and a provider's page ``/mitra/<slug>/``: every staff role,
a GET search without JavaScript, the HTMX partial, words not codes."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from naungan.core.testing.matrix import ROLES

MANGGAR = "64.71.01.1001"


@pytest.fixture
def partners(orgs, provider):
    provider(
        "pos-aisyiyah", "Posbakum Aisyiyah (uji)", "64.71", ["legal_aid"],
        coverage=["64.71.01"], provider_type="legal_aid",
        phone="(0542) 000-101", email="pos@demo.naungan.invalid",
        hours="Senin–Sabtu 08.00–15.00 WITA", eligibility="Warga tidak mampu",
        eligibility_documents=["sktm", "pkh"], capacity_notes="Dua paralegal",
    )  # fmt: skip
    provider("a-lbh", "A LBH Kota (uji)", "64.71", ["legal_aid"], provider_type="legal_aid")
    ra = provider("ra", "Rumah Aman (uji)", "64.71", ["shelter"], provider_type="shelter")
    ra.confidential_address = "Jl. Rahasia Sekali 9"
    ra.address = "Jl. Terbuka 1"
    ra.capacity = 6
    ra.save()


def _get(persona, **query):
    return persona.client.get(reverse("orgs:directory"), query)


@pytest.mark.parametrize("role", ROLES)
def test_every_staff_role_reads_the_directory_and_the_menu_links_it(personas, partners, role):
    r = _get(personas[f"{role}_bpp"])
    assert r.status_code == 200
    page = r.content.decode()
    assert "Direktori mitra layanan" in page
    assert 'data-testid="nav-directory"' in page


def test_search_by_service_and_kelurahan_lists_the_covering_posbakum_first(personas, partners):
    r = _get(personas["caseworker_bpp"], service="legal_aid", area=MANGGAR)
    page = r.content.decode()
    assert page.index("Posbakum Aisyiyah (uji)") < page.index("A LBH Kota (uji)")
    assert "Melayani Kecamatan Balikpapan Timur" in page
    assert "Syarat: SKTM (Surat Keterangan Tidak Mampu) atau Kartu PKH" in page
    assert "Bantuan hukum (Posbakum, LBH)" in page  # the kind, in words
    assert "Rumah Aman (uji)" not in page  # not legal aid
    assert 'value="legal_aid" selected' in page  # the search is kept
    assert "legal_aid" not in re.sub(r"<[^>]*>", " ", page)  # codes only in attributes


def test_htmx_gets_only_the_results(personas, partners):
    r = personas["caseworker_bpp"].client.get(
        reverse("orgs:directory"), {"service": "legal_aid"}, headers={"HX-Request": "true"}
    )
    page = r.content.decode()
    assert "Posbakum Aisyiyah (uji)" in page
    assert "<form" not in page
    assert "<nav" not in page.split("pagination")[0]


def test_a_name_search_and_an_empty_result_say_what_to_do(personas, partners):
    page = _get(personas["caseworker_bpp"], q="lbh").content.decode()
    assert "A LBH Kota (uji)" in page
    assert "Posbakum Aisyiyah (uji)" not in page
    page = _get(personas["caseworker_bpp"], q="tidak ada").content.decode()
    assert "Tidak ada mitra yang cocok" in page


def test_an_area_outside_the_users_scope_is_a_form_error(personas, partners):
    page = _get(personas["caseworker_kalteng"], area=MANGGAR).content.decode()
    assert "is-invalid" in page
    assert "Pilih" in page.split('id="area-errors"')[1][:200]  # Django's "Select a valid choice"
    assert "Posbakum Aisyiyah (uji)" not in page


def test_the_area_choices_are_the_users_scope(personas, partners):
    page = _get(personas["caseworker_bpp"]).content.decode()
    assert "Kelurahan Manggar" in page
    assert "Kecamatan Balikpapan Timur" in page
    assert "Palangkaraya" not in page
    kalteng = _get(personas["caseworker_kalteng"]).content.decode()
    assert "Kecamatan Pahandut" in kalteng
    assert "Kelurahan Langkai" not in kalteng  # a province: kecamatan are enough


def test_the_provider_page_shows_the_directory_never_a_shelters_address(personas, partners):
    cw = personas["caseworker_bpp"]
    page = cw.client.get(reverse("orgs:provider", args=["pos-aisyiyah"])).content.decode()
    assert "(0542) 000-101" in page
    assert "Senin–Sabtu 08.00–15.00 WITA" in page
    assert "Dua paralegal" in page
    page = cw.client.get(reverse("orgs:provider", args=["ra"])).content.decode()
    assert "6 tempat tidur" in page
    assert "Rahasia" not in page
    assert "Jl. Terbuka 1" not in page
    assert "dirahasiakan" in page


def test_a_provider_outside_the_users_area_or_unknown_is_404(personas, partners):
    kalteng = personas["caseworker_kalteng"].client
    assert kalteng.get(reverse("orgs:provider", args=["pos-aisyiyah"])).status_code == 404
    bpp = personas["caseworker_bpp"].client
    assert bpp.get(reverse("orgs:provider", args=["t-uptd-bpp"])).status_code == 404
    assert bpp.get(reverse("orgs:provider", args=["tidak-ada"])).status_code == 404


def test_anonymous_visitors_are_sent_to_login(client):
    r = client.get(reverse("orgs:directory"))
    assert r.status_code == 302
    assert "/accounts/login/" in r["Location"]


def test_the_directory_page_query_count_is_pinned(
    personas, partners, django_assert_max_num_queries
):
    cw = personas["caseworker_bpp"]
    with django_assert_max_num_queries(14):
        cw.client.get(reverse("orgs:directory"), {"area": MANGGAR})
