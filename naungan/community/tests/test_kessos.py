"""The kecamatan coordinator (Kasi Kessos): an analyst account of the kecamatan office whose
area is the kecamatan. Coverage, the monthly summary and the printable report of their
kecamatan only (another kecamatan: the 404 of a missing page), their coordination work on the
home page, new partners for the groups of their kecamatan; never a case, a report or a name."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from conftest import PASSWORD, Persona
from naungan.accounts.services import staff_create
from naungan.community.exceptions import NotFound
from naungan.community.models import Partner
from naungan.community.selectors import coordination_of, coverage_area
from naungan.community.services import (
    ActivityInput,
    MemberIn,
    activity_create,
    group_profile_update,
    membership_add,
    partner_add,
)
from naungan.orgs.models import Organisation
from naungan.orgs.services import org_create
from naungan.reports.models import Report

from .conftest import KELURAHAN

pytestmark = pytest.mark.django_db

KECAMATAN = "64.71.01"  # Balikpapan Timur: Manggar, Lamaru, Teritip, Manggar Baru
OTHER_KECAMATAN = "64.71.04"  # Balikpapan Tengah
SECRET = "Anak tetangga sering dipukul ayahnya, terdengar tiap malam."


def _kessos(kecamatan: str, username: str) -> Persona:
    office = org_create(
        actor=None,
        slug=f"t-kecamatan-{kecamatan.replace('.', '-')}",
        name=f"Kecamatan {kecamatan} (uji)",
        kind="dinas",
        area_code=kecamatan,
    )
    user = staff_create(
        actor=None,
        username=username,
        password=PASSWORD,
        role="analyst",
        org_slug=office.slug,
        area_code=kecamatan,
        check_password=False,
    )
    user.first_name, user.last_name = "Siti", "Kessos"
    user.save()
    return Persona(user)


@pytest.fixture
def kessos(personas: Any) -> Persona:
    return _kessos(KECAMATAN, "kessos_timur")


@pytest.fixture
def kessos_tengah(personas: Any) -> Persona:
    return _kessos(OTHER_KECAMATAN, "kessos_tengah")


@pytest.fixture
def manggar(personas: Any, field_report_body: dict[str, Any]) -> Organisation:
    """The Manggar group (12 RTs, the activist covers RT 1–3), an activity this month and a
    field report of the activist (whose words must never reach the coordinator)."""
    group = Organisation.objects.get(slug="t-ppatbm-bpp")
    sup, activist = personas["supervisor_bpp"].user, personas["activist_bpp"]
    group_profile_update(actor=sup, group=group, rt_total=12)
    membership_add(actor=sup, group=group, member=MemberIn(user=activist.user, rts=["1", "2", "3"]))
    activity_create(
        actor=activist.user,
        data=ActivityInput(
            kind="komsos",
            held_on=timezone.localdate(),
            area_code=KELURAHAN,
            rt="002",
            topic="Mengenali KDRT",
            partner="Posbakum",
            attendance={"women": 20, "men": 5, "girls": 1, "boys": 0},
        ),
    )
    answer = activist.api("POST", "/api/v1/reports", {**field_report_body, "description": SECRET})
    assert answer.status_code == 201
    return group


@pytest.fixture
def tengah_group(orgs: Any) -> Organisation:
    return org_create(
        actor=None,
        slug="t-ppatbm-tengah",
        name="PPATBM Gunung Sari Ilir (uji)",
        kind="ppatbm",
        area_code="64.71.04.1001",
    )


def _not_found(client: Client) -> bytes:
    missing = client.get("/halaman-yang-tidak-ada/")
    assert missing.status_code == 404
    return missing.content


# --- services and selectors ------------------------------------------------------------------


def test_the_coordination_of_a_kecamatan_counts_its_gaps_and_this_months_activities(
    kessos: Persona, manggar: Organisation
) -> None:
    today = timezone.localdate()
    overview = coordination_of(kessos.user, today=today)
    assert overview is not None
    assert overview.area.code == KECAMATAN
    assert overview.kelurahan == 4
    assert sorted(k.area.name for k in overview.without_group) == [
        "Lamaru",
        "Manggar Baru",
        "Teritip",
    ]
    assert (overview.rt_total, overview.rts_covered, overview.rts_without) == (12, 3, 9)
    assert (overview.activities, overview.attendance) == (1, 26)
    assert sorted(a.name for a in overview.quiet) == ["Lamaru", "Manggar Baru", "Teritip"]
    assert overview.printable
    # Next month nothing was held yet.
    later = coordination_of(kessos.user, today=today.replace(day=1) + dt.timedelta(days=40))
    assert later is not None
    assert later.activities == 0


def test_the_coordination_is_only_for_coordinators(personas: Any) -> None:
    today = timezone.localdate()
    for who in ("supervisor_bpp", "caseworker_bpp", "activist_bpp", "admin_bpp"):
        assert coordination_of(personas[who].user, today=today) is None
    city = coordination_of(personas["analyst_bpp"].user, today=today)
    assert city is not None
    assert city.area.code == "64.71"
    assert not city.printable


def test_the_coverage_area_of_a_kasi_kessos_is_their_kecamatan_only(kessos: Persona) -> None:
    assert coverage_area(user=kessos.user, area_code="").code == KECAMATAN
    for code in (OTHER_KECAMATAN, "64.71", "62"):
        with pytest.raises(NotFound):
            coverage_area(user=kessos.user, area_code=code)


def test_a_kasi_kessos_connects_partners_to_the_groups_of_their_kecamatan_only(
    kessos: Persona, manggar: Organisation, tengah_group: Organisation
) -> None:
    partner = partner_add(actor=kessos.user, group=manggar, kind="health", name="Puskesmas")
    assert partner.group == manggar
    with pytest.raises(NotFound):
        partner_add(actor=kessos.user, group=tengah_group, kind="health", name="Puskesmas")
    assert not Partner.objects.filter(group=tengah_group).exists()


# --- pages -----------------------------------------------------------------------------------


def test_a_kasi_kessos_sees_coverage_summary_and_report_of_their_kecamatan(
    kessos: Persona, manggar: Organisation
) -> None:
    client = kessos.client
    month = f"{timezone.localdate():%Y-%m}"
    cover = client.get("/ppatbm/cakupan/")
    assert cover.status_code == 200
    text = cover.content.decode()
    assert "Balikpapan Timur" in text
    assert "Lamaru" in text
    assert "RT tanpa anggota: 004, 005" in text
    assert 'data-testid="partners-link"' in text  # connect partners, not manage the group
    assert "Bentuk kelompok" not in text
    summary = client.get(f"/ppatbm/ringkasan/?area={KECAMATAN}&month={month}")
    assert summary.status_code == 200
    assert 'data-testid="print-link"' in summary.content.decode()
    printed = client.get(f"/ppatbm/ringkasan/cetak/?area={KECAMATAN}&month={month}")
    assert printed.status_code == 200
    body = printed.content.decode()
    assert "Kasi Kesejahteraan Sosial" in body
    assert "Komsos (sosialisasi) 1" in body
    for page in (cover, summary, printed):
        words = page.content.decode()
        assert SECRET not in words
        assert "Rina" not in words
        assert "activist_bpp" not in words


@pytest.mark.parametrize(
    "path",
    [
        f"/ppatbm/cakupan/?area={OTHER_KECAMATAN}",
        "/ppatbm/cakupan/?area=64.71",
        f"/ppatbm/ringkasan/?area={OTHER_KECAMATAN}",
        "/ppatbm/ringkasan/?area=64.71",
        f"/ppatbm/ringkasan/cetak/?area={OTHER_KECAMATAN}",
        "/ppatbm/kelompok/t-ppatbm-tengah/mitra/",
        "/ppatbm/kelompok/t-ppatbm-bpp/",  # the group's management page: supervisors
        "/kasus/",
        "/laporan/",
        "/pelatihan/",
    ],
)
def test_another_kecamatan_and_every_case_or_report_page_is_not_found(
    kessos: Persona, manggar: Organisation, tengah_group: Organisation, path: str
) -> None:
    answer = kessos.client.get(path)
    assert answer.status_code == 404
    assert answer.content == _not_found(kessos.client)


def test_a_kasi_kessos_reaches_no_report_or_case_through_the_api(
    kessos: Persona, manggar: Organisation
) -> None:
    report = Report.objects.get()
    assert kessos.api("GET", f"/api/v1/reports/{report.public_id}").status_code == 404
    assert kessos.api("GET", "/api/v1/cases").status_code in (403, 404)
    summary = kessos.api(
        "GET", f"/api/v1/activities/summary?area={KECAMATAN}&month={timezone.localdate():%Y-%m}"
    )
    assert summary.status_code == 200
    assert summary.json()["activities"] == 1
    other = kessos.api("GET", f"/api/v1/activities/summary?area={OTHER_KECAMATAN}&month=2026-01")
    assert other.status_code == 404


def test_the_home_page_shows_a_kasi_kessos_their_coordination_work(
    kessos: Persona, manggar: Organisation
) -> None:
    page = kessos.client.get("/")
    assert page.status_code == 200
    text = page.content.decode()
    assert 'data-testid="home-coordination"' in text
    assert "3 dari 4 kelurahan belum punya kelompok aktif" in text
    assert "9 dari 12 RT belum punya anggota" in text
    assert "1 kegiatan, 26 peserta" in text
    assert 'data-testid="coordination-print"' in text
    assert 'data-testid="home-expiry"' in text
    assert SECRET not in text


def test_the_coordination_is_not_on_a_supervisors_home_page(personas: Any) -> None:
    text = personas["supervisor_bpp"].client.get("/").content.decode()
    assert 'data-testid="home-coordination"' not in text


def test_a_kasi_kessos_records_a_new_partner_on_its_page(
    kessos: Persona, kessos_tengah: Persona, manggar: Organisation
) -> None:
    url = "/ppatbm/kelompok/t-ppatbm-bpp/mitra/"
    page = kessos.client.get(url)
    assert page.status_code == 200
    assert "Hubungkan mitra baru" in page.content.decode()
    assert "Anggota saat ini" not in page.content.decode()  # no member list
    done = kessos.client.post(url, {"kind": "school", "name": "SDN 001 Manggar"})
    assert done.status_code == 302
    assert done["Location"] == url
    assert Partner.objects.filter(group=manggar, name="SDN 001 Manggar").exists()
    again = kessos.client.post(url, {"kind": "school", "name": "SDN 001 Manggar"})
    assert again.status_code == 422
    assert "sudah tercatat" in again.content.decode()
    # The Kasi Kessos of another kecamatan: the 404 of a missing group, nothing stored.
    refused = kessos_tengah.client.post(url, {"kind": "police", "name": "Polsek"})
    assert refused.status_code == 404
    assert refused.content == _not_found(kessos_tengah.client)
    assert not Partner.objects.filter(name="Polsek").exists()


def test_the_supervisor_still_adds_partners_from_the_group_page(
    personas: Any, manggar: Organisation
) -> None:
    sup = personas["supervisor_bpp"].client
    done = sup.post("/ppatbm/kelompok/t-ppatbm-bpp/mitra/", {"kind": "police", "name": "Polsek"})
    assert done.status_code == 302
    assert done["Location"] == "/ppatbm/kelompok/t-ppatbm-bpp/"
