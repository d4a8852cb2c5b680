"""Parties on the case page: "Tambah pihak" (search first, a warning before a likely
duplicate), "Ubah" (details kept on error) and "Hapus pihak dari kasus" with a reason."""

from __future__ import annotations

import pytest

from naungan.cases.models import CaseParty, Person
from naungan.cases.tests.factories import assign, make_case
from naungan.core.fields import blind_index

NIK = "6471010101900001"


@pytest.fixture
def case(personas):
    case = make_case(personas["intake_bpp"].user)
    return assign(personas["supervisor_bpp"].user, case, personas["caseworker_bpp"].user)


def _url(case, suffix=""):
    return f"/kasus/{case.public_id}/pihak/{suffix}"


def test_the_case_page_offers_adding_and_correcting_parties_to_its_writers(personas, case):
    body = personas["caseworker_bpp"].client.get(f"/kasus/{case.public_id}/").content.decode()
    assert 'data-testid="party-add"' in body
    victim = case.parties.get()
    assert _url(case, f"{victim.public_id}/") in body
    intake = personas["intake_bpp"].client.get(f"/kasus/{case.public_id}/").content.decode()
    assert 'data-testid="party-add"' not in intake  # reads the case, writes nothing
    assert personas["intake_bpp"].client.get(_url(case, "baru/")).status_code == 404
    assert personas["supervisor_kalteng"].client.get(_url(case, "baru/")).status_code == 404


def test_adding_a_witness_through_the_page(personas, case):
    client = personas["caseworker_bpp"].client
    assert client.get(_url(case, "baru/")).status_code == 200
    r = client.post(
        _url(case, "baru/"),
        {"role": "witness", "name": "Rahmat Hidayat", "age": "40", "sex": "M", "action": "save"},
    )
    assert r.status_code == 302
    assert r["Location"] == f"/kasus/{case.public_id}/"
    page = client.get(r["Location"]).content.decode()
    assert "Pihak ditambahkan: Saksi." in page
    assert "Rahmat Hidayat" in page
    assert 'data-testid="timeline-party"' in page


def test_a_likely_duplicate_is_shown_before_saving_and_can_be_linked(personas, case):
    other = make_case(personas["intake_bpp"].user, victims=[{"name": "Sari Dewi", "nik": NIK}])
    assign(personas["supervisor_bpp"].user, other, personas["caseworker_bpp"].user)
    client = personas["caseworker_bpp"].client
    form = {"role": "witness", "name": "Sari Dewi", "nik": NIK, "action": "save"}
    r = client.post(_url(case, "baru/"), form)
    assert r.status_code == 200
    body = r.content.decode()
    assert "Belum disimpan: orang berikut mungkin sama" in body
    assert other.registration_number in body
    assert "cocok pada NIK" in body
    assert not case.parties.filter(role="witness").exists()
    sari = other.parties.get(role="victim").person
    r = client.post(_url(case, "baru/"), {**form, "link_person": str(sari.public_id)})
    assert r.status_code == 302
    assert case.parties.get(role="witness").person == sari
    assert Person.objects.filter(nik_index=blind_index("nik", NIK)).count() == 1


def test_saving_a_new_person_anyway_after_the_warning(personas, case):
    other = make_case(personas["intake_bpp"].user, victims=[{"name": "Sari Dewi", "age": 30}])
    assign(personas["supervisor_bpp"].user, other, personas["caseworker_bpp"].user)
    form = {"role": "reporter", "name": "Sari Dewi", "age": "30", "action": "save_new"}
    r = personas["caseworker_bpp"].client.post(_url(case, "baru/"), form)
    assert r.status_code == 302
    assert case.parties.get(role="reporter").person != other.parties.get().person


def test_an_invalid_nik_keeps_what_was_typed(personas, case):
    r = personas["caseworker_bpp"].client.post(
        _url(case, "baru/"),
        {"role": "witness", "name": "Rahmat Hidayat", "nik": "123", "action": "save_new"},
    )
    assert r.status_code == 422
    body = r.content.decode()
    assert "NIK harus 16 angka" in body
    assert 'value="Rahmat Hidayat"' in body


def test_correcting_a_victim_through_the_page(personas, case):
    victim = case.parties.get()
    client = personas["caseworker_bpp"].client
    page = client.get(_url(case, f"{victim.public_id}/")).content.decode()
    assert 'value="Siti"' in page
    assert 'data-testid="party-remove"' in page
    assert 'name="relationship"' not in page  # a victim's form has the victim's fields only
    r = client.post(
        _url(case, f"{victim.public_id}/"),
        {
            "name": "Siti Aminah",
            "age": "16",
            "sex": "F",
            "nik": NIK,
            "violence_types": ["physical"],
        },
    )
    assert r.status_code == 302
    person = Person.objects.get(pk=victim.person_id)
    assert (person.name, person.age, person.nik_index) == (
        "Siti Aminah",
        16,
        blind_index("nik", NIK),
    )


def test_removing_needs_a_reason_and_refuses_the_only_victim(personas, case):
    client = personas["caseworker_bpp"].client
    victim = case.parties.get()
    r = client.post(_url(case, f"{victim.public_id}/hapus/"), {"reason": "Salah input"})
    assert r.status_code == 422
    assert "satu-satunya korban" in r.content.decode()
    client.post(_url(case, "baru/"), {"role": "witness", "name": "Salah", "action": "save_new"})
    witness = case.parties.get(role="witness")
    r = client.post(_url(case, f"{witness.public_id}/hapus/"), {"reason": ""})
    assert r.status_code == 422
    r = client.post(_url(case, f"{witness.public_id}/hapus/"), {"reason": "Orang yang salah"})
    assert r.status_code == 302
    assert not case.parties.filter(role="witness").exists()
    assert CaseParty.all_objects.get(pk=witness.pk).removed_reason == "Orang yang salah"
    page = client.get(f"/kasus/{case.public_id}/").content.decode()
    assert "Pihak dihapus: Saksi Salah" in page
    # The removed party's page is gone like a missing one.
    assert client.get(_url(case, f"{witness.public_id}/")).status_code == 404
