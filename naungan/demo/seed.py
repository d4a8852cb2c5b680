"""Demo organisations and users for Kota Balikpapan and Provinsi Kalimantan Tengah.

Idempotent: existing organisations and users (matched by slug and username) are left alone.
Later capabilities add their own demo records through ``register_seed_step``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction

from naungan.accounts.models import User
from naungan.accounts.services import staff_create
from naungan.orgs.models import Organisation
from naungan.orgs.services import org_create

from .directory import seed_directory

DEMO_PASSWORD = "Naungan-Demo-2026"  # noqa: S105 - printed for the demo on purpose


@dataclass(frozen=True)
class OrgSpec:
    slug: str
    name: str
    kind: str
    area: str
    services: tuple[str, ...] = ()
    provider_type: str = ""
    capacity: int | None = None


ORGS: list[OrgSpec] = [
    # Kota Balikpapan
    OrgSpec("dp3akb-balikpapan", "DP3AKB Kota Balikpapan", "dinas", "64.71"),
    OrgSpec(
        "uptd-ppa-balikpapan",
        "UPTD PPA Kota Balikpapan",
        "uptd_ppa",
        "64.71",
        ("complaint", "outreach", "case_management", "shelter", "mediation", "accompaniment"),
    ),
    # The kecamatan office: its Kasi Kessos coordinates the PPATBM groups of the kecamatan.
    OrgSpec("kecamatan-balikpapan-timur", "Kecamatan Balikpapan Timur", "dinas", "64.71.01"),
    OrgSpec("ppatbm-manggar", "PPATBM Kelurahan Manggar", "ppatbm", "64.71.01.1001"),
    OrgSpec(
        "ppatbm-gunung-sari-ilir", "PPATBM Kelurahan Gunung Sari Ilir", "ppatbm", "64.71.04.1001"
    ),
    OrgSpec("rsud-beriman", "RSUD Beriman Balikpapan", "provider", "64.71", ("health",), "health"),
    OrgSpec(
        "puskesmas-manggar", "Puskesmas Manggar", "provider", "64.71.01", ("health",), "health"
    ),
    OrgSpec(
        "polresta-unit-ppa",
        "Unit PPA Satreskrim Polresta Balikpapan",
        "provider",
        "64.71",
        ("law_enforcement",),
        "police",
    ),
    OrgSpec(
        "posbakum-aisyiyah",
        "Posbakum Aisyiyah Balikpapan",
        "provider",
        "64.71",
        ("legal_aid",),
        "legal_aid",
    ),
    OrgSpec(
        "psikolog-bpp",
        "Layanan Psikolog Klinis Balikpapan",
        "provider",
        "64.71",
        ("psychosocial",),
        "psychologist",
    ),
    OrgSpec(
        "lpsk",
        "LPSK (Lembaga Perlindungan Saksi dan Korban)",
        "provider",
        "64",
        ("legal_aid", "rehabilitation"),
        "lpsk",
    ),
    OrgSpec(
        "pa-balikpapan",
        "Pengadilan Agama Balikpapan",
        "provider",
        "64.71",
        ("family_counselling",),
        "religious_court",
    ),
    OrgSpec(
        "bikksa-mentari",
        'Bikksa "Mentari" Aisyiyah',
        "provider",
        "64.71",
        ("family_counselling",),
        "family_counselling",
    ),
    OrgSpec(
        "rumah-aman-bpp", "Rumah Aman Balikpapan", "provider", "64.71", ("shelter",), "shelter", 8
    ),
    # Provinsi Kalimantan Tengah
    OrgSpec("dinas-p3appkb-kalteng", "Dinas P3APPKB Provinsi Kalimantan Tengah", "dinas", "62"),
    OrgSpec(
        "uptd-ppa-kalteng",
        "UPTD PPA Provinsi Kalimantan Tengah",
        "uptd_ppa",
        "62",
        ("complaint", "outreach", "case_management", "shelter", "mediation", "accompaniment"),
    ),
    OrgSpec("ppatbm-pahandut", "PPATBM Kelurahan Pahandut", "ppatbm", "62.71.01.1001"),
    OrgSpec("ppatbm-langkai", "PPATBM Kelurahan Langkai", "ppatbm", "62.71.01.1003"),
    OrgSpec(
        "rsud-doris-sylvanus", "RSUD dr. Doris Sylvanus", "provider", "62.71", ("health",), "health"
    ),
    OrgSpec(
        "polda-kalteng-ppa",
        "Unit PPA Polda Kalimantan Tengah",
        "provider",
        "62",
        ("law_enforcement",),
        "police",
    ),
    OrgSpec(
        "posbakum-palangkaraya",
        "Posbakum Pengadilan Negeri Palangka Raya",
        "provider",
        "62.71",
        ("legal_aid",),
        "legal_aid",
    ),
    OrgSpec(
        "psikolog-kalteng",
        "Psikolog Klinis Kalimantan Tengah",
        "provider",
        "62",
        ("psychosocial",),
        "psychologist",
    ),
    OrgSpec(
        "pa-palangkaraya",
        "Pengadilan Agama Palangka Raya",
        "provider",
        "62.71",
        ("family_counselling",),
        "religious_court",
    ),
    OrgSpec(
        "rumah-aman-kalteng",
        "Rumah Aman Kalimantan Tengah",
        "provider",
        "62",
        ("shelter",),
        "shelter",
        10,
    ),
]

# (username, role, organisation, area)
USERS: list[tuple[str, str, str, str]] = [
    ("aktivis_bpp", "activist", "ppatbm-manggar", "64.71.01.1001"),
    ("intake_bpp", "intake", "uptd-ppa-balikpapan", "64.71"),
    ("pendamping_bpp", "caseworker", "uptd-ppa-balikpapan", "64.71"),
    ("supervisor_bpp", "supervisor", "uptd-ppa-balikpapan", "64.71"),
    ("mitra_posbakum", "provider", "posbakum-aisyiyah", "64.71"),
    ("analis_bpp", "analyst", "dp3akb-balikpapan", "64.71"),
    # The Kasi Kessos of Kecamatan Balikpapan Timur: an analyst of the kecamatan (numbers only).
    ("kessos_bpp_timur", "analyst", "kecamatan-balikpapan-timur", "64.71.01"),
    ("admin_bpp", "admin", "dp3akb-balikpapan", "64.71"),
    ("aktivis_kalteng", "activist", "ppatbm-pahandut", "62.71.01.1001"),
    ("intake_kalteng", "intake", "uptd-ppa-kalteng", "62"),
    ("pendamping_kalteng", "caseworker", "uptd-ppa-kalteng", "62"),
    ("supervisor_kalteng", "supervisor", "uptd-ppa-kalteng", "62"),
    ("mitra_rsud_kalteng", "provider", "rsud-doris-sylvanus", "62.71"),
    ("analis_kalteng", "analyst", "dinas-p3appkb-kalteng", "62"),
    ("admin_kalteng", "admin", "dinas-p3appkb-kalteng", "62"),
]

# The demo people's names (fictional): pages name people, not accounts (issue 11).
NAMES: dict[str, tuple[str, str]] = {
    "aktivis_bpp": ("Rina", "Wulandari"),
    "intake_bpp": ("Ayu", "Lestari"),
    "pendamping_bpp": ("Dewi", "Sartika"),
    "supervisor_bpp": ("Hendra", "Gunawan"),
    "mitra_posbakum": ("Yusuf", "Hakim"),
    "analis_bpp": ("Maya", "Putri"),
    "kessos_bpp_timur": ("Siti", "Rahmawati"),
    "admin_bpp": ("Budi", "Santoso"),
    "aktivis_kalteng": ("Nur", "Aini"),
    "intake_kalteng": ("Rahmat", "Hidayat"),
    "pendamping_kalteng": ("Sri", "Rahayu"),
    "supervisor_kalteng": ("Agus", "Salim"),
    "mitra_rsud_kalteng": ("Fitri", "Handayani"),
    "analis_kalteng": ("Eko", "Prasetyo"),
    "admin_kalteng": ("Lina", "Marlina"),
}

_SEED_STEPS: list[Callable[[], None]] = []


def register_seed_step(fn: Callable[[], None]) -> Callable[[], None]:
    """Later apps add demo records (reports, cases …) that build on these users."""
    _SEED_STEPS.append(fn)
    return fn


@transaction.atomic
def seed_demo() -> list[tuple[str, str, str]]:
    """Create the demo data; returns (username, role, area) of every demo user."""
    for spec in ORGS:
        if not Organisation.objects.filter(slug=spec.slug).exists():
            org_create(
                actor=None,
                slug=spec.slug,
                name=spec.name,
                kind=spec.kind,
                area_code=spec.area,
                services=list(spec.services),
                provider_type=spec.provider_type,
                capacity=spec.capacity,
            )
    seed_directory()  # contacts, hours, eligibility, coverage; more partners
    for username, role, org, area in USERS:
        if not User.objects.filter(username=username).exists():
            user = staff_create(
                actor=None,
                username=username,
                password=DEMO_PASSWORD,
                role=role,
                org_slug=org,
                area_code=area,
                email=f"{username}@demo.naungan.invalid",
            )
            user.first_name, user.last_name = NAMES.get(username, ("", ""))
            user.save(update_fields=["first_name", "last_name"])
    for step in _SEED_STEPS:
        step()
    return [(u, r, a) for u, r, _o, a in USERS]
